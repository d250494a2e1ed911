// account.update: changes the given fields of an account (partial; mail options partial
// too). The short name is fixed after creation.
#include "control/handlers/handlers.h"

#include "control/handlers/accountfields.h"
#include "control/storeerrors.h"
#include "store/accountstore.h"

namespace maild::control::handlers {

Outcome accountUpdate(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name", "fullName", "admin", "addresses", "mail"});
    const QString name = p.requiredString("name", 256);
    if (!p.ok())
        return Outcome::fail(p.error());
    std::optional<common::model::Account> account = ctx.d.accounts.get(name);
    if (!account)
        return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no account named %1").arg(name),
                                      QJsonObject{{QStringLiteral("field"), QStringLiteral("name")}}));
    if (auto e = readAccountFields(p, *account))
        return Outcome::fail(*e);
    if (auto e = ctx.d.accounts.update(*account))
        return Outcome::fail(toRpcError(*e));
    ctx.notifications.append({QStringLiteral("account.changed"),
                              {{QStringLiteral("name"), account->name}, {QStringLiteral("change"), QStringLiteral("updated")}}});
    return Outcome::ok(ctx.d.accounts.get(account->name)->toJson());
}

} // namespace maild::control::handlers
