// The index of one account's mail: <data>/mail/<account>/index.db beside the message files
// in msg/. Mailboxes (name, UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ, special use), subscriptions,
// messages (mailbox, UID, internal date, size, flags, MODSEQ, file) and the account's usage
// counter. Used only on the delivery worker thread (writes) and inside its transactions, so
// usage and UIDs stay exact; MailboxView reads on the event loop.
#pragma once

#include "mailstore/delivery.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace maild::store {
class Database;
}

namespace maild::mailstore {

struct MailboxRow
{
    qint64 id = 0;
    QString name;
    qint64 uidValidity = 0;
    qint64 uidNext = 1;
    qint64 highestModSeq = 1;
    QString specialUse; // "\\Sent", ... or empty
};

// What a flag change did to one message (for FETCH FLAGS and CONDSTORE).
struct FlagChange
{
    qint64 id = 0;
    qint64 uid = 0;
    QString flags;
    qint64 modseq = 0;
};

enum class FlagMode { Add, Remove, Replace };

class MailIndex
{
public:
    explicit MailIndex(store::Database &db) : m_db(db) {}

    // The special-use mailboxes (RFC 6154) every account gets, besides INBOX.
    static QList<QPair<QString, QString>> specialMailboxes();

    // Creates or upgrades the schema, INBOX and the special-use mailboxes. Error sentence or "".
    QString prepare();
    std::optional<MailboxRow> mailbox(const QString &name);
    QList<MailboxRow> mailboxes();
    qint64 usage();
    // Adds a message row to the mailbox and returns its id (its file is msg/<id>); 0 on failure.
    // Bumps UIDNEXT, HIGHESTMODSEQ and the usage counter. With pending (a delivery's id) the
    // row stays invisible to readers until settle() accepts that delivery.
    struct NewMessage
    {
        QDateTime internalDate;
        qint64 size = 0;
        QString flags;
        QString pending;
        MessageSummary summary;
    };
    qint64 addMessage(MailboxRow &mailbox, const NewMessage &message);
    // The deliveries with rows still pending here.
    QStringList pendingDeliveries();
    // Makes a delivery's pending rows visible (accept), or removes them (their files are added
    // to *files for removal after the commit, the usage is lowered).
    bool settle(const QString &delivery, bool accept, QStringList *files);

    // Mailbox management (RFC 3501 6.3). Each returns an error sentence or "".
    QString createMailbox(const QString &name, const QString &specialUse = {});
    // Deletes the mailbox and its messages; their files are added to *files for removal
    // after the commit. INBOX cannot be deleted.
    QString deleteMailbox(const QString &name, QStringList *files);
    // Renames the mailbox and its children. Renaming INBOX moves its messages into a new
    // mailbox and leaves INBOX empty (RFC 3501 6.3.5).
    QString renameMailbox(const QString &from, const QString &to);
    // Subscriptions are names, kept whether or not such a mailbox exists (RFC 3501 6.3.6).
    QString setSubscribed(const QString &name, bool subscribed);
    QStringList subscriptions();

    // Changes the flags of messages (ids) of a mailbox; each change gets a new MODSEQ.
    QList<FlagChange> storeFlags(MailboxRow &mailbox, const QList<qint64> &ids, FlagMode mode, const QStringList &flags);
    // Copies messages into another mailbox (new UIDs, same flags and date), hard-linking each
    // file under its new id in <accountDir>/msg. Returns (source UID, new UID) pairs; empty
    // with *error set on failure.
    QList<QPair<qint64, qint64>> copyMessages(const QList<qint64> &ids, MailboxRow &target, const QString &accountDir,
                                              QString *error);
    // The messages of a mailbox flagged \Deleted now, with their UIDs (EXPUNGE).
    QList<QPair<qint64, qint64>> deletedMessages(qint64 mailboxId);
    // The current MODSEQ of messages (CONDSTORE UNCHANGEDSINCE), by id.
    QHash<qint64, qint64> modSeqs(const QList<qint64> &ids);
    // Removes messages; lowers usage; their files are added to *files (removed after commit).
    bool removeMessages(const QList<qint64> &ids, QStringList *files, qint64 *freed);

private:
    store::Database &m_db;
};

} // namespace maild::mailstore
