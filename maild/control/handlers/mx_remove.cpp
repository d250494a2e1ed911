// mx.remove: removes one MX record of a domain (named by its host). What is published in DNS
// changes with the next mx.publish.
#include "control/handlers/handlers.h"

#include "control/handlers/mx_common.h"
#include "control/storeerrors.h"
#include "mx/mxservice.h"

namespace maild::control::handlers {

Outcome mxRemove(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"domain", "host"});
    QString domain;
    if (auto e = readMxDomain(p, ctx, &domain))
        return Outcome::fail(*e);
    QString host = p.requiredString("host", 300);
    if (!p.ok())
        return Outcome::fail(p.error());
    if (auto e = checkMxHost(&host, QStringLiteral("host")))
        return Outcome::fail(*e);
    if (auto e = ctx.d.mx->records().remove(domain, host))
        return Outcome::fail(toRpcError(*e));
    notifyMxChanged(ctx, domain);
    return Outcome::ok(mxDomainJson(ctx, domain));
}

} // namespace maild::control::handlers
