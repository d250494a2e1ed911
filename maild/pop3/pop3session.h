// One POP3 connection (RFC 1939): AUTHORIZATION (USER/PASS, SASL AUTH, STLS), then
// TRANSACTION on a snapshot of the INBOX taken at login while the maildrop is held
// exclusively, then UPDATE at QUIT, when deletions are committed. Messages are streamed
// from their files with byte-stuffing, never loaded whole.
// Security: input is the network peer's; nothing is deleted unless QUIT arrives.
#pragma once

#include "auth/saslmechanism.h"
#include "mailstore/mailboxview.h"
#include "net/linesession.h"

#include <QFile>
#include <QJsonObject>
#include <QSet>
#include <memory>

namespace maild::core {
struct Context;
}

namespace maild::pop3 {

class Pop3Service;

class Pop3Session : public net::LineSession
{
    Q_OBJECT
public:
    enum class State { Authorization, Transaction };

    Pop3Session(Pop3Service &service, QSslSocket *socket, bool implicitTls, QObject *parent);
    ~Pop3Session() override;

    Pop3Service &service() { return m_service; }
    core::Context &context();
    QJsonObject describe() const;
    void shutdown();

    void ok(const QString &text);
    void err(const QString &text); // text may start with a response code, e.g. "[IN-USE] ..."
    void okLines(const QString &text, const QStringList &lines);

    State state() const { return m_state; }
    QString tlsMode();
    bool canStartTls();
    bool credentialsAllowed(); // false while TLS is required and absent
    void beginStls();

    // AUTHORIZATION
    QString pendingUser;
    void login(const QString &name, const QString &password);
    void startSasl(std::unique_ptr<auth::SaslMechanism> mechanism, const std::optional<QByteArray> &initial);

    // TRANSACTION: messages are numbered 1..count() as at login.
    int count() const { return int(m_messages.size()); }
    // The message for a client-given number, or an error sentence.
    const mailstore::StoredMessage *message(const QByteArray &number, QString *error) const;
    bool isDeleted(int number) const { return m_deleted.contains(number); }
    void markDeleted(int number) { m_deleted.insert(number); }
    void undeleteAll() { m_deleted.clear(); }
    qint64 uidValidity() const { return m_uidValidity; }
    // Sends the message (all of it, or its headers and the first bodyLines lines).
    void stream(const mailstore::StoredMessage &message, qint64 bodyLines);
    void quit();

protected:
    void handleLine(const QByteArray &line) override;
    void lineTooLong() override;
    void idleTimeout() override;
    void tlsEstablished() override;
    void outputWritten() override;

private:
    void greet();
    void handleSaslResponse(const QByteArray &line);
    void onSaslStep(const auth::SaslStep &step);
    void finishLogin(const QString &account);
    void pump();
    void endStream();

    Pop3Service &m_service;
    State m_state = State::Authorization;
    bool m_greeted = false;
    QString m_account;
    bool m_holdsMaildrop = false;
    QList<mailstore::StoredMessage> m_messages;
    QSet<int> m_deleted;
    qint64 m_uidValidity = 0;

    std::unique_ptr<auth::SaslMechanism> m_sasl;
    bool m_inSasl = false;
    std::optional<QString> m_scramAccount; // verified; waiting for the client's empty answer

    // Streaming state.
    std::unique_ptr<QFile> m_file;
    bool m_atLineStart = true;
    bool m_inBody = false;
    qint64 m_bodyLinesLeft = -1; // -1: all
    qint64 m_lineLength = 0; // octets of the current line so far (a chunk may end inside it)
    char m_lastByte = '\n';
};

} // namespace maild::pop3
