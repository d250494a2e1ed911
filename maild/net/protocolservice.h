// What every listening mail service shares: listeners per (port setting, role) on every
// listen address, rebinding when those settings change, the sessions, the limits on
// connections per client address and in total, and start/stop with the protocol's goodbye.
// SMTP, POP3 and IMAP derive from it and create their sessions. Every session has an id for
// the daemon's life, by which the control plane lists and closes single connections.
#pragma once

#include "core/service.h"

#include <QHash>
#include <QList>

class QSslSocket;

namespace maild::core {
struct Context;
}

namespace maild::net {

class LineSession;
class TcpListener;

class ProtocolService : public core::Service
{
    Q_OBJECT
public:
    struct ListenerSpec
    {
        QString portKey; // "smtp.port"
        QString role;    // "smtp", passed to createSession
    };

    ProtocolService(core::Context &context, QList<ListenerSpec> listeners, QObject *parent = nullptr);
    ~ProtocolService() override;

    QString start() override;
    void stop() override;
    void applySettings(const QStringList &changedKeys) override;
    QStringList listeners() const override;
    core::Context &context() { return m_context; }
    const QList<LineSession *> &sessions() const { return m_sessions; }
    int openSessions() const override { return int(m_sessions.size()); }
    // Sessions are deleted here, not as children in ~QObject: a session's destructor may use
    // its service (IMAP's listeners), which by then would be gone. A derived service whose
    // sessions use its own members calls this in its destructor.
    void deleteSessions() override;

    // The open sessions as connections() describes them, each with its "id" added; sessions
    // already saying goodbye are left out.
    QJsonArray describeSessions() const;
    // Ends the open session with this id with the protocol's goodbye; false if there is none.
    bool closeSession(quint64 id);

protected:
    virtual LineSession *createSession(QSslSocket *socket, const QString &role) = 0;
    // The protocol's "too busy" line for a refused connection.
    virtual QByteArray tooManyConnections() const = 0;
    // Ends a session because the service stops, with the protocol's goodbye.
    virtual void shutdownSession(LineSession *session) = 0;
    qint64 m_connections = 0;
    qint64 m_refused = 0;

private:
    QString bindListeners();
    void closeListeners();
    void onAccepted(QSslSocket *socket, const QString &role);

    core::Context &m_context;
    QList<ListenerSpec> m_specs;
    QList<TcpListener *> m_listeners;
    QList<LineSession *> m_sessions;
    QHash<QString, int> m_perAddress;
};

} // namespace maild::net
