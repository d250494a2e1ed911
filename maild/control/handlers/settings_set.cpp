// settings.set: changes several settings at once, all or nothing; each value is checked
// against its definition first, and running services apply the change live.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "core/settings.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome settingsSet(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"values"});
    const auto values = p.optionalObject("values");
    if (!p.ok())
        return Outcome::fail(p.error());
    if (!values || values->isEmpty())
        return Outcome::fail(RpcError::badParam(QStringLiteral("values"), QStringLiteral("give at least one key: value")));
    for (auto it = values->begin(); it != values->end(); ++it) {
        if (!ctx.d.settings.isDefined(it.key()))
            return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no setting named %1").arg(it.key()),
                                          QJsonObject{{QStringLiteral("field"), it.key()}}));
    }
    if (auto refusal = ctx.d.settings.store(*values, ctx.d.settingsTable)) {
        if (refusal->conflict)
            return Outcome::fail(RpcError(ErrorCode::Conflict, refusal->key + QStringLiteral(": ") + refusal->reason,
                                          QJsonObject{{QStringLiteral("field"), refusal->key}}));
        return Outcome::fail(RpcError::invalidField(refusal->key, refusal->reason));
    }
    QJsonArray changed;
    for (const QString &key : values->keys())
        changed.append(ctx.d.settings.info(key).toJson());
    ctx.notifications.append({QStringLiteral("settings.changed"), {{QStringLiteral("keys"), QJsonArray::fromStringList(values->keys())}}});
    return Outcome::ok(QJsonObject{{QStringLiteral("settings"), changed}});
}

} // namespace maild::control::handlers
