// The POP3 service: the POP3 and POP3S listeners (net::ProtocolService), its sessions and
// the counters shown in server.status.
#pragma once

#include "net/protocolservice.h"

namespace maild::pop3 {

class Pop3Service : public net::ProtocolService
{
    Q_OBJECT
public:
    explicit Pop3Service(core::Context &context, QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("pop3"); }
    QString displayName() const override { return QStringLiteral("POP3"); }
    QJsonObject counters() const override;
    QJsonArray connections() const override;

    qint64 logins = 0;
    qint64 authFailures = 0;
    qint64 retrieved = 0;
    qint64 deleted = 0;
    qint64 bytesSent = 0;

protected:
    net::LineSession *createSession(QSslSocket *socket, const QString &role) override;
    QByteArray tooManyConnections() const override;
    void shutdownSession(net::LineSession *session) override;
};

} // namespace maild::pop3
