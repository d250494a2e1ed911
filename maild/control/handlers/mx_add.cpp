// mx.add: a new MX record for a local domain: a host name (never an IP address) and a
// preference 0-65535 (a lower one is tried first), unique per domain.
#include "control/handlers/handlers.h"

#include "control/handlers/mx_common.h"
#include "control/storeerrors.h"
#include "mx/mxservice.h"

namespace maild::control::handlers {

Outcome mxAdd(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"domain", "host", "preference"});
    QString domain;
    if (auto e = readMxDomain(p, ctx, &domain))
        return Outcome::fail(*e);
    common::model::MxRecord record;
    record.host = p.requiredString("host", 300);
    const std::optional<qint64> preference = p.optionalInt("preference", 0, 65535);
    if (!p.ok())
        return Outcome::fail(p.error());
    if (!preference)
        return Outcome::fail(RpcError::badParam(QStringLiteral("preference"), QStringLiteral("is required (0-65535)")));
    record.preference = int(*preference);
    if (auto e = checkMxHost(&record.host, QStringLiteral("host")))
        return Outcome::fail(*e);
    if (auto e = ctx.d.mx->records().add(domain, record))
        return Outcome::fail(toRpcError(*e));
    notifyMxChanged(ctx, domain);
    return Outcome::ok(mxDomainJson(ctx, domain));
}

} // namespace maild::control::handlers
