// alias.remove: takes an address away from its account.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "control/storeerrors.h"
#include "store/accountstore.h"

#include <validation/validation.h>

namespace maild::control::handlers {

Outcome aliasRemove(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"address"});
    const QString address = p.requiredString("address", 512);
    if (!p.ok())
        return Outcome::fail(p.error());
    const QString normalized = common::validation::normalizeAddress(address);
    QString owner;
    for (const auto &alias : ctx.d.accounts.aliases()) {
        if (alias.address.compare(normalized, Qt::CaseInsensitive) == 0)
            owner = alias.account;
    }
    if (auto e = ctx.d.accounts.removeAlias(normalized))
        return Outcome::fail(toRpcError(*e));
    ctx.notifications.append({QStringLiteral("account.changed"),
                              {{QStringLiteral("name"), owner}, {QStringLiteral("change"), QStringLiteral("updated")}}});
    return Outcome::ok(QJsonObject{{QStringLiteral("address"), normalized}});
}

} // namespace maild::control::handlers
