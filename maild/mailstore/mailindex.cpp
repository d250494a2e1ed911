// An account's mail index (see mailindex.h).
#include "mailstore/mailindex.h"

#include "store/database.h"

namespace maild::mailstore {

using store::Statement;

namespace {

constexpr int kIndexSchema = 1;

const char *kSchema = R"sql(
    CREATE TABLE IF NOT EXISTS mailboxes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        uidvalidity INTEGER NOT NULL,
        uidnext INTEGER NOT NULL DEFAULT 1,
        highestmodseq INTEGER NOT NULL DEFAULT 1,
        subscribed INTEGER NOT NULL DEFAULT 1,
        special_use TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE IF NOT EXISTS messages (
        id INTEGER PRIMARY KEY,
        mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id),
        uid INTEGER NOT NULL,
        internal_date TEXT NOT NULL,
        size INTEGER NOT NULL,
        flags TEXT NOT NULL DEFAULT '',
        modseq INTEGER NOT NULL,
        file TEXT NOT NULL,
        UNIQUE (mailbox_id, uid)
    );
    CREATE TABLE IF NOT EXISTS meta (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    INSERT OR IGNORE INTO meta (key, value) VALUES ('usage', 0);
)sql";

} // namespace

QString MailIndex::prepare()
{
    Statement version(m_db, "PRAGMA user_version");
    const qint64 current = version.next() ? version.int64(0) : -1;
    if (current > kIndexSchema)
        return QStringLiteral("%1 was written by a newer maild (index schema %2)").arg(m_db.path()).arg(current);
    if (current == kIndexSchema)
        return {};
    store::Transaction tx(m_db);
    if (!m_db.exec(kSchema) || !m_db.exec("PRAGMA user_version = 1"))
        return QStringLiteral("cannot create the mail index %1: %2").arg(m_db.path(), m_db.lastError());
    Statement inbox(m_db, "INSERT OR IGNORE INTO mailboxes (name, uidvalidity, special_use) VALUES ('INBOX', ?1, '')");
    inbox.bind(1, QDateTime::currentSecsSinceEpoch());
    if (!inbox.exec() || !tx.commit())
        return QStringLiteral("cannot create the mail index %1: %2").arg(m_db.path(), m_db.lastError());
    return {};
}

std::optional<MailboxRow> MailIndex::mailbox(const QString &name)
{
    Statement st(m_db, "SELECT id, name, uidvalidity, uidnext, highestmodseq FROM mailboxes WHERE name = ?1");
    st.bind(1, name);
    if (!st.next())
        return std::nullopt;
    return MailboxRow{st.int64(0), st.text(1), st.int64(2), st.int64(3), st.int64(4)};
}

qint64 MailIndex::usage()
{
    Statement st(m_db, "SELECT value FROM meta WHERE key = 'usage'");
    return st.next() ? st.int64(0) : 0;
}

qint64 MailIndex::addMessage(MailboxRow &mailbox, const QDateTime &internalDate, qint64 size)
{
    const qint64 uid = mailbox.uidNext;
    const qint64 modseq = mailbox.highestModSeq + 1;
    Statement insert(m_db, "INSERT INTO messages (mailbox_id, uid, internal_date, size, modseq, file) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, '')");
    insert.bind(1, mailbox.id).bind(2, uid).bind(3, internalDate.toUTC().toString(Qt::ISODate)).bind(4, size).bind(5, modseq);
    if (!insert.exec())
        return 0;
    const qint64 id = m_db.lastInsertRowId();
    Statement file(m_db, "UPDATE messages SET file = ?2 WHERE id = ?1");
    file.bind(1, id).bind(2, QStringLiteral("msg/%1").arg(id));
    Statement box(m_db, "UPDATE mailboxes SET uidnext = ?2, highestmodseq = ?3 WHERE id = ?1");
    box.bind(1, mailbox.id).bind(2, uid + 1).bind(3, modseq);
    Statement usage(m_db, "UPDATE meta SET value = value + ?1 WHERE key = 'usage'");
    usage.bind(1, size);
    if (!file.exec() || !box.exec() || !usage.exec())
        return 0;
    mailbox.uidNext = uid + 1;
    mailbox.highestModSeq = modseq;
    return id;
}

} // namespace maild::mailstore
