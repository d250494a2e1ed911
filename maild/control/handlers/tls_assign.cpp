// tls.assign and tls.delete: which certificate a service presents (its
// <service>.certificate setting; the next connection uses it), and removing one no service
// uses.
#include "control/handlers/handlers.h"

#include "control/storeerrors.h"
#include "control/params.h"
#include "core/serviceregistry.h"
#include "core/settings.h"
#include "tls/certstore.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome tlsAssign(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"service", "name"});
    const QString service = p.requiredString("service", 64);
    const QString name = p.requiredString("name", 1024);
    if (!p.ok())
        return Outcome::fail(p.error());
    const QString key = service + QStringLiteral(".certificate");
    if (!ctx.d.services.find(service) || !ctx.d.settings.isDefined(key))
        return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no TLS-capable service named %1").arg(service),
                                      QJsonObject{{QStringLiteral("field"), QStringLiteral("service")}}));
    const auto cert = ctx.d.certificates->get(name, false);
    if (!cert)
        return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no certificate named %1").arg(name),
                                      QJsonObject{{QStringLiteral("field"), QStringLiteral("name")}}));
    if (cert->value(QStringLiteral("state")).toString() != QLatin1String("active"))
        return Outcome::fail(RpcError(ErrorCode::Conflict, QStringLiteral("%1 is a pending request; import the certificate the CA issued first").arg(name),
                                      QJsonObject{{QStringLiteral("field"), QStringLiteral("name")}}));
    if (auto refusal = ctx.d.settings.store({{key, name}}, ctx.d.settingsTable)) {
        if (refusal->conflict)
            return Outcome::fail(RpcError(ErrorCode::Conflict, refusal->key + QStringLiteral(": ") + refusal->reason));
        return Outcome::fail(RpcError::invalidField(refusal->key, refusal->reason));
    }
    ctx.d.certificates->checkExpiry();
    ctx.notifications.append({QStringLiteral("settings.changed"), {{QStringLiteral("keys"), QJsonArray{key}}}});
    return Outcome::ok(QJsonObject{{QStringLiteral("service"), service}, {QStringLiteral("name"), name}});
}

Outcome tlsDelete(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name"});
    const QString name = p.requiredString("name", 1024);
    if (!p.ok())
        return Outcome::fail(p.error());
    if (auto e = ctx.d.certificates->remove(name))
        return Outcome::fail(toRpcError(*e));
    return Outcome::ok(QJsonObject{{QStringLiteral("name"), name}});
}

} // namespace maild::control::handlers
