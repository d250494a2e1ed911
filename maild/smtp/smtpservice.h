// The SMTP service: the SMTP, submission and SMTPS listeners (net::ProtocolService), its
// sessions, and the counters shown in server.status.
#pragma once

#include "net/protocolservice.h"

namespace maild::smtp {

class SmtpService : public net::ProtocolService
{
    Q_OBJECT
public:
    explicit SmtpService(core::Context &context, QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("smtp"); }
    QString displayName() const override { return QStringLiteral("SMTP"); }
    QJsonObject counters() const override;
    QJsonArray connections() const override;

    void countBytes(qint64 n) { m_bytes += n; }
    // A message was stored and acknowledged; queuedRemote: a copy went to the outbound queue.
    void countAccepted(int recipients, bool queuedRemote);
    void countRejected() { ++m_rejected; }
    void countAuthFailure() { ++m_authFailures; }

protected:
    net::LineSession *createSession(QSslSocket *socket, const QString &role) override;
    QByteArray tooManyConnections() const override;
    void shutdownSession(net::LineSession *session) override;

private:
    qint64 m_accepted = 0;
    qint64 m_rejected = 0;
    qint64 m_recipients = 0;
    qint64 m_bytes = 0;
    qint64 m_authFailures = 0;
};

} // namespace maild::smtp
