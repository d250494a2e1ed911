// One control connection: frames in, JSON-RPC decoded, the login gate, each request (or
// batch) run through the method table — a batch in one transaction with a savepoint per
// request — audited, answered, and the resulting notifications broadcast. Frames of one
// session are handled strictly in order.
// Security: everything read here comes from a local peer that passed the credential check
// but has not yet logged in; nothing but hello/auth.* is answered before login.
#pragma once

#include "control/method.h"
#include "control/peercredentials.h"

#include <control/lineframer.h>
#include <model/enums.h>

#include <QLocalSocket>
#include <QObject>
#include <QQueue>
#include <memory>

namespace maild::control {

class ControlSession : public QObject
{
    Q_OBJECT
public:
    ControlSession(core::Context &context, QLocalSocket *socket, PeerCredentials peer, QObject *parent);
    ~ControlSession() override;

    const PeerCredentials &peer() const { return m_peer; }
    bool loggedIn() const { return !m_user.isEmpty(); }
    QString user() const { return m_user; }
    void setUser(const QString &user) { m_user = user; }

    void send(const QByteArray &line);
    void subscribeLog(common::model::LogLevel minLevel, const QString &service);
    void unsubscribeLog() { m_logSubscribed = false; }
    bool wantsLog(common::model::LogLevel level, const QString &service) const;
    void close();

signals:
    void closed(maild::control::ControlSession *session);

private:
    struct Item;
    struct Job;

    void onReadyRead();
    void processQueue();
    void handleFrame(const QByteArray &frame);
    void hashPasswords(std::shared_ptr<Job> job);
    void runAsync(std::shared_ptr<Job> job);
    void execute(Job &job);
    void finish(Job &job);
    void audit(const Item &item);

    core::Context &m_context;
    QLocalSocket *m_socket;
    PeerCredentials m_peer;
    common::control::LineFramer m_framer;
    QQueue<QByteArray> m_queue; // frames waiting; an empty QByteArray marks an oversized one
    bool m_busy = false;
    QString m_user;
    bool m_logSubscribed = false;
    common::model::LogLevel m_logLevel = common::model::LogLevel::Info;
    QString m_logService;
};

} // namespace maild::control
