// The IMAP service (see imapservice.h).
#include "imap/imapservice.h"

#include "core/context.h"
#include "imap/imapsession.h"
#include "mailstore/mailstore.h"

#include <QJsonArray>

namespace maild::imap {

ImapService::ImapService(core::Context &context, QObject *parent)
    : net::ProtocolService(context,
                           {{QStringLiteral("imap.port"), QStringLiteral("imap")},
                            {QStringLiteral("imaps.port"), QStringLiteral("imaps")}},
                           parent)
{
    connect(context.mailStore, &mailstore::MailStore::mailboxChanged, this, &ImapService::onMailboxChanged);
}

ImapService::~ImapService()
{
    deleteSessions(); // while m_listeners, which each session leaves as it goes, still exists
}

net::LineSession *ImapService::createSession(QSslSocket *socket, const QString &role)
{
    return new ImapSession(*this, socket, role == QLatin1String("imaps"), this);
}

QByteArray ImapService::tooManyConnections() const
{
    return "* BYE [UNAVAILABLE] Too many connections from your address; try again later\r\n";
}

void ImapService::shutdownSession(net::LineSession *session)
{
    static_cast<ImapSession *>(session)->shutdown();
}

void ImapService::addListener(const QString &account, ImapSession *session)
{
    m_listeners.insert(account, session);
}

void ImapService::removeListener(const QString &account, ImapSession *session)
{
    m_listeners.remove(account, session);
}

void ImapService::onMailboxChanged(const QString &account, const QString &mailbox)
{
    const auto sessions = m_listeners.values(account); // a copy: a session may log out meanwhile
    m_announcing = Announcement{account, mailbox, nullptr};
    for (ImapSession *s : sessions)
        s->mailboxChanged(mailbox);
    m_announcing.reset();
}

std::shared_ptr<const mailstore::MailboxSnapshot> ImapService::snapshot(const QString &account, const QString &mailbox,
                                                                        QString *error)
{
    const bool shared = m_announcing && m_announcing->account == account && m_announcing->mailbox == mailbox;
    if (shared && m_announcing->snapshot)
        return m_announcing->snapshot;
    auto snap = mailstore::MailboxView::snapshot(context().mailStore->accountDir(account), mailbox, error);
    if (shared)
        m_announcing->snapshot = snap;
    return snap;
}

quint32 ImapService::claimRecent(const QString &account, const QString &mailbox, qint64 uidValidity, quint32 maxUid,
                                 bool peek)
{
    const QString key = account + QChar(0) + mailbox;
    RecentClaim &claim = m_recent[key];
    if (claim.uidValidity != uidValidity)
        claim = {uidValidity, 0}; // a new mailbox of that name: everything in it is new
    const quint32 before = claim.claimedTo;
    if (!peek && maxUid > claim.claimedTo)
        claim.claimedTo = maxUid;
    return before;
}

QJsonObject ImapService::counters() const
{
    return {{QStringLiteral("connections"), m_connections},
            {QStringLiteral("activeConnections"), qint64(sessions().size())},
            {QStringLiteral("connectionsRefused"), m_refused},
            {QStringLiteral("logins"), logins},
            {QStringLiteral("authFailures"), authFailures},
            {QStringLiteral("commands"), commands},
            {QStringLiteral("messagesFetched"), fetched},
            {QStringLiteral("messagesAppended"), appended},
            {QStringLiteral("messagesExpunged"), expunged},
            {QStringLiteral("bytesSent"), bytesSent}};
}

QJsonArray ImapService::connections() const
{
    QJsonArray out;
    for (const net::LineSession *s : sessions())
        out.append(static_cast<const ImapSession *>(s)->describe());
    return out;
}

} // namespace maild::imap
