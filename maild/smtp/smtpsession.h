// One SMTP connection: reads command lines (or DATA, or a SASL exchange), dispatches each
// command through the command table, streams DATA into a spool file through the DataReader,
// and hands the finished message to the mail store — answering 250 only when it is durable.
// While a delivery or a password check is under way the session reads on but handles no
// further pipelined command, so replies always come in order.
// Security: everything read here is from an unauthenticated network peer.
#pragma once

#include "auth/saslmechanism.h"
#include "mailstore/spoolfile.h"
#include "smtp/grammar/datareader.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
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

class SmtpSession : public QObject
{
    Q_OBJECT
public:
    SmtpSession(SmtpService &service, QSslSocket *socket, bool submission, bool implicitTls, QObject *parent);
    ~SmtpSession() override;

    SmtpService &service() { return m_service; }
    core::Context &context();
    QHostAddress peer() const { return m_peer; }
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

    // TLS: the service's mode ("off", "offered", "required"), whether this connection is
    // encrypted, and whether STARTTLS can be offered now.
    QString tlsMode();
    bool isEncrypted() const;
    bool canStartTls();
    // Answers 220, discards anything the client pipelined, and starts the handshake; the
    // session starts over once it completes (RFC 3207 4.2).
    void startTls();

    void startData();
    void startAuth(std::unique_ptr<auth::SaslMechanism> mechanism, const std::optional<QByteArray> &initial);
    void quit();

signals:
    void finished(maild::smtp::SmtpSession *session);

private:
    enum class Mode { Command, Data, Auth, Closed };

    void onReadyRead();
    void process();
    bool takeLine(QByteArray *line);
    void handleCommand(const QByteArray &line);
    void processData();
    void finishData();
    void abortData();
    void handleAuthResponse(const QByteArray &line);
    void onSaslStep(const auth::SaslStep &step);
    void resumeAfterAsync();
    void closeNow();
    void greet();
    bool beginHandshake();

    SmtpService &m_service;
    QSslSocket *m_socket;
    QHostAddress m_peer;
    bool m_submission;
    QDateTime m_since;
    Mode m_mode = Mode::Command;
    bool m_busy = false;
    bool m_discardingLine = false;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    QTimer m_idle;

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
