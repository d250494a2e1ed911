// Mailbox management (RFC 3501 6.3.3-6.3.7): CREATE (with the superior levels, as 6.3.3
// advises), DELETE (refused while the mailbox has mailboxes inside it, so no name ever
// becomes a \Noselect hole), RENAME (children move along; INBOX's messages move and INBOX
// stays, 6.3.5), SUBSCRIBE and UNSUBSCRIBE. Each is one transaction of the store.
// Subscriptions are the client's alone (6.3.6): CREATE and DELETE leave them as they are, and
// a name may be subscribed whether or not its mailbox exists; RENAME moves them along.
// Security: names are decoded and checked (MailboxName) before they reach the store, and
// the store never derives a file path from them.
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/grammar/mailboxname.h"
#include "imap/imapsession.h"

#include "core/context.h"
#include "mailstore/mailstore.h"

namespace maild::imap::commands {

namespace {

using Work = std::function<QString(mailstore::IndexUpdate &)>; // returns "[CODE] reason" or ""

// Runs work in one store transaction, then answers OK text or NO with the work's reason.
void run(ImapSession &s, const Command &c, Work work, QByteArray okText)
{
    const Command done = c.header();
    s.suspend();
    s.context().mailStore->update(
        s.account(), &s,
        [work = std::move(work)](mailstore::IndexUpdate &u) -> QVariant {
            const QString refusal = work(u);
            if (!refusal.isEmpty() && u.error.isEmpty())
                u.error = refusal;
            return {};
        },
        [&s, done, okText](const QString &error, const QVariant &) {
            if (!error.isEmpty())
                s.no(done, (error.startsWith(QLatin1Char('[')) ? error : QStringLiteral("[SERVERBUG] ") + error).toUtf8());
            else
                s.ok(done, okText);
            s.resume();
        });
}

// The superior levels of a name that do not exist yet, shallowest first ("a", "a/b" for "a/b/c").
QStringList missingParents(mailstore::MailIndex &index, const QString &name)
{
    QStringList out;
    const QStringList levels = name.split(MailboxName::kDelimiter);
    for (qsizetype i = 1; i < levels.size(); ++i) {
        const QString parent = levels.mid(0, i).join(MailboxName::kDelimiter);
        if (!index.mailbox(parent))
            out.append(parent);
    }
    return out;
}

bool hasChildren(mailstore::MailIndex &index, const QString &name)
{
    const QString prefix = name + MailboxName::kDelimiter;
    for (const mailstore::MailboxRow &row : index.mailboxes()) {
        if (row.name.startsWith(prefix))
            return true;
    }
    return false;
}

} // namespace

void create(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 1, 1, "CREATE <mailbox>"))
        return;
    // A trailing delimiter only declares the intent to create children (RFC 3501 6.3.3).
    while (c.arguments[0].value.endsWith('/') && c.arguments[0].value.size() > 1)
        c.arguments[0].value.chop(1);
    const std::optional<QString> name = mailboxArgument(s, c, 0);
    if (!name)
        return;
    if (*name == QLatin1String("INBOX"))
        return s.no(c, "[ALREADYEXISTS] INBOX always exists");
    run(
        s, c,
        [name = *name](mailstore::IndexUpdate &u) -> QString {
            if (u.index.mailbox(name))
                return QStringLiteral("[ALREADYEXISTS] The mailbox exists already");
            for (const QString &parent : missingParents(u.index, name)) {
                if (QString e = u.index.createMailbox(parent); !e.isEmpty())
                    return e;
            }
            return u.index.createMailbox(name);
        },
        "CREATE completed");
}

void deleteCommand(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 1, 1, "DELETE <mailbox>"))
        return;
    const std::optional<QString> name = mailboxArgument(s, c, 0);
    if (!name)
        return;
    if (*name == QLatin1String("INBOX"))
        return s.no(c, "[CANNOT] INBOX cannot be deleted");
    run(
        s, c,
        [name = *name](mailstore::IndexUpdate &u) -> QString {
            if (!u.index.mailbox(name))
                return QStringLiteral("[NONEXISTENT] No such mailbox");
            if (hasChildren(u.index, name))
                return QStringLiteral("[CANNOT] The mailbox has mailboxes inside it; delete those first");
            u.changedMailboxes.append(name);
            return u.index.deleteMailbox(name, &u.filesToRemove);
        },
        "DELETE completed");
}

void rename(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 2, 2, "RENAME <mailbox> <new name>"))
        return;
    const std::optional<QString> from = mailboxArgument(s, c, 0);
    if (!from)
        return;
    const std::optional<QString> to = mailboxArgument(s, c, 1);
    if (!to)
        return;
    if (*to == QLatin1String("INBOX"))
        return s.no(c, "[ALREADYEXISTS] INBOX always exists");
    if (to->startsWith(*from + MailboxName::kDelimiter))
        return s.no(c, "[CANNOT] A mailbox cannot be moved inside itself");
    if (to->count(MailboxName::kDelimiter) + 1 > MailboxName::kMaxLevels)
        return s.no(c, "[CANNOT] Too many levels");
    run(
        s, c,
        [from = *from, to = *to](mailstore::IndexUpdate &u) -> QString {
            if (!u.index.mailbox(from))
                return QStringLiteral("[NONEXISTENT] No such mailbox");
            if (u.index.mailbox(to))
                return QStringLiteral("[ALREADYEXISTS] The new name is taken");
            // Children keep their place under the new name: none may grow too long.
            const QString prefix = from + MailboxName::kDelimiter;
            for (const mailstore::MailboxRow &row : u.index.mailboxes()) {
                if (row.name.startsWith(prefix) && !MailboxName::problem(to + row.name.mid(from.size())).isEmpty())
                    return QStringLiteral("[CANNOT] A mailbox inside would get a name that is too long");
            }
            for (const QString &parent : missingParents(u.index, to)) {
                if (QString e = u.index.createMailbox(parent); !e.isEmpty())
                    return e;
            }
            u.changedMailboxes.append(from);
            return u.index.renameMailbox(from, to);
        },
        "RENAME completed");
}

namespace {

void setSubscribed(ImapSession &s, Command &c, bool subscribed)
{
    if (!expectArguments(s, c, 1, 1, subscribed ? "SUBSCRIBE <mailbox>" : "UNSUBSCRIBE <mailbox>"))
        return;
    const std::optional<QString> name = mailboxArgument(s, c, 0);
    if (!name)
        return;
    run(
        s, c,
        [name = *name, subscribed](mailstore::IndexUpdate &u) -> QString {
            return u.index.setSubscribed(name, subscribed);
        },
        subscribed ? "SUBSCRIBE completed" : "UNSUBSCRIBE completed");
}

} // namespace

void subscribe(ImapSession &s, Command &c)
{
    setSubscribed(s, c, true);
}

void unsubscribe(ImapSession &s, Command &c)
{
    setSubscribed(s, c, false);
}

} // namespace maild::imap::commands
