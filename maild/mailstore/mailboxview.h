// Reading one mailbox of an account on the event loop: its UIDVALIDITY and its messages
// (id, UID, size, file, internal date, flags) through a read-only connection to the
// account's index. Writes never happen here: they go through the delivery worker, so usage
// counters stay exact.
#pragma once

#include "mailstore/mailindex.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace maild::store {
class Database;
class Statement;
}

namespace maild::mailstore {

struct StoredMessage
{
    qint64 id = 0;
    qint64 uid = 0;
    qint64 size = 0;
    QString path; // absolute
    QDateTime internalDate;
    QString flags;
    qint64 modseq = 0;
};

// What STATUS tells about a mailbox (RFC 3501 6.3.10, RFC 7162, RFC 8438 SIZE).
struct MailboxStatus
{
    MailboxRow row;
    qint64 messages = 0;
    qint64 unseen = 0;
    qint64 size = 0;
    QList<qint64> uids; // ascending
    // Messages with a UID above uid (STATUS RECENT).
    qint64 recentAbove(qint64 uid) const;
};

// A mailbox read at one moment: what SELECT and the IMAP sessions' updates work from.
struct MailboxSnapshot
{
    bool exists = false;
    qint64 uidValidity = 0;
    qint64 uidNext = 1;
    qint64 highestModSeq = 1;
    QList<StoredMessage> messages; // by UID
};

class MailboxView
{
public:
    // An account without mail yet has an empty INBOX (uidValidity 0).
    static std::unique_ptr<MailboxView> open(const QString &accountDir, const QString &mailbox, QString *error);
    ~MailboxView();

    // Every mailbox of an account, by name (empty for an account without an index yet).
    static QList<MailboxRow> mailboxes(const QString &accountDir, QString *error);
    // The subscribed names, sorted; some may name no mailbox (RFC 3501 6.3.6).
    static QStringList subscriptions(const QString &accountDir, QString *error);
    // One mailbox's counts; nullopt when it does not exist (*error stays empty) or on error.
    static std::optional<MailboxStatus> status(const QString &accountDir, const QString &mailbox, QString *error);

    // The whole mailbox at once; nullptr (and *error) when the index cannot be read.
    static std::shared_ptr<const MailboxSnapshot> snapshot(const QString &accountDir, const QString &mailbox,
                                                           QString *error);

    bool exists() const { return m_mailboxId != 0; }
    qint64 uidValidity() const { return m_uidValidity; }
    qint64 uidNext() const { return m_uidNext; }
    qint64 highestModSeq() const { return m_highestModSeq; }
    QList<StoredMessage> messages();
    // The summary kept for a message (FETCH ENVELOPE, BODY, BODYSTRUCTURE); empty when none.
    MessageSummary summary(qint64 id);

private:
    MailboxView() = default;

    QString m_accountDir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::Statement> m_summary;
    qint64 m_mailboxId = 0;
    qint64 m_uidValidity = 0;
    qint64 m_uidNext = 1;
    qint64 m_highestModSeq = 1;
};

} // namespace maild::mailstore
