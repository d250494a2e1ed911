// tls.list and tls.get: the certificates with subject, host names, issuer, validity,
// fingerprint and the services that use each; tls.get adds the public PEM chain (and a
// pending CSR). Private keys are never part of an answer.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "tls/certstore.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome tlsList(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {});
    if (!p.ok())
        return Outcome::fail(p.error());
    QJsonArray out;
    for (const QJsonObject &c : ctx.d.certificates->list())
        out.append(c);
    return Outcome::ok(QJsonObject{{QStringLiteral("certificates"), out}});
}

Outcome tlsGet(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name"});
    const QString name = p.requiredString("name", 1024);
    if (!p.ok())
        return Outcome::fail(p.error());
    const auto cert = ctx.d.certificates->get(name, true);
    if (!cert)
        return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no certificate named %1").arg(name),
                                      QJsonObject{{QStringLiteral("field"), QStringLiteral("name")}}));
    return Outcome::ok(*cert);
}

} // namespace maild::control::handlers
