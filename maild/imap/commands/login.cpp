// Before login: STARTTLS (RFC 3501 6.2.1, via the TLS layer), LOGIN (6.2.3) and
// AUTHENTICATE (6.2.2, with SASL-IR of RFC 4959).
// Security: credentials are checked by the Authenticator (slow hash off the event loop,
// rate limits, per-account access); with imap.tls required they are refused in the clear
// (LOGINDISABLED, [PRIVACYREQUIRED]).
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/imapsession.h"

#include "auth/saslmechanism.h"
#include "core/context.h"

namespace maild::imap::commands {

namespace {

bool tlsGate(ImapSession &s, const Command &c)
{
    if (s.loginAllowed())
        return true;
    s.no(c, "[PRIVACYREQUIRED] Log in only after STARTTLS");
    return false;
}

} // namespace

void starttls(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 0, 0, "STARTTLS"))
        return;
    if (s.isEncrypted())
        return s.bad(c, "TLS is already active");
    if (!s.canStartTls())
        return s.bad(c, "STARTTLS is not offered here");
    s.beginStartTls(c);
}

void login(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 2, 2, "LOGIN <user> <password>"))
        return;
    if (!c.arguments[0].isAString() || !c.arguments[1].isAString())
        return s.bad(c, "LOGIN takes two strings");
    if (!tlsGate(s, c))
        return;
    s.login(c, QString::fromUtf8(c.arguments[0].value), QString::fromUtf8(c.arguments[1].value));
}

void authenticate(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 1, 2, "AUTHENTICATE <mechanism> [<initial response>]"))
        return;
    if (c.arguments[0].type != Token::Type::Atom)
        return s.bad(c, "The mechanism is an atom");
    if (!tlsGate(s, c))
        return;
    std::unique_ptr<auth::SaslMechanism> mechanism =
        auth::createMechanism(QString::fromLatin1(c.arguments[0].value), *s.context().authenticator);
    if (!mechanism)
        return s.no(c, "Unsupported authentication mechanism");
    std::optional<QByteArray> initial;
    if (c.arguments.size() == 2) {
        initial.emplace();
        if (!c.arguments[1].isAString() || !auth::decodeInitialResponse(c.arguments[1].value, &*initial))
            return s.bad(c, "Cannot decode the base64 initial response");
    }
    s.startSasl(c, std::move(mechanism), initial);
}

} // namespace maild::imap::commands
