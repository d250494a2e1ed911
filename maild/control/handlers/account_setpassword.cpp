// account.setPassword: replaces an account's password (hashed off the event loop by the
// session before this runs).
// Security: the password itself is never stored, logged or audited.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "control/storeerrors.h"
#include "store/accountstore.h"

namespace maild::control::handlers {

Outcome accountSetPassword(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name", "password"});
    const QString name = p.requiredString("name", 256);
    p.requiredString("password", 1024);
    if (!p.ok())
        return Outcome::fail(p.error());
    if (auto e = ctx.d.accounts.setPassword(name, ctx.passwordHash))
        return Outcome::fail(toRpcError(*e));
    ctx.notifications.append({QStringLiteral("account.changed"),
                              {{QStringLiteral("name"), name}, {QStringLiteral("change"), QStringLiteral("updated")}}});
    return Outcome::ok(QJsonObject{{QStringLiteral("name"), name}});
}

} // namespace maild::control::handlers
