// A client of maild's control socket: connects, sends JSON-RPC requests, matches answers to
// callbacks, and reports the daemon's notifications. Asynchronous (for the GUIs, whose
// windows must never freeze); call() plus waitForReply() serves mailctl.
#pragma once

#include "control/errorcode.h"
#include "control/lineframer.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocalSocket>
#include <QObject>
#include <functional>
#include <optional>

namespace common::control {

struct Reply
{
    QJsonValue result;
    std::optional<RpcError> error;
    bool ok() const { return !error.has_value(); }
    QJsonObject object() const { return result.toObject(); }
};

class ControlClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Reply &)>;

    explicit ControlClient(QObject *parent = nullptr);
    ~ControlClient() override;

    void connectToDaemon(const QString &socketPath);
    void disconnectFromDaemon();
    bool isConnected() const;
    QString socketPath() const { return m_path; }

    // Sends a request; the callback runs once with the answer, or with an error when the
    // connection is lost first. Returns the request id.
    qint64 call(const QString &method, const QJsonObject &params = {}, Callback callback = {});
    // Runs the event loop until the request is answered or timeoutMs passes (mailctl).
    Reply callAndWait(const QString &method, const QJsonObject &params = {}, int timeoutMs = 30000);
    // Blocks until connected or failed (mailctl). Returns the failure reason, empty on success.
    QString connectAndWait(const QString &socketPath, int timeoutMs = 5000);

    // A human sentence for a connection failure, naming the socket path.
    static QString describeSocketError(QLocalSocket::LocalSocketError error, const QString &path);

signals:
    void connected();
    void disconnected();
    // The connection could not be made, or the daemon refused this peer (reason in a sentence).
    void connectionFailed(const QString &reason);
    void notificationReceived(const QString &method, const QJsonObject &params);

private:
    void onReadyRead();
    void onDisconnected();
    void failPending(const QString &reason);

    QLocalSocket *m_socket;
    LineFramer m_framer;
    QString m_path;
    qint64 m_nextId = 1;
    QHash<qint64, Callback> m_pending;
};

} // namespace common::control
