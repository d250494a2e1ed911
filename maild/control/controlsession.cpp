// A control connection (see controlsession.h).
#include "control/controlsession.h"

#include "control/controlserver.h"
#include "core/context.h"
#include "core/coresettings.h"
#include "core/logger.h"
#include "core/settings.h"
#include "store/auditlog.h"
#include "store/database.h"

#include <control/jsonrpc.h>
#include <control/protocol.h>
#include <crypto/passwordhash.h>
#include <validation/validation.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <QThreadPool>

namespace maild::control {

using namespace common::control;

namespace {
constexpr qsizetype kMaxQueuedFrames = 1000;
constexpr qint64 kMaxPendingOutput = 16 * 1024 * 1024;
} // namespace

struct ControlSession::Item
{
    QJsonValue id;
    bool notification = false;
    const MethodSpec *spec = nullptr;
    QJsonObject params;
    std::optional<RpcError> error; // refused before running
    QString password;              // to hash, when the method takes one
    QString passwordHash;
    Outcome outcome;
};

struct ControlSession::Job
{
    bool isBatch = false;
    QList<Item> items;
};

ControlSession::ControlSession(core::Context &context, QLocalSocket *socket, PeerCredentials peer, QObject *parent)
    : QObject(parent), m_context(context), m_socket(socket), m_peer(std::move(peer)),
      m_framer(context.settings.integer(QStringLiteral("control.maxFrameBytes")))
{
    m_socket->setParent(this);
    connect(m_socket, &QLocalSocket::readyRead, this, &ControlSession::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, [this] { emit closed(this); });
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &ControlSession::onReadyRead, Qt::QueuedConnection);
}

ControlSession::~ControlSession() = default;

void ControlSession::send(const QByteArray &line)
{
    if (m_socket->state() != QLocalSocket::ConnectedState)
        return;
    if (m_socket->bytesToWrite() > kMaxPendingOutput) {
        core::logWarning(QStringLiteral("control"),
                         QStringLiteral("closing the connection of %1: it does not read its answers").arg(m_peer.describe()));
        close();
        return;
    }
    m_socket->write(line);
}

void ControlSession::close()
{
    m_socket->disconnectFromServer();
}

void ControlSession::subscribeLog(common::model::LogLevel minLevel, const QString &service)
{
    m_logSubscribed = true;
    m_logLevel = minLevel;
    m_logService = service;
}

bool ControlSession::wantsLog(common::model::LogLevel level, const QString &service) const
{
    return m_logSubscribed && level >= m_logLevel && (m_logService.isEmpty() || m_logService == service);
}

void ControlSession::onReadyRead()
{
    m_framer.setMaxFrameBytes(m_context.settings.integer(QStringLiteral("control.maxFrameBytes")));
    m_framer.feed(m_socket->readAll());
    while (true) {
        LineFramer::Result r = m_framer.next();
        if (r.status == LineFramer::Status::NeedMore)
            break;
        if (m_queue.size() >= kMaxQueuedFrames) {
            core::logWarning(QStringLiteral("control"),
                             QStringLiteral("closing the connection of %1: too many requests queued").arg(m_peer.describe()));
            close();
            return;
        }
        m_queue.enqueue(r.status == LineFramer::Status::TooLarge ? QByteArray() : std::move(r.frame));
    }
    processQueue();
}

void ControlSession::processQueue()
{
    while (!m_busy && !m_queue.isEmpty()) {
        const QByteArray frame = m_queue.dequeue();
        if (frame.isEmpty()) {
            send(encodeError(QJsonValue::Null,
                             RpcError(ErrorCode::FrameTooLarge,
                                      QStringLiteral("the request is longer than the limit of %1 bytes; it was discarded")
                                          .arg(m_context.settings.integer(QStringLiteral("control.maxFrameBytes"))))));
            continue;
        }
        handleFrame(frame);
    }
}

void ControlSession::handleFrame(const QByteArray &frame)
{
    const DecodedFrame decoded = decodeRequestFrame(frame);
    auto job = std::make_shared<Job>();
    job->isBatch = decoded.isBatch;
    bool needsHashing = false;
    bool async = false;
    for (const Decoded &d : decoded.items) {
        Item item;
        item.id = d.id;
        if (!d.ok()) {
            item.error = d.error();
            job->items.append(std::move(item));
            continue;
        }
        const Request &request = d.request();
        item.notification = request.isNotification();
        item.params = request.params;
        item.spec = findMethod(request.method);
        if (!item.spec)
            item.error = RpcError(ErrorCode::MethodNotFound, QStringLiteral("no method named %1").arg(request.method));
        else if (!loggedIn() && !(item.spec->flags & Public))
            item.error = RpcError(ErrorCode::NotAuthenticated, QStringLiteral("log in first: call auth.login"));
        else if (decoded.isBatch && ((item.spec->flags & NoBatch) || item.spec->runAsync))
            item.error = RpcError(ErrorCode::InvalidRequest, QStringLiteral("%1 cannot be part of a batch").arg(request.method));
        else if (item.spec->passwordParam && item.params.contains(QLatin1String(item.spec->passwordParam))) {
            const QJsonValue pw = item.params.value(QLatin1String(item.spec->passwordParam));
            if (!pw.isString())
                item.error = RpcError::badParam(QLatin1String(item.spec->passwordParam), QStringLiteral("must be a string"));
            else if (auto problem = common::validation::checkPassword(pw.toString()))
                item.error = RpcError::invalidField(QLatin1String(item.spec->passwordParam), *problem);
            else {
                item.password = pw.toString();
                needsHashing = true;
            }
        }
        async = async || (!item.error && item.spec && item.spec->runAsync);
        job->items.append(std::move(item));
    }
    if (async) {
        runAsync(job);
    } else if (needsHashing) {
        hashPasswords(job);
    } else {
        execute(*job);
        finish(*job);
    }
}

void ControlSession::hashPasswords(std::shared_ptr<Job> job)
{
    m_busy = true;
    QPointer<ControlSession> self(this);
    const int iterations = core::passwordIterations(m_context.settings);
    QThreadPool::globalInstance()->start([self, job, iterations] {
        for (Item &item : job->items) {
            if (!item.password.isEmpty()) {
                item.passwordHash = common::crypto::hashPassword(item.password, iterations);
                item.password.fill(QChar(0));
                item.password.clear();
            }
        }
        common::crypto::releaseThreadState();
        QMetaObject::invokeMethod(
            qApp,
            [self, job] {
                if (!self)
                    return;
                self->execute(*job);
                self->finish(*job);
                self->m_busy = false;
                self->processQueue();
            },
            Qt::QueuedConnection);
    });
}

void ControlSession::runAsync(std::shared_ptr<Job> job)
{
    // Only a single request reaches here (async methods are refused in batches).
    Item &item = job->items.first();
    m_busy = true;
    auto context = std::make_shared<CallContext>(CallContext{m_context, *this, {}, {}, {}});
    QPointer<ControlSession> self(this);
    item.spec->runAsync(*context, item.params, [self, job, context](Outcome outcome) {
        if (!self)
            return;
        Item &done = job->items.first();
        done.outcome = std::move(outcome);
        // An asynchronous change commits its own work; it is audited once it succeeded.
        if (!done.outcome.error && (done.spec->flags & Mutates))
            self->audit(done);
        self->finish(*job);
        self->m_busy = false;
        self->processQueue();
    });
}

void ControlSession::execute(Job &job)
{
    bool mutates = false;
    for (const Item &item : std::as_const(job.items))
        mutates = mutates || (!item.error && (item.spec->flags & Mutates));
    std::optional<store::Transaction> outer;
    if (mutates)
        outer.emplace(m_context.db);

    QList<Notification> notifications;
    QList<std::function<void()>> afterCommit;
    for (Item &item : job.items) {
        if (item.error) {
            item.outcome = Outcome::fail(*item.error);
            continue;
        }
        CallContext ctx{m_context, *this, item.passwordHash, {}, {}};
        if (!(item.spec->flags & Mutates)) {
            item.outcome = item.spec->run(ctx, item.params);
            continue;
        }
        store::Transaction tx(m_context.db);
        item.outcome = item.spec->run(ctx, item.params);
        if (!item.outcome.error)
            audit(item);
        if (item.outcome.error || !tx.commit()) {
            tx.rollback();
            if (!item.outcome.error)
                item.outcome = Outcome::fail(RpcError(ErrorCode::StorageFailed,
                                                      QStringLiteral("the database refused the change: %1").arg(m_context.db.lastError())));
            continue;
        }
        notifications += ctx.notifications;
        afterCommit += ctx.afterCommit;
    }
    if (outer && !outer->commit()) {
        const RpcError failed(ErrorCode::StorageFailed,
                              QStringLiteral("the change could not be written to disk: %1; nothing was changed").arg(m_context.db.lastError()));
        for (Item &item : job.items) {
            if (!item.outcome.error && (item.spec->flags & Mutates))
                item.outcome = Outcome::fail(failed);
        }
        return;
    }
    for (const auto &work : std::as_const(afterCommit))
        work();
    for (const Notification &n : std::as_const(notifications))
        m_context.control->broadcast(n.method, n.params);
}

void ControlSession::audit(const Item &item)
{
    // Secrets never reach the audit table; bulky PEM text is summarised.
    QJsonObject details = item.params;
    for (const char *secret : {"password", "key", "secret"}) {
        if (details.contains(QLatin1String(secret)))
            details.insert(QLatin1String(secret), QStringLiteral("********"));
    }
    if (details.contains(QStringLiteral("certificate")))
        details.insert(QStringLiteral("certificate"),
                       QStringLiteral("(PEM, %1 bytes)").arg(details.value(QStringLiteral("certificate")).toString().size()));
    QString target;
    for (const char *key : {"name", "address", "user"}) {
        if (target.isEmpty())
            target = item.params.value(QLatin1String(key)).toString();
    }
    if (target.isEmpty())
        target = item.params.value(QStringLiteral("values")).toObject().keys().join(QLatin1Char(','));
    const QString method = QString::fromLatin1(item.spec->name);
    store::AuditEntry entry{0, QDateTime::currentDateTimeUtc(), m_user, qint64(m_peer.uid), method, target, details};
    m_context.audit.record(entry);
    core::logNotice(QStringLiteral("control"), QStringLiteral("%1 (%2): %3 %4").arg(m_user, m_peer.describe(), method, target));
}

void ControlSession::finish(Job &job)
{
    QJsonArray answers;
    for (const Item &item : std::as_const(job.items)) {
        if (item.notification)
            continue; // JSON-RPC 2.0: a notification is never answered, not even with an error
        const QJsonObject answer = item.outcome.error ? errorObject(item.id, *item.outcome.error)
                                                      : resultObject(item.id, item.outcome.result);
        if (!job.isBatch) {
            send(encodeLine(answer));
            return;
        }
        answers.append(answer);
    }
    if (job.isBatch && !answers.isEmpty())
        send(encodeLine(answers));
}

} // namespace maild::control
