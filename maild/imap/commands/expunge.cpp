// EXPUNGE, UID EXPUNGE (RFC 4315 2.1), CLOSE and UNSELECT (RFC 3691): removing the messages
// flagged \Deleted. Which messages go is decided inside the store's transaction (their
// flags as they are then, not as this session last saw them), so a \Deleted cleared by
// another session a moment ago is respected.
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/imapservice.h"
#include "imap/imapsession.h"
#include "imap/selectedmailbox.h"

#include "core/context.h"
#include "mailstore/mailstore.h"

namespace maild::imap::commands {

namespace {

// Removes the \Deleted messages of the selected mailbox (only those whose UIDs are in uids,
// when given); done(error, removed) runs with input held.
void removeDeleted(ImapSession &s, std::optional<SequenceSet> uids, std::function<void(const QString &, int)> done)
{
    const QString mailbox = s.selected()->name();
    const quint32 maxUid = s.selected()->maxUid();
    auto removed = std::make_shared<int>(0);
    s.suspend();
    s.context().mailStore->update(
        s.account(), &s,
        [mailbox, uids, maxUid, removed](mailstore::IndexUpdate &u) -> QVariant {
            const auto row = u.index.mailbox(mailbox);
            if (!row) {
                u.error = QStringLiteral("the mailbox no longer exists");
                return {};
            }
            QList<qint64> ids;
            for (const auto &[id, uid] : u.index.deletedMessages(row->id)) {
                if (!uids || uids->contains(quint32(uid), maxUid))
                    ids.append(id);
            }
            if (ids.isEmpty())
                return {};
            qint64 freed = 0;
            if (!u.index.removeMessages(ids, &u.filesToRemove, &freed)) {
                u.error = QStringLiteral("cannot remove messages");
                return {};
            }
            *removed = int(ids.size());
            u.changedMailboxes.append(mailbox);
            return {};
        },
        [&s, removed, done = std::move(done)](const QString &error, const QVariant &) {
            s.service().expunged += *removed;
            done(error, *removed);
            s.resume();
        });
}

} // namespace

void expunge(ImapSession &s, Command &c)
{
    const bool uid = isUidCommand(c);
    if (!expectArguments(s, c, uid ? 1 : 0, uid ? 1 : 0, uid ? "UID EXPUNGE <uid set>" : "EXPUNGE"))
        return;
    std::optional<SequenceSet> uids;
    if (uid) {
        uids = sequenceArgument(s, c, 0);
        if (!uids)
            return;
    }
    if (s.selected()->readOnly())
        return s.no(c, "[READ-ONLY] The mailbox is read-only (EXAMINE)");
    const Command done = c.header();
    removeDeleted(s, uids, [&s, done](const QString &error, int) {
        if (!error.isEmpty())
            return s.no(done, "[UNAVAILABLE] Cannot expunge now: " + error.toUtf8());
        if (s.selected())
            s.selected()->dirty = true; // the EXPUNGE responses come from the sync in ok()
        s.ok(done, "EXPUNGE completed");
    });
}

void close(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 0, 0, "CLOSE"))
        return;
    if (s.selected()->readOnly()) {
        s.setSelected(nullptr);
        return s.ok(c, "CLOSE completed");
    }
    const Command done = c.header();
    removeDeleted(s, std::nullopt, [&s, done](const QString &, int) {
        // RFC 3501 6.4.2: no untagged EXPUNGE; the mailbox is closed even if removal failed.
        s.setSelected(nullptr);
        s.ok(done, "CLOSE completed");
    });
}

void unselect(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 0, 0, "UNSELECT"))
        return;
    s.setSelected(nullptr);
    s.ok(c, "UNSELECT completed");
}

} // namespace maild::imap::commands
