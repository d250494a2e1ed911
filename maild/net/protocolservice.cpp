// Listening mail services (see protocolservice.h).
#include "net/protocolservice.h"

#include "core/context.h"
#include "core/logger.h"
#include "core/settings.h"
#include "core/statistics.h"
#include "net/linesession.h"
#include "net/tcplistener.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSslSocket>

#include <utility>

namespace maild::net {

ProtocolService::ProtocolService(core::Context &context, QList<ListenerSpec> listeners, QObject *parent)
    : core::Service(parent), m_context(context), m_specs(std::move(listeners))
{
}

ProtocolService::~ProtocolService()
{
    closeListeners();
    deleteSessions();
}

void ProtocolService::deleteSessions()
{
    const QList<LineSession *> sessions = std::exchange(m_sessions, {});
    m_perAddress.clear();
    for (LineSession *s : sessions) {
        s->disconnect(this); // its finished() must not reach a list it is no longer in
        delete s;
    }
}

QString ProtocolService::bindListeners()
{
    const QStringList addresses = m_context.settings.list(QStringLiteral("listen.addresses"));
    for (const ListenerSpec &spec : std::as_const(m_specs)) {
        const quint16 port = quint16(m_context.settings.integer(spec.portKey));
        if (port == 0)
            continue;
        if (QString e = bindAll(addresses, port, spec.role, this, &m_listeners); !e.isEmpty()) {
            closeListeners();
            return e;
        }
    }
    for (TcpListener *l : std::as_const(m_listeners))
        connect(l, &TcpListener::accepted, this, &ProtocolService::onAccepted);
    return {};
}

void ProtocolService::closeListeners()
{
    qDeleteAll(m_listeners);
    m_listeners.clear();
}

QString ProtocolService::start()
{
    if (QString e = bindListeners(); !e.isEmpty()) {
        setState(core::ServiceState::Failed, e);
        return e;
    }
    setState(core::ServiceState::Running);
    core::logInfo(name(), QStringLiteral("listening on %1").arg(listeners().join(QStringLiteral(", "))));
    return {};
}

void ProtocolService::stop()
{
    closeListeners();
    const QList<LineSession *> sessions = m_sessions;
    for (LineSession *s : sessions)
        shutdownSession(s);
    setState(core::ServiceState::Stopped);
}

void ProtocolService::applySettings(const QStringList &changedKeys)
{
    bool rebind = changedKeys.contains(QStringLiteral("listen.addresses"));
    for (const ListenerSpec &spec : std::as_const(m_specs))
        rebind = rebind || changedKeys.contains(spec.portKey);
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

QStringList ProtocolService::listeners() const
{
    QStringList out;
    for (const TcpListener *l : m_listeners)
        out.append(l->describe());
    return out;
}

void ProtocolService::onAccepted(QSslSocket *socket, const QString &role)
{
    const QString address = socket->peerAddress().toString();
    const qint64 perAddress = m_context.settings.integer(name() + QStringLiteral(".maxConnectionsPerAddress"));
    const QString totalKey = name() + QStringLiteral(".maxConnections");
    const qint64 total = m_context.settings.isDefined(totalKey) ? m_context.settings.integer(totalKey) : 100000;
    if (m_perAddress.value(address) >= perAddress || m_sessions.size() >= total) {
        ++m_refused;
        core::logWarning(name(), QStringLiteral("refused a connection from %1: too many connections").arg(address));
        socket->write(tooManyConnections());
        socket->disconnectFromHost();
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    ++m_connections;
    if (m_context.statistics)
        m_context.statistics->add(core::Statistics::Counter::Connections);
    ++m_perAddress[address];
    LineSession *session = createSession(socket, role);
    session->setStatistics(m_context.statistics);
    m_sessions.append(session);
    connect(session, &LineSession::finished, this, [this, address, session] {
        m_sessions.removeOne(session);
        if (--m_perAddress[address] <= 0)
            m_perAddress.remove(address);
        session->deleteLater();
    });
}

QJsonArray ProtocolService::describeSessions() const
{
    // Each protocol's connections() describes sessions() in order, one object per session
    // (the session classes know their user and mailbox); the id is added here so no protocol
    // has to know of it.
    const QJsonArray described = connections();
    Q_ASSERT(described.size() == m_sessions.size());
    QJsonArray out;
    for (qsizetype i = 0; i < described.size() && i < m_sessions.size(); ++i) {
        const LineSession *session = m_sessions.at(i);
        if (session->isClosed())
            continue;
        QJsonObject entry = described.at(i).toObject();
        entry.insert(QStringLiteral("id"), qint64(session->id()));
        out.append(entry);
    }
    return out;
}

bool ProtocolService::closeSession(quint64 id)
{
    for (LineSession *session : std::as_const(m_sessions)) {
        if (session->id() != id || session->isClosed())
            continue;
        core::logInfo(name(), QStringLiteral("closing connection %1 from %2 at an administrator's request")
                                  .arg(id)
                                  .arg(session->peer().toString()));
        shutdownSession(session);
        return true;
    }
    return false;
}

} // namespace maild::net
