// RCPT TO (RFC 5321 4.1.1.3): decides at once where mail for the address goes — a local
// account (enabled, disabled, forwarding, quota), or another server (relay, only for
// authenticated clients and trusted networks) — so that refusals come before DATA.
// Security: the no-open-relay rule lives here; addresses are the client's.
#include "smtp/commands/commands.h"

#include "auth/addressresolver.h"
#include "core/context.h"
#include "core/settings.h"
#include "smtp/grammar/smtpcommand.h"
#include "smtp/smtpsession.h"
#include "store/accountstore.h"

#include <QHostAddress>

namespace maild::smtp::commands {

namespace {

constexpr int kMaxForwardHops = 5;

struct Verdict
{
    int code = 250;
    const char *enhanced = "2.1.5";
    QString text;
    Recipient recipient;
};

bool mayRelay(SmtpSession &s)
{
    if (!s.authUser.isEmpty())
        return true;
    if (s.context().settings.boolean(QStringLiteral("smtp.relayRequiresAuth")))
        return false; // the trusted networks must authenticate too
    for (const QString &network : s.context().settings.list(QStringLiteral("smtp.trustedNetworks"))) {
        if (s.peer().isInSubnet(QHostAddress::parseSubnet(network)))
            return true;
    }
    return false;
}

Verdict refuse(int code, const char *enhanced, const QString &text) { return {code, enhanced, text, {}}; }

// Follows forwards from a local account to where the mail finally goes.
Verdict routeLocal(SmtpSession &s, const QString &address, QString account)
{
    auth::AddressResolver &resolver = *s.context().resolver;
    for (int hop = 0; hop <= kMaxForwardHops; ++hop) {
        const std::optional<common::model::Account> a = s.context().accounts.get(account);
        if (!a)
            return refuse(550, "5.1.1", QStringLiteral("<%1>: no such user").arg(address));
        switch (a->mail.state) {
        case common::model::MailState::Disabled:
            return refuse(550, "5.2.1", QStringLiteral("<%1>: mailbox disabled").arg(address));
        case common::model::MailState::Enabled: {
            const qint64 quota = a->mail.quotaBytes;
            if (quota > 0 && a->usageBytes >= quota)
                return refuse(452, "4.2.2", QStringLiteral("<%1>: mailbox full").arg(address));
            if (quota > 0 && s.transaction.declaredSize > 0 && a->usageBytes + s.transaction.declaredSize > quota)
                return refuse(552, "5.2.2", QStringLiteral("<%1>: message too big for the mailbox quota").arg(address));
            return {250, "2.1.5", QStringLiteral("recipient OK"), {address, false, account, quota}};
        }
        case common::model::MailState::Forward: {
            const QString target = a->mail.forwardAddress;
            const qsizetype at = target.lastIndexOf(QLatin1Char('@'));
            const auto r = resolver.resolve(target.left(at), target.mid(at + 1));
            if (r.kind == auth::Resolution::Kind::Remote)
                return {250, "2.1.5", QStringLiteral("recipient OK (forwarded)"), {address, true, target, 0}};
            if (r.kind == auth::Resolution::Kind::UnknownLocal)
                return refuse(550, "5.1.1", QStringLiteral("<%1>: forwarded to an unknown local user").arg(address));
            account = r.account;
            break;
        }
        }
    }
    return refuse(554, "5.4.6", QStringLiteral("<%1>: forwarding loop").arg(address));
}

} // namespace

void rcpt(SmtpSession &s, const QByteArray &argument)
{
    if (!s.transaction.active)
        return s.reply(503, "5.5.1", QStringLiteral("need MAIL before RCPT"));
    const qint64 max = s.context().settings.integer(QStringLiteral("smtp.maxRecipients"));
    if (s.transaction.recipients.size() >= max)
        return s.reply(452, "4.5.3", QStringLiteral("too many recipients (at most %1)").arg(max));

    const auto parsed = parsePath(argument, "TO:", false);
    if (const auto *problem = std::get_if<PathProblem>(&parsed))
        return s.reply(problem->code, problem->enhanced.constData(), problem->text);
    const MailPath &path = std::get<MailPath>(parsed);
    if (path.quoted) {
        if (s.context().resolver->isLocalDomain(path.domain))
            return s.reply(550, "5.1.1", QStringLiteral("<%1>: no such user").arg(path.address));
        return s.reply(501, "5.1.3", QStringLiteral("quoted local parts are not accepted"));
    }
    if (!path.params.isEmpty())
        return s.reply(555, "5.5.4", QStringLiteral("RCPT parameters are not supported"));

    const bool oldRelaySyntax = path.localPart.contains(QLatin1Char('%')) || path.localPart.contains(QLatin1Char('!'));
    const auth::Resolution where = s.context().resolver->resolve(path.localPart, path.domain);
    Verdict verdict;
    switch (where.kind) {
    case auth::Resolution::Kind::Remote:
        if (oldRelaySyntax)
            verdict = refuse(501, "5.1.3", QStringLiteral("<%1>: '%' and '!' routing is not accepted").arg(path.address));
        else if (!mayRelay(s))
            verdict = refuse(554, "5.7.1", QStringLiteral("<%1>: relay access denied").arg(path.address));
        else
            verdict = {250, "2.1.5", QStringLiteral("recipient OK (relay)"), {path.address, true, path.address, 0}};
        break;
    case auth::Resolution::Kind::UnknownLocal:
        verdict = refuse(550, "5.1.1", QStringLiteral("<%1>: no such user").arg(path.address));
        break;
    case auth::Resolution::Kind::Local:
        verdict = routeLocal(s, path.address, where.account);
        break;
    }
    if (verdict.code == 250)
        s.transaction.recipients.append(verdict.recipient);
    s.reply(verdict.code, verdict.enhanced, verdict.text);
}

} // namespace maild::smtp::commands
