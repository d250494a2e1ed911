// Editable account fields (see accountfields.h).
#include "control/handlers/accountfields.h"

#include <validation/validation.h>

namespace maild::control::handlers {

using common::model::MailState;
namespace validation = common::validation;

namespace {

constexpr qint64 kMaxQuota = qint64(1) << 53;

std::optional<RpcError> readMailOptions(const QJsonObject &object, common::model::MailOptions &mail)
{
    Params p(object, {"state", "forwardAddress", "server", "quotaBytes", "quotaWarnPercent", "access"});
    const auto state = p.optionalString("state", 32);
    const auto forward = p.optionalString("forwardAddress", validation::kMaxAddress + 1);
    const auto server = p.optionalString("server", validation::kMaxDomain + 1);
    const auto quota = p.optionalInt("quotaBytes", 0, kMaxQuota);
    const auto warn = p.optionalInt("quotaWarnPercent", 1, 100);
    const auto access = p.optionalString("access", 32);
    if (!p.ok()) {
        RpcError e = *p.error();
        e.data.insert(QStringLiteral("field"), QString(QStringLiteral("mail.") + e.data.value(QStringLiteral("field")).toString()));
        return e;
    }
    if (state) {
        const auto s = common::model::mailStateFromString(*state);
        if (!s)
            return RpcError::invalidField(QStringLiteral("mail.state"), QStringLiteral("must be enabled, disabled or forward"));
        mail.state = *s;
    }
    if (access) {
        const auto a = common::model::mailAccessFromString(*access);
        if (!a)
            return RpcError::invalidField(QStringLiteral("mail.access"), QStringLiteral("must be both, pop or imap"));
        mail.access = *a;
    }
    if (forward) {
        if (!forward->isEmpty()) {
            if (auto problem = validation::checkEmailAddress(*forward))
                return RpcError::invalidField(QStringLiteral("mail.forwardAddress"), *problem);
        }
        mail.forwardAddress = validation::normalizeAddress(*forward);
    }
    if (server) {
        if (!server->isEmpty()) {
            if (auto problem = validation::checkDomainName(*server))
                return RpcError::invalidField(QStringLiteral("mail.server"), *problem);
        }
        mail.server = validation::normalizeDomain(*server);
    }
    if (quota)
        mail.quotaBytes = *quota;
    if (warn)
        mail.quotaWarnPercent = int(*warn);
    if (mail.state == MailState::Forward && mail.forwardAddress.isEmpty())
        return RpcError::invalidField(QStringLiteral("mail.forwardAddress"),
                                      QStringLiteral("forwarding needs the address to forward to"));
    return std::nullopt;
}

} // namespace

std::optional<RpcError> readAccountFields(Params &params, common::model::Account &account)
{
    const auto fullName = params.optionalString("fullName", validation::kMaxFullName + 1);
    const auto admin = params.optionalBool("admin");
    const auto addresses = params.optionalStringList("addresses", 100);
    const auto mail = params.optionalObject("mail");
    if (!params.ok())
        return params.error();
    if (fullName) {
        if (auto problem = validation::checkFullName(*fullName))
            return RpcError::invalidField(QStringLiteral("fullName"), *problem);
        account.fullName = *fullName;
    }
    if (admin)
        account.admin = *admin;
    if (addresses) {
        QStringList normalized;
        for (const QString &address : *addresses) {
            if (auto problem = validation::checkEmailAddress(address))
                return RpcError::invalidField(QStringLiteral("addresses"), address + QStringLiteral(": ") + *problem);
            const QString n = validation::normalizeAddress(address);
            if (!normalized.contains(n, Qt::CaseInsensitive))
                normalized.append(n);
        }
        account.addresses = normalized;
    }
    if (mail) {
        if (auto e = readMailOptions(*mail, account.mail))
            return e;
    } else if (account.mail.state == MailState::Forward && account.mail.forwardAddress.isEmpty()) {
        return RpcError::invalidField(QStringLiteral("mail.forwardAddress"),
                                      QStringLiteral("forwarding needs the address to forward to"));
    }
    return std::nullopt;
}

} // namespace maild::control::handlers
