// One administrator's session with maild for a GUI: connect, `hello`, `auth.login`, all
// asynchronous; then keep the session alive across daemon restarts by reconnecting every
// few seconds and logging in again. Windows call the daemon through client().
// Security: the password is kept only in memory, only while a session is wanted, so that a
// reconnect needs no prompt; it is wiped on logout, on cancel and when a login is refused.
#pragma once

#include "control/controlclient.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

namespace gui {

class ConnectionManager : public QObject
{
    Q_OBJECT
public:
    // Why a login (or a reconnect) did not succeed.
    enum class FailureKind
    {
        NotRunning,       // no socket, or nobody listening on it
        NotAllowed,       // the socket's permissions or the daemon refused this user (1003)
        WrongPassword,    // 1001
        RateLimited,      // 1002; retryAfterSeconds() says how long
        NeedsBootstrap,   // the daemon has no administrator yet
        ProtocolMismatch, // 1004: the daemon is older than this tool
        Other,
    };
    Q_ENUM(FailureKind)

    enum class State
    {
        Disconnected, // no session wanted
        Connecting,   // first login in progress
        LoggedIn,
        Reconnecting, // the session was lost; trying again every reconnectInterval()
    };
    Q_ENUM(State)

    explicit ConnectionManager(QObject *parent = nullptr);
    ~ConnectionManager() override;

    // Starts a login; ends with loggedIn() or loginFailed(). Replaces any current session.
    void login(const QString &socketPath, const QString &user, const QString &password);
    // Abandons a login in progress (no signal), or ends the session; forgets the password.
    void logout();

    common::control::ControlClient *client() const { return m_client; }
    State state() const { return m_state; }
    bool isLoggedIn() const { return m_state == State::LoggedIn; }
    QString socketPath() const { return m_socketPath; }
    QString user() const { return m_user; }
    // The last `hello` result: protocol, daemon, capabilities, host, needsBootstrap.
    QJsonObject helloResult() const { return m_hello; }
    QString host() const;
    QString daemonVersion() const;
    // After a RateLimited failure: the seconds the daemon asked us to wait.
    int retryAfterSeconds() const { return m_retryAfter; }

    // How long to wait between reconnect attempts (2 s) and for one attempt's answers.
    void setReconnectInterval(int ms) { m_reconnectInterval = ms; }
    int reconnectInterval() const { return m_reconnectInterval; }
    void setAttemptTimeout(int ms) { m_attemptTimeout = ms; }

    // "Too many failed attempts; try again in N seconds."
    static QString describeRateLimit(int seconds);

signals:
    void stateChanged(gui::ConnectionManager::State state);
    void loggedIn(const QJsonObject &helloResult);
    void loginFailed(gui::ConnectionManager::FailureKind kind, const QString &sentence);
    // Emitted (before loginFailed with NeedsBootstrap) when `hello` says there is no
    // administrator yet; the GUI tells the user to run `mailctl bootstrap`.
    void needsBootstrap(const QJsonObject &helloResult);
    // The session was lost; reconnect attempts follow.
    void connectionLost(const QString &reason);
    void reconnected(const QJsonObject &helloResult);
    // A reconnect reached the daemon but was refused (password changed, access removed,
    // daemon downgraded...): the session is over and the user must log in again.
    void reconnectFailed(gui::ConnectionManager::FailureKind kind, const QString &sentence);

private:
    enum class Phase
    {
        Idle,
        Connecting,
        Greeting,
        Authenticating,
        LoggedIn,
        Waiting
    };

    void startAttempt();
    void onConnected();
    void onConnectionFailed(const QString &reason);
    void onDisconnected();
    void onHello(quint64 attempt, const common::control::Reply &reply);
    void onLogin(quint64 attempt, const common::control::Reply &reply);
    // An RPC failed because the connection went away: classified on the next turn of the
    // event loop, once the client has reported why (a refusal arrives just after).
    void failLater(quint64 attempt, const QString &sentence);
    void fail(FailureKind kind, const QString &sentence, bool transient);
    void succeed();
    void setState(State state);
    void forgetPassword();
    bool inHandshake() const;
    QString classifySocketFailure(FailureKind *kind) const;

    common::control::ControlClient *m_client;
    QTimer m_retryTimer;
    QTimer m_attemptTimer;
    State m_state = State::Disconnected;
    Phase m_phase = Phase::Idle;
    bool m_reconnecting = false;
    quint64 m_attempt = 0;
    QString m_socketPath;
    QString m_user;
    QString m_password;
    QJsonObject m_hello;
    int m_retryAfter = 0;
    int m_reconnectInterval = 2000;
    int m_attemptTimeout = 15000;
};

} // namespace gui
