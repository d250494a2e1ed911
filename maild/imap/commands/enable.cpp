// ENABLE (RFC 5161) and NAMESPACE (RFC 2342). The only extension to enable is CONDSTORE
// (RFC 7162 3.1); others are ignored, as RFC 5161 3.1 requires.
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/imapsession.h"

namespace maild::imap::commands {

void enable(ImapSession &s, Command &c)
{
    if (c.arguments.isEmpty())
        return s.bad(c, "Syntax: ENABLE <capability> ...");
    QByteArray enabled;
    for (const Token &t : std::as_const(c.arguments)) {
        if (t.type != Token::Type::Atom)
            return s.bad(c, "ENABLE takes capability names");
        if (t.value.compare("CONDSTORE", Qt::CaseInsensitive) == 0 && !enabled.contains("CONDSTORE")) {
            s.condstoreEnabled = true;
            enabled += " CONDSTORE";
        }
    }
    s.untagged("ENABLED" + enabled);
    s.ok(c, "ENABLE completed");
}

void namespaceCommand(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 0, 0, "NAMESPACE"))
        return;
    // One personal namespace, the account's own mailboxes; no other users', no shared.
    s.untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
    s.ok(c, "NAMESPACE completed");
}

} // namespace maild::imap::commands
