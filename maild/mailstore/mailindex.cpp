// An account's mail index (see mailindex.h).
#include "mailstore/mailindex.h"

#include "store/database.h"

#include <QFile>
#include <cerrno>
#include <unistd.h>

namespace maild::mailstore {

using store::Statement;

namespace {

constexpr int kIndexSchema = 4;

const char *kSchemaV1 = R"sql(
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

// 3: message ids (and with them the file names msg/<id>) are never used again. Without
// AUTOINCREMENT SQLite hands the id of the newest message, once expunged, to the next one,
// and a session that has not yet heard of the expunge would read or change that one.
const char *kSchemaV3 = R"sql(
    CREATE TABLE messages_v3 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id),
        uid INTEGER NOT NULL,
        internal_date TEXT NOT NULL,
        size INTEGER NOT NULL,
        flags TEXT NOT NULL DEFAULT '',
        modseq INTEGER NOT NULL,
        file TEXT NOT NULL,
        UNIQUE (mailbox_id, uid)
    );
    INSERT INTO messages_v3 (id, mailbox_id, uid, internal_date, size, flags, modseq, file)
        SELECT id, mailbox_id, uid, internal_date, size, flags, modseq, file FROM messages;
    DROP TABLE messages;
    ALTER TABLE messages_v3 RENAME TO messages;
)sql";

// 4: subscriptions are names of their own (RFC 3501 6.3.6): the server never changes them
// on its own, so a deleted mailbox stays subscribed and a name may be subscribed before it
// exists. The mailboxes subscribed so far keep their subscription. messages.pending: the id
// of a delivery whose copy is stored but not yet visible (a message for several destinations
// becomes visible in all of them or in none; see deliveryworker.h). messages.envelope, body,
// bodystructure: the message's summary (MessageSummary), NULL for older messages.
const char *kSchemaV4 = R"sql(
    CREATE TABLE subscriptions (
        name TEXT PRIMARY KEY
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO subscriptions (name) SELECT name FROM mailboxes WHERE subscribed != 0;
    ALTER TABLE mailboxes DROP COLUMN subscribed;
    ALTER TABLE messages ADD COLUMN pending TEXT;
    CREATE INDEX messages_pending ON messages(pending) WHERE pending IS NOT NULL;
    ALTER TABLE messages ADD COLUMN envelope BLOB;
    ALTER TABLE messages ADD COLUMN body BLOB;
    ALTER TABLE messages ADD COLUMN bodystructure BLOB;
)sql";

// A UIDVALIDITY that differs from any earlier mailbox of the same name: time-based, and
// above every one this index has handed out — including those of mailboxes deleted since
// (remembered in meta, so a name deleted and re-created within a second still changes).
qint64 newUidValidity(store::Database &db)
{
    Statement st(db, "SELECT max(coalesce((SELECT max(uidvalidity) FROM mailboxes), 0), "
                     "coalesce((SELECT value FROM meta WHERE key = 'uidvalidity'), 0))");
    const qint64 last = st.next() ? st.int64(0) : 0;
    const qint64 next = std::max(QDateTime::currentSecsSinceEpoch(), last + 1);
    Statement keep(db, "INSERT INTO meta (key, value) VALUES ('uidvalidity', ?1) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    keep.bind(1, next);
    keep.exec();
    return next;
}

MailboxRow readMailbox(const Statement &st)
{
    return {st.int64(0), st.text(1), st.int64(2), st.int64(3), st.int64(4), st.text(5)};
}

constexpr const char *kMailboxColumns = "id, name, uidvalidity, uidnext, highestmodseq, special_use";

QStringList splitFlags(const QString &flags)
{
    return flags.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

QList<QPair<QString, QString>> MailIndex::specialMailboxes()
{
    return {{QStringLiteral("Sent"), QStringLiteral("\\Sent")},
            {QStringLiteral("Drafts"), QStringLiteral("\\Drafts")},
            {QStringLiteral("Trash"), QStringLiteral("\\Trash")},
            {QStringLiteral("Junk"), QStringLiteral("\\Junk")},
            {QStringLiteral("Archive"), QStringLiteral("\\Archive")}};
}

QString MailIndex::prepare()
{
    const qint64 current = [this] {
        Statement version(m_db, "PRAGMA user_version"); // finished here: step 3 drops a table
        return version.next() ? version.int64(0) : -1;
    }();
    if (current > kIndexSchema)
        return QStringLiteral("%1 was written by a newer maild (index schema %2)").arg(m_db.path()).arg(current);
    if (current == kIndexSchema)
        return {};
    store::Transaction tx(m_db);
    const auto failed = [this] { return QStringLiteral("cannot create the mail index %1: %2").arg(m_db.path(), m_db.lastError()); };
    if (current < 1) {
        if (!m_db.exec(kSchemaV1))
            return failed();
        Statement inbox(m_db, "INSERT OR IGNORE INTO mailboxes (name, uidvalidity, special_use) VALUES ('INBOX', ?1, '')");
        inbox.bind(1, newUidValidity(m_db));
        if (!inbox.exec())
            return failed();
    }
    // 2: the special-use mailboxes of RFC 6154 for every account (subscribed, as INBOX).
    for (const auto &[name, use] : specialMailboxes()) {
        if (current >= 2 || mailbox(name))
            continue;
        Statement create(m_db, "INSERT INTO mailboxes (name, uidvalidity, special_use) VALUES (?1, ?2, ?3)");
        create.bind(1, name).bind(2, newUidValidity(m_db)).bind(3, use);
        if (!create.exec())
            return failed();
    }
    if (current < 3 && !m_db.exec(kSchemaV3))
        return failed();
    if (current < 4 && !m_db.exec(kSchemaV4))
        return failed();
    if (!m_db.exec("PRAGMA user_version = 4") || !tx.commit())
        return failed();
    return {};
}

std::optional<MailboxRow> MailIndex::mailbox(const QString &name)
{
    Statement st(m_db, QByteArray("SELECT ") + kMailboxColumns + " FROM mailboxes WHERE name = ?1");
    st.bind(1, name);
    if (!st.next())
        return std::nullopt;
    return readMailbox(st);
}

QList<MailboxRow> MailIndex::mailboxes()
{
    QList<MailboxRow> out;
    Statement st(m_db, QByteArray("SELECT ") + kMailboxColumns + " FROM mailboxes ORDER BY name");
    while (st.next())
        out.append(readMailbox(st));
    return out;
}

qint64 MailIndex::usage()
{
    Statement st(m_db, "SELECT value FROM meta WHERE key = 'usage'");
    return st.next() ? st.int64(0) : 0;
}

qint64 MailIndex::addMessage(MailboxRow &mailbox, const NewMessage &m)
{
    const qint64 uid = mailbox.uidNext;
    const qint64 modseq = mailbox.highestModSeq + 1;
    Statement insert(m_db, "INSERT INTO messages (mailbox_id, uid, internal_date, size, flags, modseq, file, pending, "
                           "envelope, body, bodystructure) VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7, ?8, ?9, ?10)");
    insert.bind(1, mailbox.id).bind(2, uid).bind(3, m.internalDate.toUTC().toString(Qt::ISODate)).bind(4, m.size)
        .bind(5, m.flags).bind(6, modseq);
    if (!m.pending.isEmpty())
        insert.bind(7, m.pending);
    if (!m.summary.isEmpty())
        insert.bind(8, m.summary.envelope).bind(9, m.summary.body).bind(10, m.summary.bodyStructure);
    if (!insert.exec())
        return 0;
    const qint64 id = m_db.lastInsertRowId();
    Statement file(m_db, "UPDATE messages SET file = ?2 WHERE id = ?1");
    file.bind(1, id).bind(2, QStringLiteral("msg/%1").arg(id));
    Statement box(m_db, "UPDATE mailboxes SET uidnext = ?2, highestmodseq = ?3 WHERE id = ?1");
    box.bind(1, mailbox.id).bind(2, uid + 1).bind(3, modseq);
    Statement usage(m_db, "UPDATE meta SET value = value + ?1 WHERE key = 'usage'");
    usage.bind(1, m.size);
    if (!file.exec() || !box.exec() || !usage.exec())
        return 0;
    mailbox.uidNext = uid + 1;
    mailbox.highestModSeq = modseq;
    return id;
}

QString MailIndex::createMailbox(const QString &name, const QString &specialUse)
{
    if (name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0 || mailbox(name))
        return QStringLiteral("the mailbox %1 exists already").arg(name);
    Statement st(m_db, "INSERT INTO mailboxes (name, uidvalidity, special_use) VALUES (?1, ?2, ?3)");
    st.bind(1, name).bind(2, newUidValidity(m_db)).bind(3, specialUse);
    return st.exec() ? QString() : m_db.lastError();
}

QString MailIndex::deleteMailbox(const QString &name, QStringList *files)
{
    if (name == QLatin1String("INBOX"))
        return QStringLiteral("INBOX cannot be deleted");
    const std::optional<MailboxRow> box = mailbox(name);
    if (!box)
        return QStringLiteral("no mailbox named %1").arg(name);
    QList<qint64> ids;
    Statement st(m_db, "SELECT id FROM messages WHERE mailbox_id = ?1");
    st.bind(1, box->id);
    while (st.next())
        ids.append(st.int64(0));
    qint64 freed = 0;
    if (!removeMessages(ids, files, &freed))
        return m_db.lastError();
    Statement del(m_db, "DELETE FROM mailboxes WHERE id = ?1");
    del.bind(1, box->id);
    return del.exec() ? QString() : m_db.lastError();
}

QString MailIndex::renameMailbox(const QString &from, const QString &to)
{
    const std::optional<MailboxRow> source = mailbox(from);
    if (!source)
        return QStringLiteral("no mailbox named %1").arg(from);
    if (mailbox(to) || to.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("the mailbox %1 exists already").arg(to);
    if (from == QLatin1String("INBOX")) {
        // RFC 3501 6.3.5: INBOX's messages move to the new mailbox; INBOX stays, empty.
        if (QString e = createMailbox(to); !e.isEmpty())
            return e;
        std::optional<MailboxRow> target = mailbox(to);
        Statement move(m_db, "UPDATE messages SET mailbox_id = ?2, uid = ?3, modseq = ?4 WHERE id = ?1");
        Statement list(m_db, "SELECT id FROM messages WHERE mailbox_id = ?1 ORDER BY uid");
        list.bind(1, source->id);
        QList<qint64> ids;
        while (list.next())
            ids.append(list.int64(0));
        for (qint64 id : std::as_const(ids)) {
            move.reset();
            move.bind(1, id).bind(2, target->id).bind(3, target->uidNext++).bind(4, ++target->highestModSeq);
            if (!move.exec())
                return m_db.lastError();
        }
        Statement box(m_db, "UPDATE mailboxes SET uidnext = ?2, highestmodseq = ?3 WHERE id = ?1");
        box.bind(1, target->id).bind(2, target->uidNext).bind(3, target->highestModSeq);
        return box.exec() ? QString() : m_db.lastError();
    }
    // The mailbox and its children (from/...) take the new prefix. Names are compared
    // exactly (LIKE would ignore case) and measured by SQLite in characters.
    const char *under = "WHERE name = ?1 OR substr(name, 1, length(?1) + 1) = ?1 || '/'";
    Statement rename(m_db, QByteArray("UPDATE mailboxes SET name = ?2 || substr(name, length(?1) + 1) ") + under);
    rename.bind(1, from).bind(2, to);
    // Their subscriptions move along: renaming is the user's own change to those names.
    Statement subscriptions(m_db, QByteArray("UPDATE OR REPLACE subscriptions SET name = ?2 || substr(name, length(?1) + 1) ") + under);
    subscriptions.bind(1, from).bind(2, to);
    return rename.exec() && subscriptions.exec() ? QString() : m_db.lastError();
}

QString MailIndex::setSubscribed(const QString &name, bool subscribed)
{
    Statement st(m_db, subscribed ? "INSERT OR IGNORE INTO subscriptions (name) VALUES (?1)"
                                  : "DELETE FROM subscriptions WHERE name = ?1");
    st.bind(1, name);
    return st.exec() ? QString() : m_db.lastError();
}

QStringList MailIndex::subscriptions()
{
    QStringList out;
    Statement st(m_db, "SELECT name FROM subscriptions ORDER BY name");
    while (st.next())
        out.append(st.text(0));
    return out;
}

QList<FlagChange> MailIndex::storeFlags(MailboxRow &mailbox, const QList<qint64> &ids, FlagMode mode,
                                        const QStringList &flags)
{
    QList<FlagChange> out;
    Statement read(m_db, "SELECT uid, flags FROM messages WHERE id = ?1 AND mailbox_id = ?2");
    Statement write(m_db, "UPDATE messages SET flags = ?2, modseq = ?3 WHERE id = ?1");
    for (qint64 id : ids) {
        read.reset();
        read.bind(1, id).bind(2, mailbox.id);
        if (!read.next())
            continue;
        QStringList current = splitFlags(read.text(1));
        QStringList next = mode == FlagMode::Replace ? QStringList() : current;
        for (const QString &f : flags) {
            if (mode == FlagMode::Remove)
                next.removeIf([&f](const QString &x) { return x.compare(f, Qt::CaseInsensitive) == 0; });
            else if (!next.contains(f, Qt::CaseInsensitive))
                next.append(f);
        }
        const QString joined = next.join(QLatin1Char(' '));
        if (joined == current.join(QLatin1Char(' ')) && mode != FlagMode::Replace) {
            out.append({id, read.int64(0), joined, 0}); // unchanged: no new MODSEQ
            continue;
        }
        write.reset();
        write.bind(1, id).bind(2, joined).bind(3, ++mailbox.highestModSeq);
        if (!write.exec())
            return {};
        out.append({id, read.int64(0), joined, mailbox.highestModSeq});
    }
    Statement box(m_db, "UPDATE mailboxes SET highestmodseq = ?2 WHERE id = ?1");
    box.bind(1, mailbox.id).bind(2, mailbox.highestModSeq);
    box.exec();
    return out;
}

QList<QPair<qint64, qint64>> MailIndex::copyMessages(const QList<qint64> &ids, MailboxRow &target,
                                                     const QString &accountDir, QString *error)
{
    QList<QPair<qint64, qint64>> out;
    Statement read(m_db, "SELECT uid, internal_date, size, flags, file, envelope, body, bodystructure FROM messages "
                         "WHERE id = ?1");
    for (qint64 id : ids) {
        read.reset();
        read.bind(1, id);
        if (!read.next())
            continue;
        const NewMessage copy{QDateTime::fromString(read.text(1), Qt::ISODate), read.int64(2), read.text(3), {},
                              {read.blob(5), read.blob(6), read.blob(7)}};
        const qint64 newId = addMessage(target, copy);
        if (newId == 0) {
            *error = m_db.lastError();
            return {};
        }
        const QByteArray from = QFile::encodeName(accountDir + QLatin1Char('/') + read.text(4));
        const QByteArray to = QFile::encodeName(accountDir + QStringLiteral("/msg/") + QString::number(newId));
        ::unlink(to.constData()); // a leftover of an uncommitted attempt
        if (::link(from.constData(), to.constData()) != 0) {
            *error = QStringLiteral("cannot link the copy: %1").arg(QString::fromLocal8Bit(strerror(errno)));
            return {};
        }
        out.append({read.int64(0), target.uidNext - 1});
    }
    return out;
}

QList<QPair<qint64, qint64>> MailIndex::deletedMessages(qint64 mailboxId)
{
    QList<QPair<qint64, qint64>> out;
    Statement st(m_db, "SELECT id, uid, flags FROM messages WHERE mailbox_id = ?1 ORDER BY uid");
    st.bind(1, mailboxId);
    while (st.next()) {
        if (splitFlags(st.text(2)).contains(QStringLiteral("\\Deleted"), Qt::CaseInsensitive))
            out.append({st.int64(0), st.int64(1)});
    }
    return out;
}

QHash<qint64, qint64> MailIndex::modSeqs(const QList<qint64> &ids)
{
    QHash<qint64, qint64> out;
    Statement st(m_db, "SELECT modseq FROM messages WHERE id = ?1");
    for (qint64 id : ids) {
        st.reset();
        st.bind(1, id);
        if (st.next())
            out.insert(id, st.int64(0));
    }
    return out;
}

QStringList MailIndex::pendingDeliveries()
{
    QStringList out;
    Statement st(m_db, "SELECT DISTINCT pending FROM messages WHERE pending IS NOT NULL");
    while (st.next())
        out.append(st.text(0));
    return out;
}

bool MailIndex::settle(const QString &delivery, bool accept, QStringList *files)
{
    if (accept) {
        Statement show(m_db, "UPDATE messages SET pending = NULL WHERE pending = ?1");
        show.bind(1, delivery);
        return show.exec();
    }
    QList<qint64> ids;
    Statement find(m_db, "SELECT id FROM messages WHERE pending = ?1");
    find.bind(1, delivery);
    while (find.next())
        ids.append(find.int64(0));
    qint64 freed = 0;
    return removeMessages(ids, files, &freed);
}

bool MailIndex::removeMessages(const QList<qint64> &ids, QStringList *files, qint64 *freed)
{
    Statement find(m_db, "SELECT size, file FROM messages WHERE id = ?1");
    Statement remove(m_db, "DELETE FROM messages WHERE id = ?1");
    *freed = 0;
    for (qint64 id : ids) {
        find.reset();
        find.bind(1, id);
        if (!find.next())
            continue; // already gone (another session removed it)
        *freed += find.int64(0);
        files->append(find.text(1));
        remove.reset();
        remove.bind(1, id);
        if (!remove.exec())
            return false;
    }
    Statement usage(m_db, "UPDATE meta SET value = value - ?1 WHERE key = 'usage'");
    usage.bind(1, *freed);
    return usage.exec();
}

} // namespace maild::mailstore
