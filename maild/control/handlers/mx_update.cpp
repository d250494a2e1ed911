// mx.update: changes one MX record of a domain (named by its host): its preference or its
// host name (newHost).
#include "control/handlers/handlers.h"

#include "control/handlers/mx_common.h"
#include "control/storeerrors.h"
#include "mx/mxservice.h"

namespace maild::control::handlers {

Outcome mxUpdate(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"domain", "host", "newHost", "preference"});
    QString domain;
    if (auto e = readMxDomain(p, ctx, &domain))
        return Outcome::fail(*e);
    QString host = p.requiredString("host", 300);
    std::optional<QString> newHost = p.optionalString("newHost", 300);
    const std::optional<qint64> preference = p.optionalInt("preference", 0, 65535);
    if (!p.ok())
        return Outcome::fail(p.error());
    if (auto e = checkMxHost(&host, QStringLiteral("host")))
        return Outcome::fail(*e);
    if (newHost) {
        if (auto e = checkMxHost(&*newHost, QStringLiteral("newHost")))
            return Outcome::fail(*e);
    }
    const auto current = ctx.d.mx->records().domain(domain);
    const common::model::MxRecord *existing = nullptr;
    for (const common::model::MxRecord &r : current->records) {
        if (r.host == host)
            existing = &r;
    }
    if (!existing)
        return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("%1 has no MX record for %2").arg(domain, host),
                                      {{QStringLiteral("field"), QStringLiteral("host")}}));
    common::model::MxRecord changed = *existing;
    changed.host = newHost.value_or(host);
    changed.preference = int(preference.value_or(existing->preference));
    if (auto e = ctx.d.mx->records().update(domain, host, changed))
        return Outcome::fail(toRpcError(*e));
    notifyMxChanged(ctx, domain);
    return Outcome::ok(mxDomainJson(ctx, domain));
}

} // namespace maild::control::handlers
