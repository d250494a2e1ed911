// QUOTA (RFC 9208): one quota root "" per account, the STORAGE resource in units of 1024
// octets, from the account's quota and its usage as the store counts it. Quotas are set by
// administrators (mailusers, mailctl), so SETQUOTA is refused.
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/imapsession.h"

#include "core/context.h"
#include "store/accountstore.h"

namespace maild::imap::commands {

namespace {

// "* QUOTA "" (STORAGE used limit)"; false when the account has no quota (no root then).
bool sendQuota(ImapSession &s, bool send = true)
{
    const auto account = s.context().accounts.get(s.account());
    if (!account || account->mail.quotaBytes <= 0)
        return false;
    const qint64 used = (account->usageBytes + 1023) / 1024;
    const qint64 limit = account->mail.quotaBytes / 1024;
    if (send)
        s.untagged("QUOTA \"\" (STORAGE " + QByteArray::number(used) + ' ' + QByteArray::number(limit) + ')');
    return true;
}

} // namespace

void getQuota(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 1, 1, "GETQUOTA <quota root>"))
        return;
    if (!c.arguments[0].isAString() || !c.arguments[0].value.isEmpty())
        return s.no(c, "[NONEXISTENT] No such quota root; the only one is \"\"");
    if (!sendQuota(s))
        return s.no(c, "[NONEXISTENT] No quota is set for this account");
    s.ok(c, "GETQUOTA completed");
}

void getQuotaRoot(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 1, 1, "GETQUOTAROOT <mailbox>"))
        return;
    const std::optional<QString> name = mailboxArgument(s, c, 0);
    if (!name)
        return;
    const bool limited = sendQuota(s, false);
    s.untagged("QUOTAROOT " + wireName(*name) + (limited ? " \"\"" : ""));
    sendQuota(s);
    s.ok(c, "GETQUOTAROOT completed");
}

void setQuota(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 2, 2, "SETQUOTA <quota root> (<resource> <limit> ...)"))
        return;
    s.no(c, "[NOPERM] Quotas are set by the administrator");
}

} // namespace maild::imap::commands
