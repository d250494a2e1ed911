// APPEND (RFC 3501 6.3.11) with APPENDUID (RFC 4315), LITERAL+ (RFC 7888, in the parser)
// and APPENDLIMIT (RFC 7889): the message goes through the same durable delivery as SMTP
// mail (spool, fsync, quota checked exactly, index commit) into the named mailbox, with
// the flags and internal date the client gave.
// Security: the literal's size is bounded by the parser (imap.maxAppendBytes, and a few KiB
// before login); a large one arrives in a spool file, never in memory; the mailbox name is
// checked; quota is enforced by the delivery worker.
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/grammar/responsewriter.h"
#include "imap/imapservice.h"
#include "imap/imapsession.h"
#include "imap/spooledliteral.h"

#include "core/context.h"
#include "core/logger.h"
#include "core/settings.h"
#include "mailstore/mailboxview.h"
#include "mailstore/mailstore.h"
#include "store/accountstore.h"

#include <QRandomGenerator>

namespace maild::imap::commands {

void append(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 2, 4, "APPEND <mailbox> [(<flags>)] [\"<date-time>\"] <message literal>"))
        return;
    const std::optional<QString> name = mailboxArgument(s, c, 0);
    if (!name)
        return;
    QStringList flags;
    QDateTime date = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 1; i + 1 < c.arguments.size(); ++i) {
        const Token &t = c.arguments[i];
        if (t.type == Token::Type::List) {
            const auto f = flagsArgument(s, c, t);
            if (!f)
                return;
            flags = *f;
        } else if (t.type == Token::Type::Quoted) {
            const auto d = ResponseWriter::parseDateTime(t.value);
            if (!d)
                return s.bad(c, "The date-time is \"dd-Mon-yyyy hh:mm:ss +zzzz\"");
            date = *d;
        } else {
            return s.bad(c, "Expected a flag list or a date-time before the message");
        }
    }
    const Token &message = c.arguments.last();
    if (!message.isString())
        return s.bad(c, "The message is a literal");
    const qint64 size = message.streamed ? message.literalSize : message.value.size();
    if (size == 0)
        return s.no(c, "[CANNOT] An empty message cannot be stored");
    const qint64 limit = s.context().settings.integer(QStringLiteral("imap.maxAppendBytes"));
    if (size > limit)
        return s.no(c, "[TOOBIG] The message is larger than APPENDLIMIT=" + QByteArray::number(limit));
    QString error;
    if (!mailstore::MailboxView::status(s.accountDir(), *name, &error))
        return s.no(c, error.isEmpty() ? QByteArray("[TRYCREATE] No such mailbox")
                                       : QByteArray("[UNAVAILABLE] Cannot read the mailbox now"));

    // A large literal is in its spool file already (SpooledLiteral); a small one is written now.
    QString id;
    std::unique_ptr<mailstore::SpoolFile> spool;
    if (auto *spooled = dynamic_cast<SpooledLiteral *>(message.streamed.get())) {
        id = spooled->id();
        spool = spooled->take(&error);
    } else {
        id = QString::number(QRandomGenerator::system()->generate64(), 16).toUpper();
        spool = s.context().mailStore->createSpool(id, &error);
        if (spool && (!spool->write(message.value) || !spool->flush() || spool->failed()))
            spool.reset();
    }
    if (!spool) {
        core::logError(QStringLiteral("imap"), QStringLiteral("cannot spool an APPEND: %1").arg(error));
        return s.no(c, "[UNAVAILABLE] Cannot store the message now; try again later");
    }
    const auto account = s.context().accounts.get(s.account());
    mailstore::DeliveryJob job;
    job.messageId = id;
    job.spoolPath = spool->path();
    job.size = spool->size();
    job.internalDate = date;
    job.local.append({s.account(), account ? account->mail.quotaBytes : 0, *name, flags.join(QLatin1Char(' '))});
    job.spoolFd = spool->release();
    spool.reset();

    const Command done = c.header();
    s.suspend();
    s.context().mailStore->deliver(std::move(job), &s, [&s, done](const mailstore::DeliveryResult &r) {
        if (r.ok) {
            ++s.service().appended;
            s.ok(done, "[APPENDUID " + QByteArray::number(r.uidValidity) + ' ' + QByteArray::number(r.uid) +
                           "] APPEND completed");
        } else if (r.quotaExceeded) {
            s.no(done, "[OVERQUOTA] The mailbox is full");
        } else {
            core::logError(QStringLiteral("imap"), QStringLiteral("APPEND not stored: %1").arg(r.error));
            s.no(done, r.temporary ? QByteArray("[UNAVAILABLE] Cannot store the message now; try again later")
                                   : QByteArray("[TRYCREATE] The mailbox no longer exists"));
        }
        s.resume();
    });
}

} // namespace maild::imap::commands
