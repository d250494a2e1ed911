// EHLO and HELO (RFC 5321 4.1.1.1): the client names itself; EHLO lists the extensions.
// Either one resets any transaction in progress.
#include "smtp/commands/commands.h"

#include "core/context.h"
#include "core/settings.h"
#include "smtp/smtpsession.h"

namespace maild::smtp::commands {

namespace {

bool greet(SmtpSession &s, const QByteArray &argument)
{
    const QByteArray name = argument.trimmed();
    if (name.isEmpty() || name.contains(' ')) {
        s.reply(501, "5.5.4", QStringLiteral("syntax: EHLO <your domain or address literal>"));
        return false;
    }
    s.helo = QString::fromLatin1(name.left(255));
    s.transaction = Transaction();
    return true;
}

} // namespace

void ehlo(SmtpSession &s, const QByteArray &argument)
{
    if (!greet(s, argument))
        return;
    s.esmtp = true;
    const core::Settings &settings = s.context().settings;
    QStringList lines{settings.string(QStringLiteral("server.hostname")) + QStringLiteral(" Hello ") + s.helo,
                      QStringLiteral("SIZE %1").arg(settings.integer(QStringLiteral("smtp.maxMessageBytes"))),
                      QStringLiteral("PIPELINING"), QStringLiteral("8BITMIME"), QStringLiteral("ENHANCEDSTATUSCODES")};
    if (s.canStartTls())
        lines.append(QStringLiteral("STARTTLS"));
    const bool tlsFirst = s.tlsMode() == QLatin1String("required") && !s.isEncrypted();
    if (s.authUser.isEmpty() && !tlsFirst)
        lines.append(QStringLiteral("AUTH PLAIN LOGIN SCRAM-SHA-256"));
    lines.append(QStringLiteral("HELP"));
    s.replyLines(250, lines);
}

void helo(SmtpSession &s, const QByteArray &argument)
{
    if (!greet(s, argument))
        return;
    s.esmtp = false;
    s.reply(250, nullptr, s.context().settings.string(QStringLiteral("server.hostname")));
}

} // namespace maild::smtp::commands
