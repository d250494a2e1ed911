// Shared parts of the mx.* handlers (see mx_common.h).
#include "control/handlers/mx_common.h"

#include "mx/mxservice.h"
#include "store/accountstore.h"

#include <validation/validation.h>

namespace maild::control::handlers {

std::optional<RpcError> readMxDomain(Params &p, CallContext &ctx, QString *domain)
{
    const QString name = p.requiredString("domain", 300);
    if (!p.ok())
        return p.error();
    if (auto problem = common::validation::checkDomainName(name))
        return RpcError::invalidField(QStringLiteral("domain"), *problem);
    *domain = common::validation::normalizeDomain(name);
    if (!ctx.d.accounts.isLocalDomain(*domain))
        return RpcError(ErrorCode::NotFound, QStringLiteral("%1 is not a local domain: add it first (domain.add)").arg(*domain),
                        {{QStringLiteral("field"), QStringLiteral("domain")}});
    return std::nullopt;
}

std::optional<RpcError> checkMxHost(QString *host, const QString &field)
{
    QString h = host->trimmed().toLower();
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    if (auto problem = common::validation::checkMailHostName(h))
        return RpcError::invalidField(field, *problem);
    *host = h;
    return std::nullopt;
}

QJsonObject mxDomainJson(CallContext &ctx, const QString &domain)
{
    const auto d = ctx.d.mx->domain(domain);
    return d ? d->toJson() : QJsonObject{{QStringLiteral("domain"), domain}};
}

void notifyMxChanged(CallContext &ctx, const QString &domain)
{
    ctx.notifications.append({QStringLiteral("mx.changed"), {{QStringLiteral("domain"), domain}}});
}

} // namespace maild::control::handlers
