// The SMTP service: listeners on the SMTP and submission ports of every listen address,
// the sessions, the limits on connections (total and per client address), and the counters
// shown in server.status. Registered with the service registry, started and stopped live.
#pragma once

#include "core/service.h"

#include <QHash>
#include <QList>

class QSslSocket;

namespace maild::core {
struct Context;
}
namespace maild::net {
class TcpListener;
}

namespace maild::smtp {

class SmtpSession;

class SmtpService : public core::Service
{
    Q_OBJECT
public:
    explicit SmtpService(core::Context &context, QObject *parent = nullptr);
    ~SmtpService() override;

    QString name() const override { return QStringLiteral("smtp"); }
    QString displayName() const override { return QStringLiteral("SMTP"); }
    QString start() override;
    void stop() override;
    void applySettings(const QStringList &changedKeys) override;
    QStringList listeners() const override;
    QJsonObject counters() const override;
    QJsonArray connections() const override;

    core::Context &context() { return m_context; }
    void countBytes(qint64 n) { m_bytes += n; }
    void countAccepted(int recipients)
    {
        ++m_accepted;
        m_recipients += recipients;
    }
    void countRejected() { ++m_rejected; }
    void countAuthFailure() { ++m_authFailures; }

private:
    QString bindListeners();
    void closeListeners();
    void onAccepted(QSslSocket *socket, const QString &role);

    core::Context &m_context;
    QList<net::TcpListener *> m_listeners;
    QList<SmtpSession *> m_sessions;
    QHash<QString, int> m_perAddress;
    qint64 m_connections = 0;
    qint64 m_refused = 0;
    qint64 m_accepted = 0;
    qint64 m_rejected = 0;
    qint64 m_recipients = 0;
    qint64 m_bytes = 0;
    qint64 m_authFailures = 0;
};

} // namespace maild::smtp
