// IDLE (RFC 2177): "+ idling", then untagged updates as they happen (the service wakes the
// session on every change of its selected mailbox) until the client sends DONE. The
// session's idle timer still runs: a client that idles past imap.idleTimeoutSeconds is
// logged out, so clients re-issue IDLE about every 29 minutes as the RFC advises.
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/imapsession.h"

namespace maild::imap::commands {

void idle(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 0, 0, "IDLE"))
        return;
    s.startIdle(c);
}

} // namespace maild::imap::commands
