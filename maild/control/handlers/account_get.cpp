// account.get: one account with its addresses and mail options.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "store/accountstore.h"

namespace maild::control::handlers {

Outcome accountGet(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name"});
    const QString name = p.requiredString("name", 256);
    if (!p.ok())
        return Outcome::fail(p.error());
    const auto account = ctx.d.accounts.get(name);
    if (!account)
        return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no account named %1").arg(name),
                                      QJsonObject{{QStringLiteral("field"), QStringLiteral("name")}}));
    return Outcome::ok(account->toJson());
}

} // namespace maild::control::handlers
