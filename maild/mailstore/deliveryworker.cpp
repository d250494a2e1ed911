// Group-commit delivery (see deliveryworker.h).
#include "mailstore/deliveryworker.h"

#include "mailstore/mailindex.h"
#include "store/database.h"

#include <QDir>
#include <future>
#include <QSet>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace maild::mailstore {

namespace {

constexpr size_t kMaxBatch = 512;
constexpr int kMaxOpenIndexes = 256;

QString errnoText() { return QString::fromLocal8Bit(std::strerror(errno)); }

bool fsyncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// Links a spool file under a new name; a leftover of an uncommitted earlier attempt (crash
// between link and commit) is replaced, since no committed row can point at it.
bool linkInto(const QString &from, const QString &to)
{
    const QByteArray src = QFile::encodeName(from);
    const QByteArray dst = QFile::encodeName(to);
    if (::link(src.constData(), dst.constData()) == 0)
        return true;
    if (errno != EEXIST)
        return false;
    ::unlink(dst.constData());
    return ::link(src.constData(), dst.constData()) == 0;
}

bool makeDir(const QString &path)
{
    return ::mkdir(QFile::encodeName(path).constData(), 0700) == 0 || errno == EEXIST;
}

} // namespace

DeliveryWorker::DeliveryWorker(QString dataDir, QObject *resultContext)
    : m_dataDir(std::move(dataDir)), m_context(resultContext)
{
}

DeliveryWorker::~DeliveryWorker()
{
    stop();
}

void DeliveryWorker::start(bool recover)
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this, recover] { run(recover); });
}

void DeliveryWorker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void DeliveryWorker::submit(DeliveryJob job, Completion done)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(Pending{std::move(job), std::move(done), {}, {}});
    }
    m_wake.notify_one();
}

void DeliveryWorker::update(const QString &account, std::function<QVariant(IndexUpdate &)> work, UpdateDone done,
                            bool createFolder, bool flagsOnly)
{
    auto task = [this, account, work = std::move(work), done = std::move(done), createFolder, flagsOnly] {
        QString error;
        QVariant result;
        QStringList changed;
        store::Database *db = indexFor(account, &error, createFolder);
        if (db && flagsOnly)
            db->exec("PRAGMA synchronous = NORMAL");
        if (db) {
            const QString accountDir = m_dataDir + QStringLiteral("/mail/") + account;
            MailIndex index(*db);
            IndexUpdate u{index, accountDir, {}, {}, false, {}};
            store::Transaction tx(*db);
            result = work(u);
            error = u.error;
            if (error.isEmpty() && u.syncMessageDir && !fsyncPath(accountDir + QStringLiteral("/msg")))
                error = QStringLiteral("cannot sync the mail folder: %1").arg(errnoText());
            if (error.isEmpty() && !tx.commit())
                error = QStringLiteral("cannot commit the mail index: %1").arg(db->lastError());
            if (error.isEmpty()) {
                // After the commit: a crash in between leaves only orphans, which recovery removes.
                for (const QString &f : std::as_const(u.filesToRemove))
                    QFile::remove(accountDir + QLatin1Char('/') + f);
                setAccountUsage(account, index.usage());
                changed = u.changedMailboxes;
            }
        }
        if (db && flagsOnly)
            db->exec("PRAGMA synchronous = FULL");
        QMetaObject::invokeMethod(m_context, [done, error, result, changed] { done(error, result, changed); },
                                  Qt::QueuedConnection);
    };
    post(std::move(task));
}

void DeliveryWorker::post(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    m_wake.notify_one();
}

void DeliveryWorker::removeAccount(const QString &account)
{
    const auto remove = [this, account] {
        m_deleted.insert(account);
        m_indexes.remove(account);
        QDir(m_dataDir + QStringLiteral("/mail/") + account).removeRecursively();
    };
    if (!m_thread.joinable())
        return remove();
    // Waits for the worker (at most the group it is committing): when account.delete answers,
    // the mail is gone. The worker never waits for the event loop, so this cannot deadlock.
    std::promise<void> removed;
    std::future<void> done = removed.get_future();
    post([&] {
        remove();
        removed.set_value();
    });
    done.wait();
}

void DeliveryWorker::accountCreated(const QString &account)
{
    post([this, account] { m_deleted.remove(account); });
}

MessageSummary DeliveryWorker::summarize(const DeliveryJob &job) const
{
    if (job.size <= 0)
        return {};
    // The spool descriptor is write-only: the file is mapped through one of its own.
    const int fd = ::open(QFile::encodeName(job.spoolPath).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {}; // FETCH parses the file instead
    void *map = ::mmap(nullptr, size_t(job.size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED)
        return {};
    const MessageSummary out = m_summarizer(QByteArrayView(static_cast<const char *>(map), job.size));
    ::munmap(map, size_t(job.size));
    return out;
}

void DeliveryWorker::setAccountUsage(const QString &account, qint64 usage)
{
    if (!m_mainDb)
        return;
    store::Statement st(*m_mainDb, "UPDATE accounts SET usage_bytes = ?2 WHERE name = ?1");
    st.bind(1, account).bind(2, usage);
    st.exec(); // a display cache; the index is authoritative
}

void DeliveryWorker::run(bool recover)
{
    QString error;
    m_mainDb = store::Database::open(m_dataDir + QStringLiteral("/maild.db"), &error);
    if (!m_mainDb)
        qWarning("delivery worker: %s", qPrintable(error));
    settleAccepted();
    if (recover)
        this->recover();
    while (true) {
        std::vector<Pending> batch;
        std::deque<std::function<void()>> tasks;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty() || !m_tasks.empty(); });
            if (m_queue.empty() && m_tasks.empty() && m_stopping)
                break;
            tasks.swap(m_tasks);
            while (!m_queue.empty() && batch.size() < kMaxBatch) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        for (const auto &task : tasks)
            task();
        if (!batch.empty())
            processBatch(batch);
        for (Pending &p : batch) {
            if (p.job.spoolFd >= 0)
                ::close(p.job.spoolFd);
            ::unlink(QFile::encodeName(p.job.spoolPath).constData());
            QMetaObject::invokeMethod(m_context, [done = std::move(p.done), result = p.result] { done(result); },
                                      Qt::QueuedConnection);
        }
    }
    retryUnsettled();
    forgetSettled();
    m_indexes.clear();
    m_mainDb.reset();
}

store::Database *DeliveryWorker::indexFor(const QString &account, QString *error, bool create)
{
    if (m_deleted.contains(account)) {
        *error = QStringLiteral("the account %1 was deleted").arg(account);
        return nullptr;
    }
    const QString dir = m_dataDir + QStringLiteral("/mail/") + account;
    if (auto it = m_indexes.constFind(account); it != m_indexes.cend()) {
        if (QFileInfo::exists(dir + QStringLiteral("/index.db")))
            return it->get();
        m_indexes.remove(account); // the account was deleted meanwhile
    }
    if (m_indexes.size() >= kMaxOpenIndexes)
        m_indexes.clear();
    const bool created = !QFileInfo::exists(dir);
    if (created && !create) {
        *error = QStringLiteral("the account %1 no longer has a mail folder").arg(account);
        return nullptr;
    }
    if (!makeDir(dir) || !makeDir(dir + QStringLiteral("/msg"))) {
        *error = QStringLiteral("cannot create %1: %2").arg(dir, errnoText());
        return nullptr;
    }
    if (created && (!fsyncPath(dir) || !fsyncPath(m_dataDir + QStringLiteral("/mail")))) {
        *error = QStringLiteral("cannot sync %1: %2").arg(dir, errnoText());
        return nullptr;
    }
    std::shared_ptr<store::Database> db(store::Database::open(dir + QStringLiteral("/index.db"), error).release());
    if (!db)
        return nullptr;
    if (QString e = MailIndex(*db).prepare(); !e.isEmpty()) {
        *error = e;
        return nullptr;
    }
    m_indexes.insert(account, db);
    return db.get();
}

void DeliveryWorker::processBatch(std::vector<Pending> &batch)
{
    // 1. The data of every message reaches the disk before anything points at it; local
    //    copies get the message's summary for the index.
    for (Pending &p : batch) {
        p.result.ok = true;
        if (::fdatasync(p.job.spoolFd) != 0) {
            p.result = {false, true, false, {}, QStringLiteral("cannot write the message to disk: %1").arg(errnoText())};
            continue;
        }
        if (m_summarizer && !p.job.local.isEmpty())
            p.summary = summarize(p.job);
    }
    // 2. Exact quotas: usage counters change only on this thread.
    QHash<QString, qint64> tally;
    for (Pending &p : batch) {
        if (!p.result.ok)
            continue;
        for (const LocalRecipient &r : std::as_const(p.job.local)) {
            if (m_deleted.contains(r.account)) {
                p.result = {false, false, false, r.account, QStringLiteral("the account was deleted")};
                p.result.accountDeleted = true;
                break;
            }
            if (!tally.contains(r.account)) {
                QString error;
                store::Database *db = indexFor(r.account, &error);
                if (!db) {
                    p.result = {false, true, false, {}, error};
                    break;
                }
                tally.insert(r.account, MailIndex(*db).usage());
            }
            if (r.quotaBytes > 0 && tally.value(r.account) + p.job.size > r.quotaBytes) {
                p.result = {false, true, true, r.account, QStringLiteral("mailbox full")};
                break;
            }
        }
        if (!p.result.ok)
            continue;
        for (const LocalRecipient &r : std::as_const(p.job.local))
            tally[r.account] += p.job.size;
    }
    // 3. One transaction per account for the whole group. In an account that receives a
    //    message for several destinations this group, its copies are stored pending.
    retryUnsettled();
    QHash<QString, std::vector<Pending *>> byAccount;
    for (Pending &p : batch) {
        if (!p.result.ok)
            continue;
        for (const LocalRecipient &r : std::as_const(p.job.local))
            byAccount[r.account].push_back(&p);
    }
    const QSet<QString> twoPhase = spanningAccounts(batch);
    QHash<QString, qint64> usage;
    for (auto it = byAccount.begin(); it != byAccount.end(); ++it) {
        deliverLocal(it.key(), it.value(), twoPhase.contains(it.key()));
        QString error;
        if (store::Database *db = indexFor(it.key(), &error))
            usage.insert(it.key(), MailIndex(*db).usage());
    }
    // 4. Remote copies, the decisions on pending copies, and the usage shown in account
    //    lists: one commit in maild.db.
    queueRemote(batch, usage, twoPhase);
    // 5. The pending copies become visible (or go, when their message failed elsewhere).
    for (const QString &account : twoPhase)
        settle(account, byAccount.value(account));
}

void DeliveryWorker::deliverLocal(const QString &account, std::vector<Pending *> &jobs, bool pending)
{
    QString error;
    store::Database *db = indexFor(account, &error);
    const auto fail = [&](const QString &why) {
        for (Pending *p : jobs)
            p->result = {false, true, false, {}, why};
    };
    if (!db)
        return fail(error);
    const QString msgDir = m_dataDir + QStringLiteral("/mail/") + account + QStringLiteral("/msg");
    store::Transaction tx(*db);
    MailIndex index(*db);
    if (!tx.ok())
        return fail(QStringLiteral("cannot open the index of %1: %2").arg(account, db->lastError()));
    QHash<QString, MailboxRow> boxes;
    for (Pending *p : jobs) {
        if (!p->result.ok)
            continue;
        const LocalRecipient *target = nullptr;
        for (const LocalRecipient &r : std::as_const(p->job.local)) {
            if (r.account == account)
                target = &r;
        }
        if (!boxes.contains(target->mailbox)) {
            const std::optional<MailboxRow> box = index.mailbox(target->mailbox);
            if (!box) {
                p->result = {false, false, false, {}, QStringLiteral("no mailbox named %1").arg(target->mailbox)};
                continue;
            }
            boxes.insert(target->mailbox, *box);
        }
        MailboxRow &box = boxes[target->mailbox];
        const qint64 id = index.addMessage(box, {p->job.internalDate, p->job.size, target->flags,
                                                 pending ? p->job.messageId : QString(), p->summary});
        if (id == 0)
            return fail(QStringLiteral("cannot index the message for %1: %2").arg(account, db->lastError()));
        if (!linkInto(p->job.spoolPath, msgDir + QLatin1Char('/') + QString::number(id)))
            return fail(QStringLiteral("cannot store the message for %1: %2").arg(account, errnoText()));
        if (p->job.local.first().account == account) {
            p->result.uidValidity = box.uidValidity;
            p->result.uid = box.uidNext - 1;
        }
    }
    if (!fsyncPath(msgDir))
        return fail(QStringLiteral("cannot sync the mail folder of %1: %2").arg(account, errnoText()));
    if (!tx.commit())
        return fail(QStringLiteral("cannot commit the mail index of %1: %2").arg(account, db->lastError()));
}

void DeliveryWorker::queueRemote(std::vector<Pending> &batch, const QHash<QString, qint64> &usage,
                                 const QSet<QString> &twoPhase)
{
    bool anyRemote = false;
    for (const Pending &p : batch)
        anyRemote = anyRemote || (p.result.ok && !p.job.remote.isEmpty());
    // Decided by this commit: the remote copies, and every copy stored pending.
    const auto decidedHere = [&twoPhase](const Pending &p) {
        if (!p.job.remote.isEmpty())
            return true;
        for (const LocalRecipient &r : p.job.local) {
            if (twoPhase.contains(r.account))
                return true;
        }
        return false;
    };
    if (!m_mainDb) {
        for (Pending &p : batch) {
            if (p.result.ok && decidedHere(p))
                p.result = {false, true, false, {}, QStringLiteral("the queue database is not available")};
        }
        return;
    }
    const QString queueDir = m_dataDir + QStringLiteral("/queue");
    if (anyRemote) {
        makeDir(queueDir);
        for (Pending &p : batch) {
            if (p.result.ok && !p.job.remote.isEmpty() &&
                !linkInto(p.job.spoolPath, queueDir + QLatin1Char('/') + p.job.messageId))
                p.result = {false, true, false, {}, QStringLiteral("cannot queue the message: %1").arg(errnoText())};
        }
        if (!fsyncPath(queueDir)) {
            for (Pending &p : batch) {
                if (p.result.ok && !p.job.remote.isEmpty())
                    p.result = {false, true, false, {}, QStringLiteral("cannot sync the queue: %1").arg(errnoText())};
            }
        }
    }
    store::Transaction tx(*m_mainDb);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    store::Statement insert(*m_mainDb, "INSERT INTO queue (message_id, sender, recipient, file, header_offset, size, "
                                       "created, next_attempt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
    bool ok = tx.ok();
    for (const Pending &p : batch) {
        if (!p.result.ok)
            continue;
        for (const QString &rcpt : p.job.remote) {
            insert.reset();
            insert.bind(1, p.job.messageId).bind(2, p.job.sender).bind(3, rcpt)
                .bind(4, QStringLiteral("queue/") + p.job.messageId).bind(5, p.job.headerOffset)
                .bind(6, p.job.size - p.job.headerOffset).bind(7, now);
            ok = ok && insert.exec();
        }
    }
    store::Statement accept(*m_mainDb, "INSERT OR IGNORE INTO accepted (delivery, account) VALUES (?1, ?2)");
    for (const Pending &p : batch) {
        if (!p.result.ok)
            continue;
        for (const LocalRecipient &r : p.job.local) {
            if (!twoPhase.contains(r.account))
                continue;
            accept.reset();
            accept.bind(1, p.job.messageId).bind(2, r.account);
            ok = ok && accept.exec();
        }
    }
    ok = ok && deleteSettled();
    store::Statement setUsage(*m_mainDb, "UPDATE accounts SET usage_bytes = ?2 WHERE name = ?1");
    for (auto it = usage.cbegin(); it != usage.cend(); ++it) {
        setUsage.reset();
        setUsage.bind(1, it.key()).bind(2, it.value());
        setUsage.exec(); // a display cache; the index is authoritative
    }
    if (ok && tx.commit()) {
        m_settled.clear();
        return;
    }
    for (Pending &p : batch) {
        if (p.result.ok && decidedHere(p)) {
            p.result = {false, true, false, {}, QStringLiteral("cannot record the accepted message: %1").arg(m_mainDb->lastError())};
            if (!p.job.remote.isEmpty())
                ::unlink(QFile::encodeName(queueDir + QLatin1Char('/') + p.job.messageId).constData());
        }
    }
}

} // namespace maild::mailstore
