// The selected mailbox as the client knows it (see selectedmailbox.h).
#include "imap/selectedmailbox.h"

#include <algorithm>

namespace maild::imap {

namespace {

QByteArrayList splitFlags(const QString &flags)
{
    QByteArrayList out;
    for (const QString &f : flags.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out.append(f.toUtf8());
    return out;
}

MessageState fromStored(const mailstore::StoredMessage &m, bool recent)
{
    return {m.id, quint32(m.uid), m.size, m.path, m.internalDate, splitFlags(m.flags), m.modseq, recent, false};
}

const QByteArrayList kSystemFlags{"\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"};

} // namespace

bool MessageState::hasFlag(QByteArrayView flag) const
{
    for (const QByteArray &f : flags) {
        if (QByteArrayView(f).compare(flag, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray MessageState::flagList() const
{
    QByteArray out = "(";
    for (const QByteArray &f : flags) {
        if (out.size() > 1)
            out += ' ';
        out += f;
    }
    if (recent)
        out += out.size() > 1 ? " \\Recent" : "\\Recent";
    return out + ')';
}

std::unique_ptr<SelectedMailbox> SelectedMailbox::open(const mailstore::MailboxSnapshot &snapshot, const QString &name,
                                                       bool readOnly, const RecentClaim &claimRecent, QString *error)
{
    if (!snapshot.exists) {
        *error = QStringLiteral("no such mailbox");
        return nullptr;
    }
    std::unique_ptr<SelectedMailbox> box(new SelectedMailbox);
    box->m_name = name;
    box->m_readOnly = readOnly;
    box->m_uidValidity = snapshot.uidValidity;
    box->m_uidNext = quint32(snapshot.uidNext);
    box->m_highestModSeq = snapshot.highestModSeq;
    const QList<mailstore::StoredMessage> &stored = snapshot.messages;
    const quint32 maxUid = stored.isEmpty() ? 0 : quint32(stored.last().uid);
    const quint32 recentFrom = claimRecent(box->m_uidValidity, maxUid);
    box->m_messages.reserve(stored.size());
    for (const mailstore::StoredMessage &m : stored)
        box->m_messages.append(fromStored(m, quint32(m.uid) > recentFrom));
    return box;
}

int SelectedMailbox::recentCount() const
{
    return int(std::count_if(m_messages.cbegin(), m_messages.cend(), [](const MessageState &m) { return m.recent; }));
}

int SelectedMailbox::msnOfUid(quint32 uid) const
{
    const auto it = std::lower_bound(m_messages.cbegin(), m_messages.cend(), uid,
                                     [](const MessageState &m, quint32 u) { return m.uid < u; });
    return it != m_messages.cend() && it->uid == uid ? int(it - m_messages.cbegin()) + 1 : 0;
}

QList<int> SelectedMailbox::resolve(const SequenceSet &set, bool uid, bool *outOfRange) const
{
    QList<int> out;
    if (outOfRange)
        *outOfRange = false;
    if (!uid) {
        const quint32 max = quint32(m_messages.size());
        for (const SequenceSet::Range &r : set.ranges(max)) {
            if (r.last > max) {
                if (outOfRange)
                    *outOfRange = true;
            }
            for (quint64 n = r.first; n <= qMin<quint64>(r.last, max); ++n)
                out.append(int(n));
        }
        return out;
    }
    // UIDs: walk the ranges and the (sorted) messages together.
    const QList<SequenceSet::Range> ranges = set.ranges(maxUid());
    qsizetype i = 0;
    for (const SequenceSet::Range &r : ranges) {
        while (i < m_messages.size() && m_messages[i].uid < r.first)
            ++i;
        while (i < m_messages.size() && m_messages[i].uid <= r.last)
            out.append(int(++i));
    }
    return out;
}

QByteArrayList SelectedMailbox::flagsInUse() const
{
    QByteArrayList out = kSystemFlags;
    for (const MessageState &m : m_messages) {
        for (const QByteArray &f : m.flags) {
            bool known = false;
            for (const QByteArray &o : std::as_const(out))
                known = known || o.compare(f, Qt::CaseInsensitive) == 0;
            if (!known)
                out.append(f);
        }
    }
    return out;
}

QByteArray SelectedMailbox::flagsAnnouncement(bool force)
{
    const QByteArrayList inUse = flagsInUse();
    QByteArrayList flags = m_announcedFlags;
    for (const QByteArray &f : inUse) {
        const bool known = std::any_of(flags.cbegin(), flags.cend(),
                                       [&f](const QByteArray &o) { return o.compare(f, Qt::CaseInsensitive) == 0; });
        if (!known)
            flags.append(f);
    }
    if (!force && flags.size() == m_announcedFlags.size())
        return {};
    m_announcedFlags = flags;
    const QByteArray list = flags.join(' ');
    return "* FLAGS (" + list + ")\r\n"
        + (m_readOnly ? QByteArray("* OK [PERMANENTFLAGS ()] Read-only mailbox\r\n")
                      : "* OK [PERMANENTFLAGS (" + list + " \\*)] Flags permitted\r\n");
}

int SelectedMailbox::firstUnseen() const
{
    for (int i = 0; i < m_messages.size(); ++i) {
        if (!m_messages[i].hasFlag("\\Seen"))
            return i + 1;
    }
    return 0;
}

void SelectedMailbox::applyFlags(quint32 uid, const QString &storedFlags, qint64 modseq)
{
    const int msn = msnOfUid(uid);
    if (msn == 0)
        return;
    MessageState &m = m_messages[msn - 1];
    m.flags = splitFlags(storedFlags);
    m.modseq = qMax(m.modseq, modseq);
    m_highestModSeq = qMax(m_highestModSeq, modseq);
}

QByteArray SelectedMailbox::sync(const mailstore::MailboxSnapshot &snapshot, bool allowExpunge, bool condstore,
                                  const RecentClaim &claimRecent, bool *gone)
{
    *gone = false;
    if (!snapshot.exists || snapshot.uidValidity != m_uidValidity) {
        *gone = true;
        return {};
    }
    dirty = false;
    const QList<mailstore::StoredMessage> &stored = snapshot.messages;
    QByteArray out;

    // 1. Messages that are gone: EXPUNGE them (or hold them back), and flag changes.
    QList<MessageState> kept;
    kept.reserve(m_messages.size());
    qsizetype j = 0; // into stored
    pendingExpunge = false;
    for (MessageState &m : m_messages) {
        while (j < stored.size() && quint32(stored[j].uid) < m.uid)
            ++j;
        const bool present = j < stored.size() && quint32(stored[j].uid) == m.uid;
        if (!present) {
            if (allowExpunge) {
                out += "* " + QByteArray::number(kept.size() + 1) + " EXPUNGE\r\n";
                continue;
            }
            m.expunged = true;
            pendingExpunge = true;
            kept.append(m);
            continue;
        }
        const mailstore::StoredMessage &s = stored[j];
        const QByteArrayList flags = splitFlags(s.flags);
        if (flags != m.flags) {
            m.flags = flags;
            m.modseq = s.modseq;
            QByteArray fetch = "* " + QByteArray::number(kept.size() + 1) + " FETCH (UID " + QByteArray::number(m.uid) +
                               " FLAGS " + m.flagList();
            if (condstore)
                fetch += " MODSEQ (" + QByteArray::number(m.modseq) + ')';
            out += fetch + ")\r\n";
        }
        m.modseq = s.modseq;
        kept.append(m);
    }
    // 2. New messages (UIDs above every one the client knows).
    const quint32 known = maxUid();
    const qsizetype firstNew = std::upper_bound(stored.cbegin(), stored.cend(), known,
                                          [](quint32 u, const mailstore::StoredMessage &s) { return u < quint32(s.uid); }) -
                         stored.cbegin();
    if (firstNew < stored.size()) {
        const quint32 recentFrom = claimRecent(m_uidValidity, quint32(stored.last().uid));
        for (qsizetype k = firstNew; k < stored.size(); ++k)
            kept.append(fromStored(stored[k], quint32(stored[k].uid) > recentFrom));
    }
    const bool grew = firstNew < stored.size();
    m_messages = std::move(kept);
    if (grew) {
        out += "* " + QByteArray::number(m_messages.size()) + " EXISTS\r\n";
        out += "* " + QByteArray::number(recentCount()) + " RECENT\r\n";
    }
    m_uidNext = quint32(snapshot.uidNext);
    m_highestModSeq = snapshot.highestModSeq;
    return flagsAnnouncement() + out;
}

} // namespace maild::imap
