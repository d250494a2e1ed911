// account.delete: removes an account and its aliases; the last administrator is kept.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "control/storeerrors.h"
#include "store/accountstore.h"

namespace maild::control::handlers {

Outcome accountDelete(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name"});
    const QString name = p.requiredString("name", 256);
    if (!p.ok())
        return Outcome::fail(p.error());
    if (auto e = ctx.d.accounts.remove(name))
        return Outcome::fail(toRpcError(*e));
    ctx.notifications.append({QStringLiteral("account.changed"),
                              {{QStringLiteral("name"), name}, {QStringLiteral("change"), QStringLiteral("deleted")}}});
    return Outcome::ok(QJsonObject{{QStringLiteral("name"), name}});
}

} // namespace maild::control::handlers
