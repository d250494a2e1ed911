// MAIL FROM (RFC 5321 4.1.1.2) with the SIZE (RFC 1870), BODY (RFC 6152) and AUTH
// (RFC 4954) parameters: starts a transaction.
#include "smtp/commands/commands.h"

#include "core/context.h"
#include "core/settings.h"
#include "smtp/grammar/smtpcommand.h"
#include "smtp/smtpsession.h"

namespace maild::smtp::commands {

void mail(SmtpSession &s, const QByteArray &argument)
{
    if (s.helo.isEmpty())
        return s.reply(503, "5.5.1", QStringLiteral("say EHLO first"));
    if (s.transaction.active)
        return s.reply(503, "5.5.1", QStringLiteral("a transaction is already in progress; RSET first"));
    if (s.isSubmission() && s.authUser.isEmpty())
        return s.reply(530, "5.7.0", QStringLiteral("authentication required"));

    const auto parsed = parsePath(argument, "FROM:", true);
    if (const auto *problem = std::get_if<PathProblem>(&parsed))
        return s.reply(problem->code, problem->enhanced.constData(), problem->text);
    const MailPath &path = std::get<MailPath>(parsed);
    if (path.quoted)
        return s.reply(501, "5.1.3", QStringLiteral("quoted local parts are not accepted"));
    const qint64 max = s.context().settings.integer(QStringLiteral("smtp.maxMessageBytes"));
    qint64 size = 0;
    for (const auto &[key, value] : path.params) {
        if (key == "SIZE") {
            bool ok = false;
            size = value.toLongLong(&ok);
            if (!ok || size < 0)
                return s.reply(501, "5.5.4", QStringLiteral("syntax: SIZE=<number of bytes>"));
            if (size > max)
                return s.reply(552, "5.3.4", QStringLiteral("message size exceeds the limit of %1 bytes").arg(max));
        } else if (key == "BODY") {
            const QByteArray body = value.toUpper();
            if (body != "7BIT" && body != "8BITMIME")
                return s.reply(501, "5.5.4", QStringLiteral("BODY must be 7BIT or 8BITMIME"));
        } else if (key == "AUTH") {
            // RFC 4954 5: accepted and not trusted.
        } else {
            return s.reply(555, "5.5.4", QStringLiteral("unsupported parameter %1").arg(QString::fromLatin1(key)));
        }
    }
    s.transaction = Transaction();
    s.transaction.active = true;
    s.transaction.sender = path.address;
    s.transaction.declaredSize = size;
    s.reply(250, "2.1.0", QStringLiteral("sender OK"));
}

} // namespace maild::smtp::commands
