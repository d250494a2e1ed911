// The control socket: a QLocalServer at <data>/run/control.sock (mode 0660 in a 0750
// directory), the peer-credential gate on accept, the sessions, the failed-login limiter,
// and broadcasting of notifications (service state, settings, accounts, log lines).
// Security: a refused peer gets one error line and is disconnected before any request is read.
#pragma once

#include "control/loginlimiter.h"
#include "core/context.h"

#include <model/logentry.h>

#include <QJsonObject>
#include <QList>
#include <QObject>

class QLocalServer;

namespace maild::control {

class ControlSession;

class ControlServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxSessionsPerUid = 64;

    explicit ControlServer(core::Context &context, QObject *parent = nullptr);
    ~ControlServer() override;

    // Returns an error sentence or "".
    QString listen(const QString &socketPath);
    void close();

    void broadcast(const QString &method, const QJsonObject &params);
    int sessionCount() const { return int(m_sessions.size()); }
    LoginLimiter &limiter() { return m_limiter; }

private:
    void onNewConnection();
    void onLogEntry(const common::model::LogEntry &entry);

    core::Context &m_context;
    QLocalServer *m_server;
    QList<ControlSession *> m_sessions;
    LoginLimiter m_limiter;
    QString m_path;
};

} // namespace maild::control
