// One SMTP connection: command lines (or DATA, or a SASL exchange) from LineSession,
// dispatched through the command table; DATA streamed into a spool file through the
// DataReader and handed to the mail store — 250 only when it is durable. While a delivery or
// a password check runs, input is paused, so pipelined replies stay in order.
// Security: everything read here is from an unauthenticated network peer.
#pragma once

#include "auth/saslmechanism.h"
#include "mailstore/spoolfile.h"
#include "net/linesession.h"
#include "smtp/grammar/datareader.h"

#include <QJsonObject>
#include <memory>

class QSslSocket;

namespace maild::core {
struct Context;
}

namespace maild::smtp {

class SmtpService;

struct Recipient
{
    QString address;   // as given in RCPT
    bool remote = false;
    QString target;    // the account (local) or the address to relay to (remote)
    qint64 quotaBytes = 0;
};

struct Transaction
{
    bool active = false;
    QString sender; // empty for <>
    qint64 declaredSize = 0;
    QList<Recipient> recipients;
};

class SmtpSession : public net::LineSession
{
    Q_OBJECT
public:
    SmtpSession(SmtpService &service, QSslSocket *socket, bool submission, bool implicitTls, QObject *parent);
    ~SmtpSession() override;

    SmtpService &service() { return m_service; }
    core::Context &context();
    bool isSubmission() const { return m_submission; }
    QJsonObject describe() const;

    // Replies. The enhanced code (RFC 3463) goes before the text.
    void reply(int code, const char *enhanced, const QString &text);
    void replyLines(int code, const QStringList &lines);
    // Ends the session with a 421 (service stopping, idle timeout...).
    void shutdown(const char *enhanced, const QString &text);

    // State the command handlers read and change.
    QString helo;
    bool esmtp = false;
    QString authUser;
    Transaction transaction;

    // TLS: the service's mode ("off", "offered", "required") and whether STARTTLS can be
    // offered now.
    QString tlsMode();
    bool canStartTls();
    // Answers 220 and starts the handshake, dropping anything the client pipelined; the
    // session starts over once it completes (RFC 3207 4.2).
    void beginStartTls();

    void startData();
    void startAuth(std::unique_ptr<auth::SaslMechanism> mechanism, const std::optional<QByteArray> &initial);
    void quit();

protected:
    void handleLine(const QByteArray &line) override;
    void lineTooLong() override;
    void idleTimeout() override;
    void tlsEstablished() override;
    void bytesIn(qint64 count) override;
    bool inRawMode() const override { return m_mode == Mode::Data; }
    void handleRaw() override;

private:
    enum class Mode { Command, Data, Auth };

    void greet();
    void handleCommand(const QByteArray &line);
    void finishData();
    void abortData();
    void handleAuthResponse(const QByteArray &line);
    void onSaslStep(const auth::SaslStep &step);

    SmtpService &m_service;
    bool m_submission;
    bool m_greeted = false;
    Mode m_mode = Mode::Command;

    std::unique_ptr<DataReader> m_data;
    std::unique_ptr<mailstore::SpoolFile> m_spool;
    QByteArray m_dataOut;
    qint64 m_dataBytes = 0;
    bool m_tooLarge = false;
    QString m_messageId;
    qint64 m_headerOffset = 0;

    std::unique_ptr<auth::SaslMechanism> m_sasl;
    std::optional<QString> m_scramAccount; // SCRAM verified; waiting for the client's last (empty) answer
};

} // namespace maild::smtp
