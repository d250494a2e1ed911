// The small SMTP commands: RSET, NOOP, QUIT (RFC 5321 4.1.1.5, 4.1.1.9, 4.1.1.10), HELP
// (4.1.1.8) and VRFY/EXPN (4.1.1.6, 4.1.1.7), which never say whether a user exists
// (RFC 5321 3.5.3: 252), so they cannot be used to harvest addresses.
#include "smtp/commands/commands.h"

#include "smtp/smtpsession.h"

namespace maild::smtp::commands {

void rset(SmtpSession &s, const QByteArray &argument)
{
    if (!argument.trimmed().isEmpty())
        return s.reply(501, "5.5.4", QStringLiteral("RSET takes no argument"));
    s.transaction = Transaction();
    s.reply(250, "2.0.0", QStringLiteral("OK"));
}

void noop(SmtpSession &s, const QByteArray &)
{
    s.reply(250, "2.0.0", QStringLiteral("OK"));
}

void quit(SmtpSession &s, const QByteArray &)
{
    s.quit();
}

void help(SmtpSession &s, const QByteArray &)
{
    s.reply(214, "2.0.0", QStringLiteral("Commands: EHLO HELO AUTH MAIL RCPT DATA RSET NOOP VRFY HELP QUIT"));
}

void vrfy(SmtpSession &s, const QByteArray &argument)
{
    if (argument.trimmed().isEmpty())
        return s.reply(501, "5.5.4", QStringLiteral("syntax: VRFY <address>"));
    s.reply(252, "2.5.0", QStringLiteral("cannot verify the user, but will accept the message and attempt delivery"));
}

} // namespace maild::smtp::commands
