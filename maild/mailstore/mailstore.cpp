// The mail store facade (see mailstore.h).
#include "mailstore/mailstore.h"

#include "mailstore/mailindex.h"

#include <QDir>
#include <QFile>
#include <sys/stat.h>

namespace maild::mailstore {

MailStore::MailStore(const QString &dataDir, QObject *parent)
    : QObject(parent), m_dataDir(dataDir), m_worker(dataDir, this)
{
}

MailStore::~MailStore()
{
    m_worker.stop();
}

QString MailStore::start(bool recover)
{
    for (const char *name : {"spool", "queue", "mail"}) {
        const QString path = m_dataDir + QLatin1Char('/') + QLatin1String(name);
        if (!QDir().mkpath(path))
            return QStringLiteral("cannot create %1").arg(path);
        ::chmod(QFile::encodeName(path).constData(), 0700);
    }
    // Spool files of a run that died were never acknowledged: nothing points at them.
    QDir spool(m_dataDir + QStringLiteral("/spool"));
    for (const QString &name : spool.entryList(QDir::Files | QDir::Hidden))
        spool.remove(name);
    m_worker.start(recover);
    return {};
}

void MailStore::stop()
{
    m_worker.stop();
}

std::unique_ptr<SpoolFile> MailStore::createSpool(const QString &id, QString *error)
{
    return SpoolFile::create(m_dataDir + QStringLiteral("/spool"), id, error);
}

void MailStore::deliver(DeliveryJob job, QObject *context, std::function<void(const DeliveryResult &)> done)
{
    QPointer<QObject> guard(context);
    QList<QPair<QString, QString>> targets;
    for (const LocalRecipient &r : std::as_const(job.local))
        targets.append({r.account, r.mailbox});
    m_worker.submit(std::move(job), [this, guard, targets, done = std::move(done)](const DeliveryResult &r) {
        if (r.ok) {
            for (const auto &[account, mailbox] : targets)
                emit mailboxChanged(account, mailbox);
        }
        if (guard)
            done(r);
    });
}

void MailStore::expunge(const QString &account, const QString &mailbox, const QList<qint64> &ids, QObject *context,
                        std::function<void(bool, qint64)> done)
{
    update(
        account, context,
        [ids, mailbox](IndexUpdate &u) -> QVariant {
            qint64 freed = 0;
            if (!u.index.removeMessages(ids, &u.filesToRemove, &freed))
                u.error = QStringLiteral("cannot remove the messages");
            u.changedMailboxes.append(mailbox);
            return freed;
        },
        [done = std::move(done)](const QString &error, const QVariant &freed) { done(error.isEmpty(), freed.toLongLong()); });
}

void MailStore::update(const QString &account, QObject *context, std::function<QVariant(IndexUpdate &)> work,
                       std::function<void(const QString &, const QVariant &)> done, bool createFolder,
                       bool flagsOnly)
{
    QPointer<QObject> guard(context);
    m_worker.update(
        account, std::move(work),
        [this, guard, account, done = std::move(done)](const QString &error, const QVariant &result,
                                                       const QStringList &changed) {
            for (const QString &box : changed)
                emit mailboxChanged(account, box);
            if (guard)
                done(error, result);
        },
        createFolder, flagsOnly);
}

void MailStore::prepareAccount(const QString &account, QObject *context, std::function<void(const QString &)> done)
{
    update(
        account, context, [](IndexUpdate &) { return QVariant(); },
        [done = std::move(done)](const QString &error, const QVariant &) { done(error); }, true);
}

bool MailStore::lockMaildrop(const QString &account)
{
    if (m_maildropLocks.contains(account))
        return false;
    m_maildropLocks.insert(account);
    return true;
}

void MailStore::unlockMaildrop(const QString &account)
{
    m_maildropLocks.remove(account);
}

void MailStore::removeAccount(const QString &account)
{
    if (account.isEmpty() || account.contains(QLatin1Char('/')) || account.startsWith(QLatin1Char('.')))
        return;
    m_worker.removeAccount(account);
}

void MailStore::accountCreated(const QString &account)
{
    m_worker.accountCreated(account);
}

QString MailStore::accountDir(const QString &account) const
{
    return m_dataDir + QStringLiteral("/mail/") + account;
}

} // namespace maild::mailstore
