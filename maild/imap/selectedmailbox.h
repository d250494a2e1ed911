// The mailbox an IMAP session has selected, as the client knows it: messages by sequence
// number (UID order), their flags and MODSEQ, \Recent, and the read-only flag of EXAMINE.
// sync() reads the index again and turns the difference into the untagged responses the
// client must see (EXPUNGE, EXISTS, RECENT, FETCH FLAGS), holding expunges back while a
// command forbids them (RFC 3501 7.4.1, 5.5).
// Nothing here writes: changes go through the delivery worker (ImapSession::changeFlags,
// MailStore::update) and come back through sync().
#pragma once

#include "imap/grammar/sequenceset.h"
#include "mailstore/mailboxview.h"

#include <QByteArrayList>
#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace maild::imap {

struct MessageState
{
    qint64 id = 0; // the store's message id
    quint32 uid = 0;
    qint64 size = 0;
    QString path; // absolute path of the message file
    QDateTime internalDate;
    QByteArrayList flags; // as stored; never \Recent
    qint64 modseq = 0;
    bool recent = false;
    bool expunged = false; // gone from the store, not yet reported to the client

    bool hasFlag(QByteArrayView flag) const;
    // FLAGS as the client sees them: the stored flags, plus \Recent when it is.
    QByteArray flagList() const;
};

class SelectedMailbox
{
public:
    // claimRecent(uidValidity, maxUid) claims \Recent (RFC 3501 2.3.1.1) up to maxUid for
    // this session and returns where the previous claim ended: messages above it are
    // \Recent here.
    using RecentClaim = std::function<quint32(qint64 uidValidity, quint32 maxUid)>;

    // nullptr and *error when the mailbox does not exist.
    static std::unique_ptr<SelectedMailbox> open(const mailstore::MailboxSnapshot &snapshot, const QString &name,
                                                 bool readOnly, const RecentClaim &claimRecent, QString *error);

    const QString &name() const { return m_name; }
    bool readOnly() const { return m_readOnly; }
    qint64 uidValidity() const { return m_uidValidity; }
    quint32 uidNext() const { return m_uidNext; }
    qint64 highestModSeq() const { return m_highestModSeq; }

    // Messages as numbered for the client (1-based); expunged-but-unreported ones included.
    int count() const { return int(m_messages.size()); }
    const MessageState &at(int msn) const { return m_messages[msn - 1]; }
    MessageState &at(int msn) { return m_messages[msn - 1]; }
    int recentCount() const;
    quint32 maxUid() const { return m_messages.isEmpty() ? 0 : m_messages.last().uid; }
    // Sequence number of a UID; 0 when the client knows no such message.
    int msnOfUid(quint32 uid) const;
    // The sequence numbers a set names, ascending: by sequence number (uid false, '*' is the
    // last message) or by UID (uid true, '*' is the highest UID; numbers match only UIDs that
    // exist).
    // *outOfRange (by sequence number only): the set named numbers past the last message.
    QList<int> resolve(const SequenceSet &set, bool uid, bool *outOfRange = nullptr) const;
    // Every flag and keyword in use, with the system flags first (for FLAGS).
    QByteArrayList flagsInUse() const;
    // The untagged FLAGS and OK [PERMANENTFLAGS] responses (CRLF-terminated lines): always
    // with force (SELECT), else only when a keyword is in use that the client has not been
    // told of yet, so they come before the FETCH that shows it (RFC 3501 7.2.6).
    QByteArray flagsAnnouncement(bool force = false);

    // The first sequence number with the lowest unseen message, 0 when all are seen.
    int firstUnseen() const;

    // Compares with the mailbox as it is now (snapshot) and returns the untagged responses
    // for what changed since the last sync. With allowExpunge false, vanished messages stay (marked expunged) until a later
    // sync that allows them. condstore adds MODSEQ to FETCH responses. *gone: the mailbox
    // itself no longer exists (deleted or renamed elsewhere).
    QByteArray sync(const mailstore::MailboxSnapshot &snapshot, bool allowExpunge, bool condstore,
                    const RecentClaim &claimRecent, bool *gone);

    // The session changed flags itself: update the snapshot (the FETCH it reports itself).
    void applyFlags(quint32 uid, const QString &storedFlags, qint64 modseq);

    bool dirty = false;          // the store announced a change since the last sync
    bool pendingExpunge = false; // expunges held back from the client (see sync)

private:
    SelectedMailbox() = default;

    QString m_name;
    bool m_readOnly = false;
    qint64 m_uidValidity = 0;
    quint32 m_uidNext = 1;
    qint64 m_highestModSeq = 0;
    QList<MessageState> m_messages;
    QByteArrayList m_announcedFlags; // as the last FLAGS response listed them
};

} // namespace maild::imap
