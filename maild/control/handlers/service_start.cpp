// service.start: binds a service's listeners without restarting the daemon.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "core/serviceregistry.h"

namespace maild::control::handlers {

Outcome serviceStart(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name"});
    const QString name = p.requiredString("name", 64);
    if (!p.ok())
        return Outcome::fail(p.error());
    core::Service *service = ctx.d.services.find(name);
    if (!service)
        return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no service named %1").arg(name)));
    if (const QString error = ctx.d.services.start(name); !error.isEmpty())
        return Outcome::fail(RpcError(ErrorCode::ServiceFailed, QStringLiteral("%1 could not start: %2").arg(service->displayName(), error)));
    // The registry broadcasts the state change itself.
    return Outcome::ok(ctx.d.services.info(service).toJson());
}

} // namespace maild::control::handlers
