// Read-only mailbox access (see mailboxview.h).
#include "mailstore/mailboxview.h"

#include "mailstore/mailindex.h"
#include "store/database.h"

#include <QFileInfo>

#include <algorithm>

namespace maild::mailstore {

std::unique_ptr<MailboxView> MailboxView::open(const QString &accountDir, const QString &mailbox, QString *error)
{
    std::unique_ptr<MailboxView> view(new MailboxView);
    view->m_accountDir = accountDir;
    const QString index = accountDir + QStringLiteral("/index.db");
    if (!QFileInfo::exists(index))
        return view; // nothing delivered yet
    view->m_db = store::Database::open(index, error);
    if (!view->m_db)
        return nullptr;
    store::Statement st(*view->m_db, "SELECT id, uidvalidity, uidnext, highestmodseq FROM mailboxes WHERE name = ?1");
    st.bind(1, mailbox);
    if (st.next()) {
        view->m_mailboxId = st.int64(0);
        view->m_uidValidity = st.int64(1);
        view->m_uidNext = st.int64(2);
        view->m_highestModSeq = st.int64(3);
    }
    return view;
}

QList<MailboxRow> MailboxView::mailboxes(const QString &accountDir, QString *error)
{
    QList<MailboxRow> out;
    const QString index = accountDir + QStringLiteral("/index.db");
    if (!QFileInfo::exists(index))
        return out;
    auto db = store::Database::open(index, error);
    if (!db)
        return out;
    return MailIndex(*db).mailboxes();
}

QStringList MailboxView::subscriptions(const QString &accountDir, QString *error)
{
    const QString index = accountDir + QStringLiteral("/index.db");
    if (!QFileInfo::exists(index))
        return {};
    auto db = store::Database::open(index, error);
    if (!db)
        return {};
    return MailIndex(*db).subscriptions();
}

std::optional<MailboxStatus> MailboxView::status(const QString &accountDir, const QString &mailbox, QString *error)
{
    const QString index = accountDir + QStringLiteral("/index.db");
    if (!QFileInfo::exists(index))
        return std::nullopt;
    auto db = store::Database::open(index, error);
    if (!db)
        return std::nullopt;
    const std::optional<MailboxRow> row = MailIndex(*db).mailbox(mailbox);
    if (!row)
        return std::nullopt;
    MailboxStatus out;
    out.row = *row;
    // \Seen is stored as a word of the space-separated flags.
    store::Statement counts(*db, "SELECT uid, size, ' ' || flags || ' ' NOT LIKE '% \\Seen %' "
                                 "FROM messages WHERE mailbox_id = ?1 AND pending IS NULL ORDER BY uid");
    counts.bind(1, out.row.id);
    while (counts.next()) {
        out.uids.append(counts.int64(0));
        out.size += counts.int64(1);
        out.unseen += counts.int64(2);
    }
    out.messages = out.uids.size();
    return out;
}

qint64 MailboxStatus::recentAbove(qint64 uid) const
{
    return uids.end() - std::upper_bound(uids.begin(), uids.end(), uid);
}

MailboxView::~MailboxView() = default;

std::shared_ptr<const MailboxSnapshot> MailboxView::snapshot(const QString &accountDir, const QString &mailbox,
                                                             QString *error)
{
    auto view = open(accountDir, mailbox, error);
    if (!view)
        return nullptr;
    auto out = std::make_shared<MailboxSnapshot>();
    out->exists = view->exists();
    out->uidValidity = view->uidValidity();
    out->uidNext = view->uidNext();
    out->highestModSeq = view->highestModSeq();
    if (out->exists)
        out->messages = view->messages();
    return out;
}

QList<StoredMessage> MailboxView::messages()
{
    QList<StoredMessage> out;
    if (!m_db || m_mailboxId == 0)
        return out;
    store::Statement st(*m_db, "SELECT id, uid, size, file, internal_date, flags, modseq FROM messages "
                               "WHERE mailbox_id = ?1 AND pending IS NULL ORDER BY uid");
    st.bind(1, m_mailboxId);
    while (st.next()) {
        out.append({st.int64(0), st.int64(1), st.int64(2), m_accountDir + QLatin1Char('/') + st.text(3),
                    QDateTime::fromString(st.text(4), Qt::ISODate), st.text(5), st.int64(6)});
    }
    return out;
}

MessageSummary MailboxView::summary(qint64 id)
{
    if (!m_db)
        return {};
    if (!m_summary)
        m_summary = std::make_unique<store::Statement>(*m_db, "SELECT envelope, body, bodystructure FROM messages WHERE id = ?1");
    m_summary->reset();
    m_summary->bind(1, id);
    MessageSummary out;
    if (m_summary->next())
        out = {m_summary->blob(0), m_summary->blob(1), m_summary->blob(2)};
    m_summary->reset(); // no read transaction stays open between FETCH steps
    return out;
}

} // namespace maild::mailstore
