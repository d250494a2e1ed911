// DATA (RFC 5321 4.1.1.4): after the checks, the session streams the message into a spool
// file until <CRLF>.<CRLF> (see SmtpSession::startData and DataReader).
#include "smtp/commands/commands.h"

#include "smtp/smtpsession.h"

namespace maild::smtp::commands {

void data(SmtpSession &s, const QByteArray &argument)
{
    if (!s.transaction.active)
        return s.reply(503, "5.5.1", QStringLiteral("need MAIL before DATA"));
    if (s.transaction.recipients.isEmpty())
        return s.reply(503, "5.5.1", QStringLiteral("need RCPT before DATA (no valid recipients)"));
    if (!argument.trimmed().isEmpty())
        return s.reply(501, "5.5.4", QStringLiteral("DATA takes no argument"));
    s.startData();
}

} // namespace maild::smtp::commands
