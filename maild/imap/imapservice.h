// The IMAP service: the IMAP and IMAPS listeners (net::ProtocolService), its sessions, the
// counters shown in server.status, who is told when a mailbox changes, and the \Recent
// claims (RFC 3501 2.3.1.1: a message is recent in exactly one session).
#pragma once

#include "mailstore/mailboxview.h"
#include "net/protocolservice.h"

#include <QMultiHash>
#include <memory>
#include <optional>

namespace maild::imap {

class ImapSession;

class ImapService : public net::ProtocolService
{
    Q_OBJECT
public:
    explicit ImapService(core::Context &context, QObject *parent = nullptr);
    ~ImapService() override;

    QString name() const override { return QStringLiteral("imap"); }
    QString displayName() const override { return QStringLiteral("IMAP"); }
    QJsonObject counters() const override;
    QJsonArray connections() const override;

    // Sessions logged in to an account hear of its mailbox changes.
    void addListener(const QString &account, ImapSession *session);
    void removeListener(const QString &account, ImapSession *session);

    // The mailbox as it is now. While a change is being announced, every session of the
    // account that syncs at once (those in IDLE) shares one read of the index.
    std::shared_ptr<const mailstore::MailboxSnapshot> snapshot(const QString &account, const QString &mailbox,
                                                               QString *error);

    // Claims \Recent up to maxUid for a session; returns where the previous claim ended.
    // With peek (EXAMINE), nothing is claimed.
    quint32 claimRecent(const QString &account, const QString &mailbox, qint64 uidValidity, quint32 maxUid, bool peek);

    qint64 logins = 0;
    qint64 authFailures = 0;
    qint64 commands = 0;
    qint64 fetched = 0;
    qint64 appended = 0;
    qint64 expunged = 0;
    qint64 bytesSent = 0;

protected:
    net::LineSession *createSession(QSslSocket *socket, const QString &role) override;
    QByteArray tooManyConnections() const override;
    void shutdownSession(net::LineSession *session) override;

private:
    void onMailboxChanged(const QString &account, const QString &mailbox);

    QMultiHash<QString, ImapSession *> m_listeners;
    struct Announcement
    {
        QString account;
        QString mailbox;
        std::shared_ptr<const mailstore::MailboxSnapshot> snapshot; // read by the first session
    };
    std::optional<Announcement> m_announcing;
    struct RecentClaim
    {
        qint64 uidValidity = 0;
        quint32 claimedTo = 0;
    };
    QHash<QString, RecentClaim> m_recent; // account + '\0' + mailbox
};

} // namespace maild::imap
