// The SMTP service (see smtpservice.h).
#include "smtp/smtpservice.h"

#include "core/context.h"
#include "core/logger.h"
#include "core/settings.h"
#include "net/tcplistener.h"
#include "smtp/smtpsession.h"

#include <QSslSocket>

namespace maild::smtp {

namespace {
const QStringList kListenerKeys{QStringLiteral("smtp.port"), QStringLiteral("submission.port"),
                                QStringLiteral("smtps.port"), QStringLiteral("listen.addresses")};
} // namespace

SmtpService::SmtpService(core::Context &context, QObject *parent) : core::Service(parent), m_context(context) {}

SmtpService::~SmtpService()
{
    closeListeners();
}

QString SmtpService::bindListeners()
{
    const QStringList addresses = m_context.settings.list(QStringLiteral("listen.addresses"));
    for (const auto &[key, role] : {std::pair{QStringLiteral("smtp.port"), QStringLiteral("smtp")},
                                    {QStringLiteral("submission.port"), QStringLiteral("submission")},
                                    {QStringLiteral("smtps.port"), QStringLiteral("smtps")}}) {
        const quint16 port = quint16(m_context.settings.integer(key));
        if (port == 0)
            continue;
        if (QString e = net::bindAll(addresses, port, role, this, &m_listeners); !e.isEmpty()) {
            closeListeners();
            return e;
        }
    }
    for (net::TcpListener *l : std::as_const(m_listeners))
        connect(l, &net::TcpListener::accepted, this, &SmtpService::onAccepted);
    return {};
}

void SmtpService::closeListeners()
{
    qDeleteAll(m_listeners);
    m_listeners.clear();
}

QString SmtpService::start()
{
    if (QString e = bindListeners(); !e.isEmpty()) {
        setState(core::ServiceState::Failed, e);
        return e;
    }
    setState(core::ServiceState::Running);
    core::logInfo(name(), QStringLiteral("listening on %1").arg(listeners().join(QStringLiteral(", "))));
    return {};
}

void SmtpService::stop()
{
    closeListeners();
    const QString host = m_context.settings.string(QStringLiteral("server.hostname"));
    const QList<SmtpSession *> sessions = m_sessions;
    for (SmtpSession *s : sessions)
        s->shutdown("4.3.2", host + QStringLiteral(" service shutting down"));
    setState(core::ServiceState::Stopped);
}

void SmtpService::applySettings(const QStringList &changedKeys)
{
    bool rebind = false;
    for (const QString &key : changedKeys)
        rebind = rebind || kListenerKeys.contains(key);
    if (!rebind)
        return;
    closeListeners();
    if (QString e = bindListeners(); !e.isEmpty()) {
        setState(core::ServiceState::Failed, e);
        return;
    }
    core::logInfo(name(), QStringLiteral("now listening on %1").arg(listeners().join(QStringLiteral(", "))));
    emit stateChanged();
}

QStringList SmtpService::listeners() const
{
    QStringList out;
    for (const net::TcpListener *l : m_listeners)
        out.append(l->describe());
    return out;
}

QJsonObject SmtpService::counters() const
{
    return {{QStringLiteral("connections"), m_connections},
            {QStringLiteral("activeConnections"), qint64(m_sessions.size())},
            {QStringLiteral("connectionsRefused"), m_refused},
            {QStringLiteral("messagesAccepted"), m_accepted},
            {QStringLiteral("messagesRejected"), m_rejected},
            {QStringLiteral("recipientsAccepted"), m_recipients},
            {QStringLiteral("bytesReceived"), m_bytes},
            {QStringLiteral("authFailures"), m_authFailures}};
}

QJsonArray SmtpService::connections() const
{
    QJsonArray out;
    for (const SmtpSession *s : m_sessions)
        out.append(s->describe());
    return out;
}

void SmtpService::onAccepted(QSslSocket *socket, const QString &role)
{
    const QString address = socket->peerAddress().toString();
    const qint64 perAddress = m_context.settings.integer(QStringLiteral("smtp.maxConnectionsPerAddress"));
    const qint64 total = m_context.settings.integer(QStringLiteral("smtp.maxConnections"));
    const QString host = m_context.settings.string(QStringLiteral("server.hostname"));
    if (m_perAddress.value(address) >= perAddress || m_sessions.size() >= total) {
        ++m_refused;
        core::logWarning(name(), QStringLiteral("refused a connection from %1: too many connections").arg(address));
        socket->write("421 4.7.0 " + host.toUtf8() + " too many connections from your address; try again later\r\n");
        socket->disconnectFromHost();
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    ++m_connections;
    ++m_perAddress[address];
    const bool implicitTls = role == QLatin1String("smtps");
    auto *session = new SmtpSession(*this, socket, role != QLatin1String("smtp"), implicitTls, this);
    m_sessions.append(session);
    connect(session, &SmtpSession::finished, this, [this, address, session] {
        SmtpSession *s = session;
        m_sessions.removeOne(s);
        if (--m_perAddress[address] <= 0)
            m_perAddress.remove(address);
        s->deleteLater();
    });
}

} // namespace maild::smtp
