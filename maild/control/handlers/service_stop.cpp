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
    if (service->state() == core::ServiceState::Running)
        service->stop();
    const QJsonObject info = ctx.d.services.info(service).toJson();
    ctx.notifications.append({QStringLiteral("service.state"), info});
    return Outcome::ok(info);
}

} // namespace maild::control::handlers
