// mx.zoneText: what the administrator publishes by hand — a BIND zone-file fragment with the
// domain's MX records, the mail hosts' addresses where known, and the SPF/DMARC suggestions.
#include "control/handlers/handlers.h"

#include "control/handlers/mx_common.h"
#include "mx/mxservice.h"

namespace maild::control::handlers {

Outcome mxZoneText(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"domain"});
    QString domain;
    if (auto e = readMxDomain(p, ctx, &domain))
        return Outcome::fail(*e);
    const auto d = ctx.d.mx->domain(domain);
    return Outcome::ok(QJsonObject{{QStringLiteral("domain"), domain}, {QStringLiteral("text"), ctx.d.mx->zoneText(*d)}});
}

} // namespace maild::control::handlers
