// The GUI's session with maild (see connectionmanager.h).
#include "connectionmanager.h"

#include "control/protocol.h"

#include <QJsonValue>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace gui {

using common::control::ErrorCode;
using common::control::Reply;

ConnectionManager::ConnectionManager(QObject *parent)
    : QObject(parent), m_client(new common::control::ControlClient(this))
{
    m_retryTimer.setSingleShot(true);
    m_attemptTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ConnectionManager::startAttempt);
    connect(&m_attemptTimer, &QTimer::timeout, this, [this] {
        if (inHandshake())
            fail(FailureKind::Other,
                 tr("The mail daemon at %1 did not answer in time.").arg(m_socketPath), true);
    });
    connect(m_client, &common::control::ControlClient::connected, this,
            &ConnectionManager::onConnected);
    connect(m_client, &common::control::ControlClient::connectionFailed, this,
            &ConnectionManager::onConnectionFailed);
    connect(m_client, &common::control::ControlClient::disconnected, this,
            &ConnectionManager::onDisconnected);
}

ConnectionManager::~ConnectionManager()
{
    m_client->disconnect(this);
    forgetPassword();
}

QString ConnectionManager::host() const
{
    return m_hello.value(QStringLiteral("host")).toString();
}

QString ConnectionManager::daemonVersion() const
{
    return m_hello.value(QStringLiteral("daemon")).toString();
}

void ConnectionManager::login(const QString &socketPath, const QString &user,
                              const QString &password)
{
    ++m_attempt;
    m_retryTimer.stop();
    m_attemptTimer.stop();
    m_reconnecting = false;
    m_socketPath = socketPath;
    m_user = user;
    forgetPassword();
    m_password = password;
    m_hello = {};
    m_retryAfter = 0;
    setState(State::Connecting);
    startAttempt();
}

void ConnectionManager::logout()
{
    ++m_attempt;
    m_retryTimer.stop();
    m_attemptTimer.stop();
    m_phase = Phase::Idle;
    m_reconnecting = false;
    forgetPassword();
    m_client->disconnectFromDaemon();
    setState(State::Disconnected);
}

void ConnectionManager::startAttempt()
{
    m_phase = Phase::Connecting;
    m_attemptTimer.start(m_attemptTimeout);
    // A missing socket fails inside this call: the handlers below may already have run.
    m_client->connectToDaemon(m_socketPath);
}

void ConnectionManager::onConnected()
{
    if (m_phase != Phase::Connecting)
        return;
    m_phase = Phase::Greeting;
    const quint64 attempt = m_attempt;
    m_client->call(QStringLiteral("hello"),
                   {{QStringLiteral("protocol"), common::control::kProtocolVersion}},
                   [this, attempt](const Reply &reply) { onHello(attempt, reply); });
}

void ConnectionManager::onConnectionFailed(const QString &reason)
{
    if (m_phase == Phase::Connecting) {
        FailureKind kind = FailureKind::NotRunning;
        const QString sentence = classifySocketFailure(&kind);
        fail(kind, sentence, kind == FailureKind::NotRunning);
    } else if (m_phase == Phase::Greeting || m_phase == Phase::Authenticating) {
        // Connected, then turned away as a whole: the daemon's peer-credential check (1003).
        Q_UNUSED(reason);
        fail(FailureKind::NotAllowed,
             tr("You are not allowed to administer this mail server: only root, the user "
                "that runs maild and members of its administrators' group may use its "
                "control socket."),
             false);
    }
}

void ConnectionManager::onDisconnected()
{
    if (m_phase == Phase::LoggedIn) {
        ++m_attempt;
        m_phase = Phase::Waiting;
        m_reconnecting = true;
        setState(State::Reconnecting);
        emit connectionLost(tr("The connection to the mail daemon was lost."));
        m_retryTimer.start(m_reconnectInterval);
    } else if (m_phase == Phase::Greeting || m_phase == Phase::Authenticating) {
        failLater(m_attempt, tr("The mail daemon closed the connection during login."));
    }
}

void ConnectionManager::onHello(quint64 attempt, const Reply &reply)
{
    if (attempt != m_attempt || m_phase != Phase::Greeting)
        return;
    if (!reply.ok()) {
        const auto &error = *reply.error;
        if (error.is(ErrorCode::ProtocolMismatch)) {
            fail(FailureKind::ProtocolMismatch,
                 tr("This mail daemon is older than this tool, which needs control protocol "
                    "version %1. Update maild, or use the tools that came with it.")
                     .arg(common::control::kProtocolVersion),
                 false);
        } else if (error.is(ErrorCode::PermissionDenied)) {
            onConnectionFailed(error.message);
        } else if (error.is(ErrorCode::InternalError)) {
            failLater(attempt, error.message);
        } else {
            fail(FailureKind::Other,
                 tr("The mail daemon refused the connection: %1").arg(error.message), false);
        }
        return;
    }
    m_hello = reply.object();
    if (m_hello.value(QStringLiteral("needsBootstrap")).toBool()) {
        emit needsBootstrap(m_hello);
        fail(FailureKind::NeedsBootstrap,
             tr("This server has no administrator yet. Run `mailctl bootstrap` as the user "
                "that runs maild."),
             false);
        return;
    }
    m_phase = Phase::Authenticating;
    m_client->call(QStringLiteral("auth.login"),
                   {{QStringLiteral("user"), m_user}, {QStringLiteral("password"), m_password}},
                   [this, attempt](const Reply &r) { onLogin(attempt, r); });
}

void ConnectionManager::onLogin(quint64 attempt, const Reply &reply)
{
    if (attempt != m_attempt || m_phase != Phase::Authenticating)
        return;
    if (reply.ok()) {
        succeed();
        return;
    }
    const auto &error = *reply.error;
    switch (static_cast<ErrorCode>(error.code)) {
    case ErrorCode::LoginFailed:
        fail(FailureKind::WrongPassword, tr("Wrong name or password."), false);
        break;
    case ErrorCode::RateLimited:
        m_retryAfter = qMax(1, error.data.value(QStringLiteral("retryAfter")).toInt());
        fail(FailureKind::RateLimited, describeRateLimit(m_retryAfter), false);
        break;
    case ErrorCode::PermissionDenied:
        onConnectionFailed(error.message);
        break;
    case ErrorCode::InternalError:
        failLater(attempt, error.message);
        break;
    default:
        fail(FailureKind::Other, tr("The mail daemon refused the login: %1").arg(error.message),
             false);
        break;
    }
}

QString ConnectionManager::describeRateLimit(int seconds)
{
    return tr("Too many failed attempts; try again in %1 seconds.").arg(seconds);
}

void ConnectionManager::failLater(quint64 attempt, const QString &sentence)
{
    QTimer::singleShot(0, this, [this, attempt, sentence] {
        if (attempt != m_attempt || !inHandshake())
            return;
        if (m_client->isConnected())
            fail(FailureKind::Other, tr("The mail daemon failed: %1").arg(sentence), false);
        else
            fail(FailureKind::Other, tr("The mail daemon closed the connection during login."),
                 true);
    });
}

void ConnectionManager::fail(FailureKind kind, const QString &sentence, bool transient)
{
    ++m_attempt;
    m_attemptTimer.stop();
    const bool wasReconnecting = m_reconnecting;
    if (wasReconnecting && (transient || kind == FailureKind::RateLimited)) {
        // The daemon is still away (or busy refusing someone else): keep trying quietly.
        m_phase = Phase::Waiting;
        m_client->disconnectFromDaemon();
        const int wait = kind == FailureKind::RateLimited
                             ? qMax(m_reconnectInterval, m_retryAfter * 1000)
                             : m_reconnectInterval;
        m_retryTimer.start(wait);
        return;
    }
    m_phase = Phase::Idle;
    m_reconnecting = false;
    m_client->disconnectFromDaemon();
    forgetPassword();
    setState(State::Disconnected);
    if (wasReconnecting)
        emit reconnectFailed(kind, sentence);
    else
        emit loginFailed(kind, sentence);
}

void ConnectionManager::succeed()
{
    m_attemptTimer.stop();
    m_retryTimer.stop();
    m_phase = Phase::LoggedIn;
    const bool wasReconnecting = std::exchange(m_reconnecting, false);
    setState(State::LoggedIn);
    if (wasReconnecting)
        emit reconnected(m_hello);
    else
        emit loggedIn(m_hello);
}

void ConnectionManager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ConnectionManager::forgetPassword()
{
    // Best effort: overwrite our copy before releasing it.
    if (!m_password.isEmpty())
        m_password.fill(QChar(u'\0'));
    m_password.clear();
}

bool ConnectionManager::inHandshake() const
{
    return m_phase == Phase::Connecting || m_phase == Phase::Greeting ||
           m_phase == Phase::Authenticating;
}

QString ConnectionManager::classifySocketFailure(FailureKind *kind) const
{
    // QLocalSocket's error names lose the difference between "no such file" and "a directory
    // on the way may not be searched", so ask the file system directly.
    const QString notAllowed =
        tr("You are not allowed to administer this mail server: your user may not open the "
           "control socket %1. Ask to be made a member of the mail administrators' group.")
            .arg(m_socketPath);
    const QByteArray path = m_socketPath.toLocal8Bit();
    struct stat st
    {
    };
    if (::stat(path.constData(), &st) != 0) {
        if (errno == EACCES) {
            *kind = FailureKind::NotAllowed;
            return notAllowed;
        }
        *kind = FailureKind::NotRunning;
        return tr("The mail daemon is not running: there is no control socket at %1. Start "
                  "maild, or choose the socket of the daemon you want to administer.")
            .arg(m_socketPath);
    }
    if (::access(path.constData(), R_OK | W_OK) != 0 && errno == EACCES) {
        *kind = FailureKind::NotAllowed;
        return notAllowed;
    }
    if (!S_ISSOCK(st.st_mode)) {
        *kind = FailureKind::Other;
        return tr("%1 is not a control socket. Choose the file control.sock in the run "
                  "directory of the mail daemon's data directory.")
            .arg(m_socketPath);
    }
    *kind = FailureKind::NotRunning;
    return tr("The mail daemon is not running: nothing answers on the control socket %1.")
        .arg(m_socketPath);
}

} // namespace gui
