// account.delete: removes an account, its aliases and (once that is committed) its mail;
// the last administrator is kept.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "control/storeerrors.h"
#include "mailstore/mailstore.h"
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
    if (mailstore::MailStore *store = ctx.d.mailStore)
        ctx.afterCommit.append([store, name] { store->removeAccount(name); });
    ctx.notifications.append({QStringLiteral("account.changed"),
                              {{QStringLiteral("name"), name}, {QStringLiteral("change"), QStringLiteral("deleted")}}});
    return Outcome::ok(QJsonObject{{QStringLiteral("name"), name}});
}

} // namespace maild::control::handlers
