// AUTH (RFC 4954): starts a SASL exchange with PLAIN, LOGIN or SCRAM-SHA-256; the session
// carries it on (334 challenges) and the Authenticator decides.
// Security: credentials are checked off the event loop, rate-limited, never logged.
#include "smtp/commands/commands.h"

#include "auth/saslmechanism.h"
#include "core/context.h"
#include "smtp/smtpsession.h"

namespace maild::smtp::commands {

void auth(SmtpSession &s, const QByteArray &argument)
{
    if (!s.esmtp)
        return s.reply(503, "5.5.1", QStringLiteral("say EHLO first"));
    if (!s.authUser.isEmpty())
        return s.reply(503, "5.5.1", QStringLiteral("already authenticated"));
    if (s.transaction.active)
        return s.reply(503, "5.5.1", QStringLiteral("AUTH is not allowed during a mail transaction"));
    const QList<QByteArray> parts = argument.trimmed().split(' ');
    if (parts.isEmpty() || parts[0].isEmpty() || parts.size() > 2)
        return s.reply(501, "5.5.4", QStringLiteral("syntax: AUTH <mechanism> [initial response]"));
    std::unique_ptr<auth::SaslMechanism> mechanism =
        auth::createMechanism(QString::fromLatin1(parts[0]), *s.context().authenticator);
    if (!mechanism)
        return s.reply(504, "5.5.4", QStringLiteral("unrecognized authentication mechanism"));
    std::optional<QByteArray> initial;
    if (parts.size() == 2) {
        initial.emplace();
        if (!auth::decodeInitialResponse(parts[1], &*initial))
            return s.reply(501, "5.5.2", QStringLiteral("cannot decode the base64 initial response"));
    }
    s.startAuth(std::move(mechanism), initial);
}

} // namespace maild::smtp::commands
