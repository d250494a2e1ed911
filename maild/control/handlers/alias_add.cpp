// alias.add: gives an account one more address, in a local domain, not taken by anyone.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "control/storeerrors.h"
#include "store/accountstore.h"

#include <validation/validation.h>

namespace maild::control::handlers {

Outcome aliasAdd(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"address", "account"});
    const QString address = p.requiredString("address", 512);
    const QString account = p.requiredString("account", 256);
    if (!p.ok())
        return Outcome::fail(p.error());
    if (auto problem = common::validation::checkEmailAddress(address))
        return Outcome::fail(RpcError::invalidField(QStringLiteral("address"), *problem));
    const QString normalized = common::validation::normalizeAddress(address);
    if (auto e = ctx.d.accounts.addAlias(normalized, account))
        return Outcome::fail(toRpcError(*e));
    ctx.notifications.append({QStringLiteral("account.changed"),
                              {{QStringLiteral("name"), account}, {QStringLiteral("change"), QStringLiteral("updated")}}});
    return Outcome::ok(QJsonObject{{QStringLiteral("address"), normalized}, {QStringLiteral("account"), account}});
}

} // namespace maild::control::handlers
