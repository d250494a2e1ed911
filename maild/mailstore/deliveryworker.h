// The delivery worker: a thread that makes accepted messages durable in groups. For each
// group it fsyncs the spool files, checks every quota exactly (usage counters in each
// account's index, changed only here), links each file into the account's msg/ folder,
// fsyncs the folder, commits the account's index, queues remote copies (queue/ + maild.db),
// and only then reports success — one commit per account per group, however many
// messages arrived meanwhile (group commit instead of skipping fsync).
// A message for several destinations (accounts, or an account and the queue) is accepted
// as one: in each account that receives such a message in a group, the group's copies are
// committed pending (invisible); one commit in maild.db (the queue rows and a row per
// pending copy in `accepted`) decides; then the copies are shown, or removed when their
// message failed elsewhere. After a crash, recovery shows what `accepted` names and removes
// every other pending copy, so no recipient ever has a message its sender was not told of.
#pragma once

#include "mailstore/delivery.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QVariant>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace maild::store {
class Database;
}

namespace maild::mailstore {

class DeliveryWorker
{
public:
    using Completion = std::function<void(const DeliveryResult &)>;

    // Completions run on the thread of resultContext (the event loop).
    DeliveryWorker(QString dataDir, QObject *resultContext);
    ~DeliveryWorker();

    // Computes each delivered message's summary for the index (before start(); runs on the
    // worker thread, so it must only read its argument).
    void setSummarizer(Summarizer summarizer) { m_summarizer = std::move(summarizer); }
    void start(bool recover = false);
    // Finishes every submitted job, then ends the thread.
    void stop();
    void submit(DeliveryJob job, Completion done);

    // Runs work on an account's index inside one transaction; after the commit removes the
    // files it names and refreshes the account's usage. done(error, result, changedMailboxes)
    // runs on the thread of resultContext; error is empty on success.
    using UpdateDone = std::function<void(const QString &error, const QVariant &result, const QStringList &changed)>;
    // With createFolder, an account without a mail folder yet gets one (IMAP login). With
    // flagsOnly (a change of flags, nothing else), the commit is not fsynced on its own: it
    // survives a crash of maild at once, and a crash of the machine once the next durable
    // commit (any delivery, copy, expunge) or SQLite's checkpoint has synced the log — the
    // durability Dovecot gives flags in its index log.
    void update(const QString &account, std::function<QVariant(IndexUpdate &)> work, UpdateDone done,
                bool createFolder = false, bool flagsOnly = false);
    // Deletion of an account's mail, in order with deliveries: the folder is removed, and
    // every later delivery or index change for the name fails until accountCreated(name)
    // (a delivery whose RCPT passed just before the delete never recreates the folder).
    // Returns once the folder is gone.
    void removeAccount(const QString &account);
    void accountCreated(const QString &account);

private:
    struct Pending
    {
        DeliveryJob job;
        Completion done;
        DeliveryResult result;
        MessageSummary summary;
    };
    MessageSummary summarize(const DeliveryJob &job) const;

    void post(std::function<void()> task);
    void run(bool recover);
    // After a crash: removes the pending copies that no accepted row decided, the message
    // files that no committed index row names (a delivery interrupted between link and
    // commit), and copies each index's usage to maild.db.
    void recover();
    void processBatch(std::vector<Pending> &batch);
    void setAccountUsage(const QString &account, qint64 usage);
    void deliverLocal(const QString &account, std::vector<Pending *> &jobs, bool pending);
    void queueRemote(std::vector<Pending> &batch, const QHash<QString, qint64> &usage, const QSet<QString> &twoPhase);

    // Two-phase acceptance (acceptance.cpp).
    // The accounts that receive a message of the group that also goes elsewhere.
    static QSet<QString> spanningAccounts(const std::vector<Pending> &batch);
    // Shows the account's pending copies of accepted messages and removes the others.
    void settle(const QString &account, const std::vector<Pending *> &jobs);
    // At start: shows every copy that `accepted` names (a crash or a failure came between
    // the decision and the settling), then forgets those rows.
    void settleAccepted();
    void retryUnsettled();
    // The settled rows of `accepted` leave it in maild.db's next commit (deleteSettled, in
    // that commit's transaction), or in one of their own at the end (forgetSettled).
    bool deleteSettled();
    void forgetSettled();
    // The account's index, opened once per run; its folder is created only for deliveries.
    store::Database *indexFor(const QString &account, QString *error, bool create = true);

    QString m_dataDir;
    QObject *m_context;
    Summarizer m_summarizer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Pending> m_queue;
    std::deque<std::function<void()>> m_tasks; // other writes, run on the worker thread in order
    bool m_stopping = false;
    std::thread m_thread;
    // Used only on the worker thread.
    QHash<QString, std::shared_ptr<store::Database>> m_indexes;
    QSet<QString> m_deleted; // accounts deleted and not created again
    std::unique_ptr<store::Database> m_mainDb;
    struct Decision
    {
        QString delivery;
        QString account;
        bool accepted = false;
    };
    QList<Decision> m_unsettled; // settling failed: tried again before the next group
    QList<Decision> m_settled;   // settled accepted rows, to delete from `accepted`
};

} // namespace maild::mailstore
