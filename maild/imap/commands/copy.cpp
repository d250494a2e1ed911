// COPY, UID COPY (RFC 3501 6.4.7, COPYUID of RFC 4315) and MOVE, UID MOVE (RFC 6851): one
// transaction of the store. Copies are hard links of the message files with new UIDs;
// MOVE removes the originals in the same transaction, so a message is never in both or
// neither. Copies count against the quota ([OVERQUOTA], nothing copied).
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/commands/uidset.h"
#include "imap/imapservice.h"
#include "imap/imapsession.h"
#include "imap/selectedmailbox.h"

#include "core/context.h"
#include "mailstore/mailstore.h"
#include "store/accountstore.h"

namespace maild::imap::commands {

namespace {

struct CopyResult
{
    qint64 uidValidity = 0;
    QList<qint64> sourceUids;
    QList<qint64> newUids;
};

void transfer(ImapSession &s, Command &c, bool move)
{
    const bool uid = isUidCommand(c);
    const QByteArray verb = QByteArray(uid ? "UID " : "") + (move ? "MOVE" : "COPY");
    if (!expectArguments(s, c, 2, 2, verb + " <sequence set> <mailbox>"))
        return;
    const std::optional<SequenceSet> set = sequenceArgument(s, c, 0);
    if (!set)
        return;
    const std::optional<QString> target = mailboxArgument(s, c, 1);
    if (!target)
        return;
    if (move && s.selected()->readOnly())
        return s.no(c, "[READ-ONLY] The mailbox is read-only (EXAMINE)");
    bool outOfRange = false;
    const QList<int> msns = s.selected()->resolve(*set, uid, &outOfRange);
    if (outOfRange)
        return s.bad(c, "No such message: the mailbox has " + QByteArray::number(s.selected()->count()));
    QList<qint64> ids;
    for (int msn : msns) {
        if (!s.selected()->at(msn).expunged)
            ids.append(s.selected()->at(msn).id);
    }
    if (ids.isEmpty())
        return s.ok(c, verb + " completed (no messages)");
    const auto account = s.context().accounts.get(s.account());
    const qint64 quota = account ? account->mail.quotaBytes : 0;
    const QString source = s.selected()->name();
    auto result = std::make_shared<CopyResult>();
    const Command done = c.header();
    s.suspend();
    s.context().mailStore->update(
        s.account(), &s,
        [ids, target = *target, source, move, quota, result](mailstore::IndexUpdate &u) -> QVariant {
            std::optional<mailstore::MailboxRow> row = u.index.mailbox(target);
            if (!row) {
                u.error = QStringLiteral("[TRYCREATE] No such mailbox");
                return {};
            }
            result->uidValidity = row->uidValidity;
            const auto pairs = u.index.copyMessages(ids, *row, u.accountDir, &u.error);
            if (!u.error.isEmpty())
                return {};
            u.syncMessageDir = true;
            for (const auto &[from, to] : pairs) {
                result->sourceUids.append(from);
                result->newUids.append(to);
            }
            if (move) {
                qint64 freed = 0;
                if (!u.index.removeMessages(ids, &u.filesToRemove, &freed)) {
                    u.error = QStringLiteral("cannot remove the originals");
                    return {};
                }
                u.changedMailboxes.append(source);
            } else if (quota > 0 && u.index.usage() > quota) {
                u.error = QStringLiteral("[OVERQUOTA] The copies would exceed the quota");
                return {};
            }
            u.changedMailboxes.append(target);
            return {};
        },
        [&s, done, verb, move, result](const QString &error, const QVariant &) {
            if (!error.isEmpty()) {
                s.no(done, (error.startsWith(QLatin1Char('[')) ? error : QStringLiteral("[UNAVAILABLE] ") + error).toUtf8());
                return s.resume();
            }
            const QByteArray code = "[COPYUID " + QByteArray::number(result->uidValidity) + ' ' +
                                    uidSet(result->sourceUids) + ' ' + uidSet(result->newUids) + ']';
            if (move) {
                // RFC 6851 4.3: COPYUID in an untagged OK, then the EXPUNGEs, then the tagged OK.
                s.untagged("OK " + code + " Moved");
                s.service().expunged += result->sourceUids.size();
                if (s.selected())
                    s.selected()->dirty = true;
                s.ok(done, verb + " completed");
            } else {
                s.ok(done, code + ' ' + verb + " completed");
            }
            s.resume();
        });
}

} // namespace

void copy(ImapSession &s, Command &c)
{
    transfer(s, c, false);
}

void move(ImapSession &s, Command &c)
{
    transfer(s, c, true);
}

} // namespace maild::imap::commands
