// The control socket server (see controlserver.h).
#include "control/controlserver.h"

#include "control/controlsession.h"
#include "core/logger.h"
#include "core/settings.h"

#include <control/jsonrpc.h>

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <sys/stat.h>

namespace maild::control {

using namespace common::control;

ControlServer::ControlServer(core::Context &context, QObject *parent)
    : QObject(parent), m_context(context), m_server(new QLocalServer(this))
{
    connect(m_server, &QLocalServer::newConnection, this, &ControlServer::onNewConnection);
    connect(&m_context.logger, &core::Logger::entryAdded, this, &ControlServer::onLogEntry);
}

ControlServer::~ControlServer()
{
    close();
}

QString ControlServer::listen(const QString &socketPath)
{
    // We hold the instance lock, so a socket file left here belongs to a dead daemon.
    QFile::remove(socketPath);
    m_server->setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    if (!m_server->listen(socketPath))
        return QStringLiteral("cannot listen on the control socket %1: %2").arg(socketPath, m_server->errorString());
    if (::chmod(QFile::encodeName(socketPath).constData(), 0660) != 0)
        return QStringLiteral("cannot set the mode of the control socket %1").arg(socketPath);
    m_path = socketPath;
    return {};
}

void ControlServer::close()
{
    const QList<ControlSession *> sessions = m_sessions;
    for (ControlSession *s : sessions)
        s->close();
    if (m_server->isListening()) {
        m_server->close();
        QFile::remove(m_path);
    }
}

void ControlServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        const PeerCredentials peer = PeerCredentials::of(int(socket->socketDescriptor()));
        QString refusal = peer.refusal(m_context.settings.string(QStringLiteral("control.adminGroup")));
        if (refusal.isEmpty()) {
            int fromUid = 0;
            for (const ControlSession *s : std::as_const(m_sessions))
                fromUid += s->peer().uid == peer.uid ? 1 : 0;
            if (fromUid >= kMaxSessionsPerUid)
                refusal = QStringLiteral("too many control connections from uid %1 (at most %2)").arg(peer.uid).arg(kMaxSessionsPerUid);
        }
        if (!refusal.isEmpty()) {
            core::logWarning(QStringLiteral("control"), QStringLiteral("refused control connection from %1: %2").arg(peer.describe(), refusal));
            socket->write(encodeError(QJsonValue::Null, RpcError(ErrorCode::PermissionDenied, refusal)));
            socket->flush();
            socket->disconnectFromServer();
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        auto *session = new ControlSession(m_context, socket, peer, this);
        m_sessions.append(session);
        connect(session, &ControlSession::closed, this, [this](ControlSession *s) {
            m_sessions.removeOne(s);
            s->deleteLater();
        });
        core::logDebug(QStringLiteral("control"), QStringLiteral("control connection from %1").arg(peer.describe()));
    }
}

void ControlServer::broadcast(const QString &method, const QJsonObject &params)
{
    const QByteArray line = encodeNotification(method, params);
    const QList<ControlSession *> sessions = m_sessions; // send() may close one
    for (ControlSession *s : sessions) {
        if (s->loggedIn())
            s->send(line);
    }
}

void ControlServer::onLogEntry(const common::model::LogEntry &entry)
{
    QByteArray line;
    const QList<ControlSession *> sessions = m_sessions; // send() may close one
    for (ControlSession *s : sessions) {
        if (!s->loggedIn() || !s->wantsLog(entry.level, entry.service))
            continue;
        if (line.isEmpty())
            line = encodeNotification(QStringLiteral("log.entry"), entry.toJson());
        s->send(line);
    }
}

} // namespace maild::control
