// SELECT and EXAMINE (RFC 3501 6.3.1, 6.3.2; the CONDSTORE parameter of RFC 7162 3.1.8).
// Selecting deselects the previous mailbox first, also when the new one cannot be opened.
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/imapservice.h"
#include "imap/imapsession.h"
#include "imap/selectedmailbox.h"

#include "core/logger.h"

namespace maild::imap::commands {

namespace {

void open(ImapSession &s, Command &c, bool readOnly)
{
    const QByteArray verb = readOnly ? "EXAMINE" : "SELECT";
    if (!expectArguments(s, c, 1, 2, verb + " <mailbox> [(CONDSTORE)]"))
        return;
    s.setSelected(nullptr);
    const std::optional<QString> name = mailboxArgument(s, c, 0);
    if (!name)
        return;
    if (c.arguments.size() == 2) {
        const Token &params = c.arguments[1];
        if (params.type != Token::Type::List)
            return s.bad(c, "Select parameters are a parenthesized list");
        for (const Token &p : params.children) {
            if (p.type != Token::Type::Atom || p.value.compare("CONDSTORE", Qt::CaseInsensitive) != 0)
                return s.bad(c, "Unknown select parameter; only CONDSTORE is supported");
        }
        s.condstoreEnabled = true;
    }
    QString error;
    const QString account = s.account();
    const auto snapshot = s.service().snapshot(account, *name, &error);
    if (!snapshot) {
        core::logError(QStringLiteral("imap"), QStringLiteral("cannot open %1 of %2: %3").arg(*name, account, error));
        return s.no(c, "[UNAVAILABLE] Cannot open the mailbox now; try again later");
    }
    auto box = SelectedMailbox::open(
        *snapshot, *name, readOnly,
        [&s, &account, &name, readOnly](qint64 validity, quint32 maxUid) {
            return s.service().claimRecent(account, *name, validity, maxUid, readOnly);
        },
        &error);
    if (!box)
        return s.no(c, "[NONEXISTENT] No such mailbox");
    s.write(box->flagsAnnouncement(true));
    s.untagged(QByteArray::number(box->count()) + " EXISTS");
    s.untagged(QByteArray::number(box->recentCount()) + " RECENT");
    if (const int unseen = box->firstUnseen())
        s.untagged("OK [UNSEEN " + QByteArray::number(unseen) + "] First unseen");
    s.untagged("OK [UIDVALIDITY " + QByteArray::number(box->uidValidity()) + "] UIDs valid");
    s.untagged("OK [UIDNEXT " + QByteArray::number(box->uidNext()) + "] Predicted next UID");
    s.untagged("OK [HIGHESTMODSEQ " + QByteArray::number(box->highestModSeq()) + "] Highest");
    s.setSelected(std::move(box));
    s.ok(c, (readOnly ? "[READ-ONLY] " : "[READ-WRITE] ") + verb + " completed");
}

} // namespace

void select(ImapSession &s, Command &c)
{
    open(s, c, false);
}

void examine(ImapSession &s, Command &c)
{
    open(s, c, true);
}

} // namespace maild::imap::commands
