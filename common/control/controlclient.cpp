// The control socket client (see controlclient.h).
#include "control/controlclient.h"

#include "control/jsonrpc.h"
#include "control/protocol.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

namespace common::control {

namespace {
// A client accepts large answers (account pages, log tails); the limit only bounds memory.
constexpr qsizetype kMaxIncomingFrame = 64 * 1024 * 1024;
} // namespace

ControlClient::ControlClient(QObject *parent)
    : QObject(parent), m_socket(new QLocalSocket(this)), m_framer(kMaxIncomingFrame)
{
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        emit connected();
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &ControlClient::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, &ControlClient::onDisconnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError error) {
        if (error == QLocalSocket::PeerClosedError)
            return;
        if (m_socket->state() == QLocalSocket::UnconnectedState || error == QLocalSocket::ServerNotFoundError ||
            error == QLocalSocket::ConnectionRefusedError || error == QLocalSocket::SocketAccessError) {
            const QString reason = describeSocketError(error, m_path);
            failPending(reason);
            emit connectionFailed(reason);
        }
    });
}

ControlClient::~ControlClient()
{
    m_socket->disconnect(this);
}

void ControlClient::connectToDaemon(const QString &socketPath)
{
    m_path = socketPath;
    m_framer = LineFramer(kMaxIncomingFrame);
    m_socket->abort();
    m_socket->connectToServer(socketPath);
}

void ControlClient::disconnectFromDaemon()
{
    m_socket->disconnectFromServer();
}

bool ControlClient::isConnected() const
{
    return m_socket->state() == QLocalSocket::ConnectedState;
}

QString ControlClient::describeSocketError(QLocalSocket::LocalSocketError error, const QString &path)
{
    // Written out literally so that lupdate files them under the context they are looked up in.
    switch (error) {
    case QLocalSocket::ServerNotFoundError:
        return QCoreApplication::translate("ControlClient", "The mail daemon is not running (no control socket at %1).").arg(path);
    case QLocalSocket::ConnectionRefusedError:
        return QCoreApplication::translate("ControlClient", "The mail daemon is not running (the control socket %1 refused the connection).").arg(path);
    case QLocalSocket::SocketAccessError:
        return QCoreApplication::translate("ControlClient", "Not allowed: you may not open the control socket %1. Ask for membership of the mail administrators' group.").arg(path);
    case QLocalSocket::SocketTimeoutError:
        return QCoreApplication::translate("ControlClient", "The mail daemon did not answer in time (%1).").arg(path);
    default:
        return QCoreApplication::translate("ControlClient", "Cannot talk to the mail daemon at %1.").arg(path);
    }
}

qint64 ControlClient::call(const QString &method, const QJsonObject &params, Callback callback)
{
    const qint64 id = m_nextId++;
    if (!isConnected()) {
        if (callback) {
            QTimer::singleShot(0, this, [callback, path = m_path] {
                callback(Reply{{}, RpcError(ErrorCode::InternalError,
                                            describeSocketError(QLocalSocket::ServerNotFoundError, path))});
            });
        }
        return id;
    }
    m_pending.insert(id, std::move(callback));
    m_socket->write(encodeRequest(id, method, params));
    return id;
}

Reply ControlClient::callAndWait(const QString &method, const QJsonObject &params, int timeoutMs)
{
    std::optional<Reply> reply;
    QEventLoop loop;
    call(method, params, [&](const Reply &r) {
        reply = r;
        loop.quit();
    });
    if (!reply) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!reply)
        return Reply{{}, RpcError(ErrorCode::InternalError,
                                  describeSocketError(QLocalSocket::SocketTimeoutError, m_path))};
    return *reply;
}

QString ControlClient::connectAndWait(const QString &socketPath, int timeoutMs)
{
    QString failure;
    QEventLoop loop;
    auto c1 = connect(this, &ControlClient::connected, &loop, &QEventLoop::quit);
    auto c2 = connect(this, &ControlClient::connectionFailed, &loop, [&](const QString &reason) {
        failure = reason;
        loop.quit();
    });
    connectToDaemon(socketPath);
    if (!isConnected() && failure.isEmpty()) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    disconnect(c1);
    disconnect(c2);
    if (failure.isEmpty() && !isConnected())
        failure = describeSocketError(QLocalSocket::SocketTimeoutError, socketPath);
    return failure;
}

void ControlClient::onReadyRead()
{
    m_framer.feed(m_socket->readAll());
    while (true) {
        const LineFramer::Result r = m_framer.next();
        if (r.status == LineFramer::Status::NeedMore)
            return;
        if (r.status == LineFramer::Status::TooLarge)
            continue;
        const Incoming in = decodeIncoming(r.frame);
        if (in.kind == Incoming::Kind::Notification) {
            emit notificationReceived(in.method, in.params);
            continue;
        }
        if (in.kind != Incoming::Kind::Response)
            continue;
        if (in.id.isNull() && in.error) {
            // An answer to no request: the daemon refused this connection as a whole.
            if (in.error->is(ErrorCode::PermissionDenied)) {
                failPending(in.error->message);
                emit connectionFailed(in.error->message);
            }
            continue;
        }
        const qint64 id = in.id.toInteger(-1);
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue;
        Callback cb = std::move(it.value());
        m_pending.erase(it);
        if (cb)
            cb(Reply{in.result, in.error});
    }
}

void ControlClient::onDisconnected()
{
    failPending(QCoreApplication::translate("ControlClient", "The connection to the mail daemon was closed."));
    emit disconnected();
}

void ControlClient::failPending(const QString &reason)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Callback &cb : pending) {
        if (cb)
            cb(Reply{{}, RpcError(ErrorCode::InternalError, reason)});
    }
}

} // namespace common::control
