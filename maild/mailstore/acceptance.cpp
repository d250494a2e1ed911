// A message for several destinations is accepted as one unit, and what a crash leaves of
// the delivery worker's work is resolved at the next start (see deliveryworker.h).
#include "mailstore/deliveryworker.h"

#include "mailstore/mailindex.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace maild::mailstore {

QSet<QString> DeliveryWorker::spanningAccounts(const std::vector<Pending> &batch)
{
    QSet<QString> out;
    for (const Pending &p : batch) {
        if (!p.result.ok)
            continue;
        QSet<QString> accounts;
        for (const LocalRecipient &r : p.job.local)
            accounts.insert(r.account);
        if (accounts.size() + (p.job.remote.isEmpty() ? 0 : 1) > 1)
            out.unite(accounts);
    }
    return out;
}

void DeliveryWorker::settle(const QString &account, const std::vector<Pending *> &jobs)
{
    QList<Decision> decisions;
    for (const Pending *p : jobs)
        decisions.append({p->job.messageId, account, p->result.ok});
    QString error;
    store::Database *db = indexFor(account, &error, false);
    bool ok = db != nullptr;
    QStringList files;
    if (ok) {
        store::Transaction tx(*db);
        MailIndex index(*db);
        ok = tx.ok();
        for (const Decision &d : std::as_const(decisions))
            ok = ok && index.settle(d.delivery, d.accepted, &files);
        ok = ok && tx.commit();
        if (!ok)
            error = db->lastError();
    }
    if (!ok) {
        qWarning("delivery worker: cannot settle %lld message(s) of %s: %s (tried again later)",
                 qlonglong(decisions.size()), qPrintable(account), qPrintable(error));
        m_unsettled += decisions;
        return;
    }
    const QString accountDir = m_dataDir + QStringLiteral("/mail/") + account;
    for (const QString &f : std::as_const(files))
        QFile::remove(accountDir + QLatin1Char('/') + f);
    if (!files.isEmpty())
        setAccountUsage(account, MailIndex(*db).usage());
    for (const Decision &d : std::as_const(decisions)) {
        if (d.accepted)
            m_settled.append(d);
    }
}

void DeliveryWorker::retryUnsettled()
{
    const QList<Decision> pending = std::exchange(m_unsettled, {});
    QHash<QString, std::vector<Pending>> byAccount;
    for (const Decision &d : pending) {
        Pending p;
        p.job.messageId = d.delivery;
        p.result.ok = d.accepted;
        byAccount[d.account].push_back(std::move(p));
    }
    for (auto it = byAccount.begin(); it != byAccount.end(); ++it) {
        std::vector<Pending *> jobs;
        for (Pending &p : it.value())
            jobs.push_back(&p);
        settle(it.key(), jobs);
    }
}

void DeliveryWorker::settleAccepted()
{
    if (!m_mainDb)
        return;
    QHash<QString, std::vector<Pending>> byAccount;
    store::Statement rows(*m_mainDb, "SELECT delivery, account FROM accepted");
    while (rows.next()) {
        Pending p;
        p.job.messageId = rows.text(0);
        p.result.ok = true;
        byAccount[rows.text(1)].push_back(std::move(p));
    }
    int shown = 0;
    for (auto it = byAccount.begin(); it != byAccount.end(); ++it) {
        std::vector<Pending *> jobs;
        for (Pending &p : it.value())
            jobs.push_back(&p);
        QString error;
        if (!indexFor(it.key(), &error, false)) {
            for (const Pending *p : jobs) // the account is gone: nothing to show
                m_settled.append({p->job.messageId, it.key(), true});
            continue;
        }
        settle(it.key(), jobs);
        shown += int(jobs.size());
    }
    if (shown > 0)
        qInfo("delivery worker: %d accepted message copies shown after an interrupted delivery", shown);
    forgetSettled();
}

bool DeliveryWorker::deleteSettled()
{
    store::Statement forget(*m_mainDb, "DELETE FROM accepted WHERE delivery = ?1 AND account = ?2");
    for (const Decision &d : std::as_const(m_settled)) {
        forget.reset();
        forget.bind(1, d.delivery).bind(2, d.account);
        if (!forget.exec())
            return false;
    }
    return true;
}

void DeliveryWorker::forgetSettled()
{
    if (!m_mainDb || m_settled.isEmpty())
        return;
    store::Transaction tx(*m_mainDb);
    if (tx.ok() && deleteSettled() && tx.commit())
        m_settled.clear();
}

void DeliveryWorker::recover()
{
    int orphans = 0;
    int accounts = 0;
    int refused = 0;
    const QDir mail(m_dataDir + QStringLiteral("/mail"));
    for (const QString &account : mail.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QString error;
        store::Database *db = QFileInfo::exists(mail.filePath(account) + QStringLiteral("/index.db"))
                                  ? indexFor(account, &error)
                                  : nullptr;
        if (!db)
            continue;
        ++accounts;
        MailIndex index(*db);
        // Accepted copies were shown by settleAccepted(): what is still pending was never
        // decided, and its sender was never told it arrived. Its files become orphans.
        QStringList undecided = index.pendingDeliveries();
        if (m_mainDb) { // settling an accepted one may have failed just now: it stays pending
            store::Statement decided(*m_mainDb, "SELECT 1 FROM accepted WHERE delivery = ?1 AND account = ?2");
            undecided.removeIf([&](const QString &delivery) {
                decided.reset();
                decided.bind(1, delivery).bind(2, account);
                return decided.next();
            });
        }
        if (!undecided.isEmpty()) {
            store::Transaction tx(*db);
            QStringList files;
            bool ok = tx.ok();
            for (const QString &delivery : undecided)
                ok = ok && index.settle(delivery, false, &files);
            if (ok && tx.commit())
                refused += int(undecided.size());
        }
        QSet<QString> known;
        store::Statement files(*db, "SELECT file FROM messages");
        while (files.next())
            known.insert(files.text(0));
        QDir msg(mail.filePath(account) + QStringLiteral("/msg"));
        for (const QString &name : msg.entryList(QDir::Files)) {
            if (!known.contains(QStringLiteral("msg/") + name) && msg.remove(name))
                ++orphans;
        }
        setAccountUsage(account, index.usage());
    }
    qInfo("recovery after an unclean stop: %d account folder(s) checked; removed: %d undecided deliveries' copies, "
          "%d uncommitted message file(s)",
          accounts, refused, orphans);
}

} // namespace maild::mailstore
