// Reading one mailbox of an account on the event loop: its UIDVALIDITY and its messages
// (id, UID, size, file, internal date, flags) through a read-only connection to the
// account's index. Writes never happen here: they go through the delivery worker, so usage
// counters stay exact.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>

namespace maild::store {
class Database;
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

class MailboxView
{
public:
    // An account without mail yet has an empty INBOX (uidValidity 0).
    static std::unique_ptr<MailboxView> open(const QString &accountDir, const QString &mailbox, QString *error);
    ~MailboxView();

    qint64 uidValidity() const { return m_uidValidity; }
    QList<StoredMessage> messages();

private:
    MailboxView() = default;

    QString m_accountDir;
    std::unique_ptr<store::Database> m_db;
    qint64 m_mailboxId = 0;
    qint64 m_uidValidity = 0;
};

} // namespace maild::mailstore
