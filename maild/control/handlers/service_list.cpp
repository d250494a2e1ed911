// service.list: every registered protocol service with its state, listeners and counters.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "core/serviceregistry.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome serviceList(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {});
    if (!p.ok())
        return Outcome::fail(p.error());
    QJsonArray services;
    for (const core::Service *s : ctx.d.services.services())
        services.append(ctx.d.services.info(s).toJson());
    return Outcome::ok(QJsonObject{{QStringLiteral("services"), services}});
}

} // namespace maild::control::handlers
