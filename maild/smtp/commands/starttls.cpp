// STARTTLS (RFC 3207): upgrades the connection to TLS; see SmtpSession::startTls for the
// discarding of pipelined input and the reset of the session afterwards.
// Security: the command-injection rule of RFC 3207 section 5 is enforced there.
#include "smtp/commands/commands.h"

#include "smtp/smtpsession.h"

namespace maild::smtp::commands {

void starttls(SmtpSession &s, const QByteArray &argument)
{
    if (!argument.trimmed().isEmpty())
        return s.reply(501, "5.5.4", QStringLiteral("STARTTLS takes no argument"));
    if (s.isEncrypted())
        return s.reply(503, "5.5.1", QStringLiteral("TLS is already active"));
    if (s.tlsMode() == QLatin1String("off"))
        return s.reply(503, "5.5.1", QStringLiteral("STARTTLS is not offered here"));
    if (!s.canStartTls())
        return s.reply(454, "4.7.0", QStringLiteral("TLS not available: no usable certificate"));
    s.beginStartTls();
}

} // namespace maild::smtp::commands
