// Read-only mailbox access (see mailboxview.h).
#include "mailstore/mailboxview.h"

#include "store/database.h"

#include <QFileInfo>

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
    store::Statement st(*view->m_db, "SELECT id, uidvalidity FROM mailboxes WHERE name = ?1");
    st.bind(1, mailbox);
    if (st.next()) {
        view->m_mailboxId = st.int64(0);
        view->m_uidValidity = st.int64(1);
    }
    return view;
}

MailboxView::~MailboxView() = default;

QList<StoredMessage> MailboxView::messages()
{
    QList<StoredMessage> out;
    if (!m_db || m_mailboxId == 0)
        return out;
    store::Statement st(*m_db, "SELECT id, uid, size, file, internal_date, flags, modseq FROM messages "
                               "WHERE mailbox_id = ?1 ORDER BY uid");
    st.bind(1, m_mailboxId);
    while (st.next()) {
        out.append({st.int64(0), st.int64(1), st.int64(2), m_accountDir + QLatin1Char('/') + st.text(3),
                    QDateTime::fromString(st.text(4), Qt::ISODate), st.text(5), st.int64(6)});
    }
    return out;
}

} // namespace maild::mailstore
