// domain.add: makes a domain local (its mail is delivered to accounts here).
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "control/storeerrors.h"
#include "store/accountstore.h"

#include <validation/validation.h>

namespace maild::control::handlers {

Outcome domainAdd(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name"});
    const QString name = p.requiredString("name", 300);
    if (!p.ok())
        return Outcome::fail(p.error());
    if (auto problem = common::validation::checkDomainName(name))
        return Outcome::fail(RpcError::invalidField(QStringLiteral("name"), *problem));
    const QString domain = common::validation::normalizeDomain(name);
    if (auto e = ctx.d.accounts.addDomain(domain))
        return Outcome::fail(toRpcError(*e));
    return Outcome::ok(QJsonObject{{QStringLiteral("name"), domain}});
}

} // namespace maild::control::handlers
