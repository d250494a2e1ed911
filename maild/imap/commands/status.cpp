// STATUS (RFC 3501 6.3.10): counts of a mailbox without selecting it. RECENT is peeked,
// never claimed (STATUS must not change which session sees a message as \Recent).
#include "imap/commands/statusitems.h"

#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/imapservice.h"
#include "imap/imapsession.h"

#include "mailstore/mailboxview.h"

namespace maild::imap::commands {

namespace {

const QByteArrayList kItems{"MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "HIGHESTMODSEQ", "SIZE"};

} // namespace

std::optional<QByteArrayList> statusItems(ImapSession &s, const Command &c, const Token &list)
{
    if (list.type != Token::Type::List || list.children.isEmpty()) {
        s.bad(c, "Status items are a parenthesized list such as (MESSAGES UNSEEN)");
        return std::nullopt;
    }
    QByteArrayList out;
    for (const Token &t : list.children) {
        const QByteArray item = t.value.toUpper();
        if (t.type != Token::Type::Atom || !kItems.contains(item)) {
            s.bad(c, "Unknown status item " + t.value.left(40) + "; known: " + kItems.join(' '));
            return std::nullopt;
        }
        if (!out.contains(item))
            out.append(item);
    }
    return out;
}

std::optional<QByteArray> statusLine(ImapSession &s, const QString &name, const QByteArrayList &items, QString *error)
{
    const auto status = mailstore::MailboxView::status(s.accountDir(), name, error);
    if (!status)
        return std::nullopt;
    QByteArray out;
    for (const QByteArray &item : items) {
        qint64 value = 0;
        if (item == "MESSAGES")
            value = status->messages;
        else if (item == "RECENT")
            value = status->recentAbove(s.service().claimRecent(s.account(), name, status->row.uidValidity, 0, true));
        else if (item == "UIDNEXT")
            value = status->row.uidNext;
        else if (item == "UIDVALIDITY")
            value = status->row.uidValidity;
        else if (item == "UNSEEN")
            value = status->unseen;
        else if (item == "HIGHESTMODSEQ")
            value = status->row.highestModSeq;
        else if (item == "SIZE")
            value = status->size;
        out += (out.isEmpty() ? "" : " ") + item + ' ' + QByteArray::number(value);
    }
    return "STATUS " + wireName(name) + " (" + out + ')';
}

void status(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 2, 2, "STATUS <mailbox> (<item> ...)"))
        return;
    const std::optional<QString> name = mailboxArgument(s, c, 0);
    if (!name)
        return;
    const auto items = statusItems(s, c, c.arguments[1]);
    if (!items)
        return;
    QString error;
    const auto line = statusLine(s, *name, *items, &error);
    if (!line)
        return s.no(c, error.isEmpty() ? QByteArray("[NONEXISTENT] No such mailbox")
                                       : QByteArray("[UNAVAILABLE] Cannot read the mailbox now"));
    s.untagged(*line);
    s.ok(c, "STATUS completed");
}

} // namespace maild::imap::commands
