// service.stop: closes a service's listeners and ends its sessions with the protocol's
// goodbye, without stopping the daemon.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "core/serviceregistry.h"

namespace maild::control::handlers {

Outcome serviceStop(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name"});
    const QString name = p.requiredString("name", 64);
    if (!p.ok())
        return Outcome::fail(p.error());
    core::Service *service = ctx.d.services.find(name);
    if (!service)
        return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no service named %1").arg(name)));
    // A failed service is stopped too: its state becomes "stopped" (the registry broadcasts it).
    if (service->state() != core::ServiceState::Stopped)
        service->stop();
    return Outcome::ok(ctx.d.services.info(service).toJson());
}

} // namespace maild::control::handlers
