// mx.list: every local domain (or one) with its MX records by preference, how they are
// published, and warnings (no record names this server, no record at all).
#include "control/handlers/handlers.h"

#include "control/handlers/mx_common.h"
#include "mx/mxservice.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome mxList(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"domain"});
    QJsonArray out;
    if (p.has("domain")) {
        QString domain;
        if (auto e = readMxDomain(p, ctx, &domain))
            return Outcome::fail(*e);
        out.append(mxDomainJson(ctx, domain));
    } else {
        if (!p.ok())
            return Outcome::fail(p.error());
        for (const common::model::MxDomain &d : ctx.d.mx->domains())
            out.append(d.toJson());
    }
    return Outcome::ok(QJsonObject{{QStringLiteral("domains"), out}});
}

} // namespace maild::control::handlers
