// Commands of any state: CAPABILITY, NOOP (and CHECK), LOGOUT, ID (RFC 2971).
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/grammar/responsewriter.h"
#include "imap/imapsession.h"

namespace maild::imap::commands {

void capability(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 0, 0, "CAPABILITY"))
        return;
    s.untagged("CAPABILITY " + s.capabilities());
    s.ok(c, "CAPABILITY completed");
}

void noop(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 0, 0, "NOOP"))
        return;
    s.ok(c, "NOOP completed");
}

void check(ImapSession &s, Command &c)
{
    // Every change is durable when it is answered; nothing is left to checkpoint.
    if (!expectArguments(s, c, 0, 0, "CHECK"))
        return;
    s.ok(c, "CHECK completed");
}

void logout(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 0, 0, "LOGOUT"))
        return;
    s.logout(c);
}

void id(ImapSession &s, Command &c)
{
    // RFC 2971 3.3: NIL or a list of at most 30 field/value pairs, fields at most 30 octets,
    // values at most 1024.
    if (!expectArguments(s, c, 1, 1, "ID NIL | ID (\"field\" \"value\" ...)"))
        return;
    const Token &t = c.arguments[0];
    if (t.type == Token::Type::List) {
        const QList<Token> &items = t.children;
        if (items.size() % 2 != 0 || items.size() > 60)
            return s.bad(c, "ID takes at most 30 field/value pairs");
        for (qsizetype i = 0; i < items.size(); i += 2) {
            if (!items[i].isString() || items[i].value.size() > 30)
                return s.bad(c, "ID field names are strings of at most 30 octets");
            if (!(items[i + 1].isString() || items[i + 1].type == Token::Type::Nil) || items[i + 1].value.size() > 1024)
                return s.bad(c, "ID values are strings of at most 1024 octets, or NIL");
        }
    } else if (t.type != Token::Type::Nil) {
        return s.bad(c, "ID takes NIL or a parenthesized list");
    }
    s.untagged("ID (\"name\" \"Mailroom\" \"vendor\" \"Mailroom\" \"support-url\" NIL)");
    s.ok(c, "ID completed");
}

} // namespace maild::imap::commands
