// The mail store as the protocol services see it: a spool for incoming messages, durable
// delivery through the group-commit worker, each account's mail folder. The only component
// that touches mail files; protocol code never opens them or their indexes itself.
#pragma once

#include "mailstore/delivery.h"
#include "mailstore/deliveryworker.h"
#include "mailstore/spoolfile.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <memory>

namespace maild::mailstore {

class MailStore : public QObject
{
    Q_OBJECT
public:
    explicit MailStore(const QString &dataDir, QObject *parent = nullptr);
    ~MailStore() override;

    // Prepares spool/ and queue/ (removing spool files of a crashed run) and starts the worker.
    // After an unclean stop the worker first recovers every account folder (see
    // DeliveryWorker::recover) before it takes new deliveries.
    QString start(bool recover);
    // Before start(): how each delivered message's summary is computed (see MessageSummary).
    void setSummarizer(Summarizer summarizer) { m_worker.setSummarizer(std::move(summarizer)); }
    void stop();

    // A new spool file for an incoming message; id is unique per message.
    std::unique_ptr<SpoolFile> createSpool(const QString &id, QString *error);
    // Delivers; done runs on the event loop unless context was destroyed meanwhile.
    void deliver(DeliveryJob job, QObject *context, std::function<void(const DeliveryResult &)> done);
    // Removes messages (ids from a MailboxView) and lowers the account's usage; done(ok,
    // freedBytes) runs on the event loop unless context was destroyed.
    void expunge(const QString &account, const QString &mailbox, const QList<qint64> &ids, QObject *context,
                 std::function<void(bool, qint64)> done);
    // Any other change of an account's index, as one transaction on the delivery worker (see
    // IndexUpdate). done(error, result) runs on the event loop unless context was destroyed;
    // the mailboxes the work names as changed are announced with mailboxChanged.
    void update(const QString &account, QObject *context, std::function<QVariant(IndexUpdate &)> work,
                std::function<void(const QString &error, const QVariant &result)> done, bool createFolder = false,
                bool flagsOnly = false);
    // Creates the account's mail folder and index (INBOX and the special-use mailboxes) if
    // they do not exist yet: an IMAP client sees them at its first login. done(error).
    void prepareAccount(const QString &account, QObject *context, std::function<void(const QString &)> done);
    // POP3's exclusive hold on a maildrop (RFC 1939 8): false when another session has it.
    bool lockMaildrop(const QString &account);
    void unlockMaildrop(const QString &account);

    // Removes an account's mail folder (after its account row is gone) on the delivery
    // worker, in order with deliveries: one not yet committed fails instead of recreating it.
    // Returns once the folder is gone.
    void removeAccount(const QString &account);
    // An account of that name exists (again): deliveries to it are taken from now on.
    void accountCreated(const QString &account);
    QString accountDir(const QString &account) const;

signals:
    // A mailbox of an account gained or lost messages or flags (IMAP IDLE, other sessions).
    void mailboxChanged(const QString &account, const QString &mailbox);

private:
    QString m_dataDir;
    DeliveryWorker m_worker;
    QSet<QString> m_maildropLocks;
};

} // namespace maild::mailstore
