// settings.get: the named settings (or all) with value, default, type, limits and source.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "core/settings.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome settingsGet(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"keys"});
    const auto keys = p.optionalStringList("keys");
    if (!p.ok())
        return Outcome::fail(p.error());
    const QStringList wanted = keys ? *keys : ctx.d.settings.keys();
    QJsonArray out;
    for (const QString &key : wanted) {
        if (!ctx.d.settings.isDefined(key))
            return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no setting named %1").arg(key),
                                          QJsonObject{{QStringLiteral("field"), key}}));
        out.append(ctx.d.settings.info(key).toJson());
    }
    return Outcome::ok(QJsonObject{{QStringLiteral("settings"), out}});
}

} // namespace maild::control::handlers
