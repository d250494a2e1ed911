// alias.list: every alias (extra address) and the account it delivers to, optionally of one
// account.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "store/accountstore.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome aliasList(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"account"});
    const QString account = p.optionalString("account", 256).value_or(QString());
    if (!p.ok())
        return Outcome::fail(p.error());
    if (!account.isEmpty() && !ctx.d.accounts.get(account))
        return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no account named %1").arg(account),
                                      QJsonObject{{QStringLiteral("field"), QStringLiteral("account")}}));
    QJsonArray out;
    for (const auto &alias : ctx.d.accounts.aliases(account))
        out.append(QJsonObject{{QStringLiteral("address"), alias.address}, {QStringLiteral("account"), alias.account}});
    return Outcome::ok(QJsonObject{{QStringLiteral("aliases"), out}});
}

} // namespace maild::control::handlers
