// account.create: a new account with its fields and mail options; the password (optional)
// arrives already hashed off the event loop by the session.
#include "control/handlers/handlers.h"

#include "control/handlers/accountfields.h"
#include "control/storeerrors.h"
#include "core/settings.h"
#include "mailstore/mailstore.h"
#include "store/accountstore.h"

#include <validation/validation.h>

namespace maild::control::handlers {

Outcome accountCreate(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name", "fullName", "password", "admin", "addresses", "mail"});
    common::model::Account account;
    account.name = p.requiredString("name", 256);
    if (!p.ok())
        return Outcome::fail(p.error());
    if (auto problem = common::validation::checkShortName(account.name))
        return Outcome::fail(RpcError::invalidField(QStringLiteral("name"), *problem));
    // The server's threshold unless the request names one.
    account.mail.quotaWarnPercent = int(ctx.d.settings.integer(QStringLiteral("quota.warnPercent")));
    if (auto e = readAccountFields(p, account))
        return Outcome::fail(*e);
    if (auto e = ctx.d.accounts.create(account, ctx.passwordHash))
        return Outcome::fail(toRpcError(*e));
    if (mailstore::MailStore *store = ctx.d.mailStore)
        ctx.afterCommit.append([store, name = account.name] { store->accountCreated(name); });
    ctx.notifications.append({QStringLiteral("account.changed"),
                              {{QStringLiteral("name"), account.name}, {QStringLiteral("change"), QStringLiteral("created")}}});
    return Outcome::ok(ctx.d.accounts.get(account.name)->toJson());
}

} // namespace maild::control::handlers
