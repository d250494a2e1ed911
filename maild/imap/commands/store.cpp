// STORE and UID STORE (RFC 3501 6.4.6, 6.4.8; CONDSTORE of RFC 7162 3.1.3: the
// UNCHANGEDSINCE modifier and [MODIFIED set]): FLAGS, +FLAGS, -FLAGS, each with .SILENT, and
// a flag list or single flags. The change goes through the store (ImapSession::changeFlags);
// the untagged FETCH responses are written from the updated snapshot.
// Security: flags are the client's; system flags are checked against the known ones (\Recent
// and unknown ones refused), keywords are 7-bit atoms (arguments.cpp).
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/commands/uidset.h"
#include "imap/imapsession.h"
#include "imap/selectedmailbox.h"

namespace maild::imap::commands {

namespace {

struct StoreJob
{
    Command command; // tag and name, for the tagged response
    bool uid = false;
    bool silent = false;
    bool enabledCondstore = false; // this command enabled CONDSTORE (HIGHESTMODSEQ is due)
};

// mod-sequence-valzer of RFC 7162: 0 to 2^63-1.
std::optional<qint64> modSeqValue(const Token &t)
{
    if (t.type != Token::Type::Atom || t.value.isEmpty() || t.value.size() > 19)
        return std::nullopt;
    for (char c : t.value) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 n = t.value.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

void finish(ImapSession &s, const StoreJob &job, const ImapSession::FlagResult &result)
{
    SelectedMailbox *box = s.selected();
    if (!box)
        return s.no(job.command, "The mailbox was closed");
    if (!result.error.isEmpty())
        return s.no(job.command, QByteArray("STORE failed: " + result.error.toUtf8()));
    const bool condstore = s.condstoreEnabled;
    s.write(box->flagsAnnouncement()); // a new keyword: FLAGS before the FETCH that shows it
    for (const mailstore::FlagChange &change : result.changes) {
        const int msn = box->msnOfUid(quint32(change.uid));
        if (msn == 0)
            continue;
        const MessageState &m = box->at(msn);
        QByteArray items;
        if (!job.silent)
            items = "FLAGS " + m.flagList();
        else if (!condstore || change.modseq <= 0)
            continue; // RFC 7162 3.1.3: with CONDSTORE on, even .SILENT reports the new MODSEQ
        if (job.uid || condstore)
            items += QByteArray(items.isEmpty() ? "" : " ") + "UID " + QByteArray::number(m.uid);
        if (condstore)
            items += " MODSEQ (" + QByteArray::number(m.modseq) + ')';
        s.untagged(QByteArray(QByteArray::number(msn) + " FETCH (" + items + ')'));
    }
    if (job.enabledCondstore)
        s.untagged(QByteArray("OK [HIGHESTMODSEQ " + QByteArray::number(box->highestModSeq()) +
                              "] CONDSTORE on"));
    if (!result.failedUids.isEmpty()) {
        // UID STORE names UIDs, STORE sequence numbers (RFC 7162 3.1.3).
        QList<qint64> failed;
        for (quint32 uid : result.failedUids) {
            if (job.uid)
                failed.append(uid);
            else if (const int msn = box->msnOfUid(uid))
                failed.append(msn);
        }
        std::sort(failed.begin(), failed.end());
        return s.ok(job.command,
                    QByteArray("[MODIFIED " + uidSet(failed) + "] Conditional STORE failed"));
    }
    s.ok(job.command, "STORE completed");
}

} // namespace

void store(ImapSession &s, Command &c)
{
    const bool uid = isUidCommand(c);
    const QByteArray syntax =
        QByteArray(uid ? "UID " : "") +
        "STORE <sequence set> [(UNCHANGEDSINCE n)] [+|-]FLAGS[.SILENT] <flags>";
    if (!expectArguments(s, c, 3, 4096, syntax))
        return;
    const std::optional<SequenceSet> set = sequenceArgument(s, c, 0);
    if (!set)
        return;
    int next = 1;
    std::optional<qint64> unchangedSince;
    if (c.arguments[next].type == Token::Type::List) {
        const QList<Token> &modifiers = c.arguments[next].children;
        if (modifiers.size() != 2 || modifiers[0].type != Token::Type::Atom ||
            modifiers[0].value.toUpper() != "UNCHANGEDSINCE")
            return s.bad(c, "The only STORE modifier is (UNCHANGEDSINCE <mod-sequence>)");
        unchangedSince = modSeqValue(modifiers[1]);
        if (!unchangedSince)
            return s.bad(c, "UNCHANGEDSINCE needs a mod-sequence (0 to 9223372036854775807)");
        ++next;
    }
    if (next + 1 >= c.arguments.size() || c.arguments[next].type != Token::Type::Atom)
        return s.bad(c, QByteArray("Syntax: " + syntax));
    QByteArray item = c.arguments[next].value.toUpper();
    StoreJob job{c.header(), uid, item.endsWith(".SILENT"), false};
    if (job.silent)
        item.chop(7);
    mailstore::FlagMode mode = mailstore::FlagMode::Replace;
    if (item == "+FLAGS")
        mode = mailstore::FlagMode::Add;
    else if (item == "-FLAGS")
        mode = mailstore::FlagMode::Remove;
    else if (item != "FLAGS")
        return s.bad(c, "STORE changes FLAGS, +FLAGS or -FLAGS (optionally .SILENT)");
    // One list, or flags side by side ("+FLAGS \Seen \Deleted").
    Token flagsToken;
    if (next + 2 == c.arguments.size() && c.arguments[next + 1].type == Token::Type::List) {
        flagsToken = c.arguments[next + 1];
    } else {
        flagsToken.type = Token::Type::List;
        flagsToken.children = c.arguments.mid(next + 1);
    }
    const std::optional<QStringList> flags = flagsArgument(s, c, flagsToken);
    if (!flags)
        return;

    SelectedMailbox *box = s.selected();
    if (box->readOnly())
        return s.no(c, "[READ-ONLY] The mailbox is read-only (EXAMINE)");
    // As FETCH: a sequence number past the last message is BAD, missing UIDs are skipped.
    bool outOfRange = false;
    const QList<int> msns = box->resolve(*set, uid, &outOfRange);
    if (outOfRange)
        return s.bad(
            c, QByteArray("No such message: the mailbox has " + QByteArray::number(box->count())));
    if (unchangedSince) { // CONDSTORE enabling (RFC 7162 3.1)
        job.enabledCondstore = !s.condstoreEnabled;
        s.condstoreEnabled = true;
    }
    if (msns.isEmpty())
        return finish(s, job, {});
    // changeFlags() holds input back until its callback has run.
    s.changeFlags(msns, mode, *flags, unchangedSince,
                  [&s, job](const ImapSession::FlagResult &result) { finish(s, job, result); });
}

} // namespace maild::imap::commands
