// The index of one account's mail: <data>/mail/<account>/index.db beside the message files
// in msg/. Mailboxes (name, UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ, subscription, special use),
// messages (mailbox, UID, internal date, size, flags, MODSEQ, file) and the account's usage
// counter, all changed only inside transactions so that usage is exact.
#pragma once

#include <QDateTime>
#include <QString>
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
};

class MailIndex
{
public:
    explicit MailIndex(store::Database &db) : m_db(db) {}

    // Creates or upgrades the schema and the INBOX. Returns an error sentence or "".
    QString prepare();
    std::optional<MailboxRow> mailbox(const QString &name);
    qint64 usage();
    // Adds a message row to the mailbox and returns its id (its file is msg/<id>); 0 on failure.
    // Bumps UIDNEXT, HIGHESTMODSEQ and the usage counter.
    qint64 addMessage(MailboxRow &mailbox, const QDateTime &internalDate, qint64 size);

private:
    store::Database &m_db;
};

} // namespace maild::mailstore
