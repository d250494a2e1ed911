// auth.bootstrap: creates the first administrator of a new instance and logs in as it.
// Security: allowed only while no administrator exists, and only to root or the daemon's own
// user (who could edit the database anyway); there is never a default password.
#include "control/handlers/handlers.h"

#include "control/controlsession.h"
#include "control/params.h"
#include "control/storeerrors.h"
#include "mailstore/mailstore.h"
#include "store/accountstore.h"

#include <validation/validation.h>

#include <unistd.h>

namespace maild::control::handlers {

Outcome authBootstrap(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"user", "password", "fullName"});
    const QString user = p.requiredString("user", 256);
    p.requiredString("password", 1024);
    const QString fullName = p.optionalString("fullName", 257).value_or(QString());
    if (!p.ok())
        return Outcome::fail(p.error());
    const uid_t uid = ctx.session.peer().uid;
    if (uid != 0 && uid != ::geteuid())
        return Outcome::fail(RpcError(ErrorCode::BootstrapRefused,
                                      QStringLiteral("only root or the user that runs maild may create the first administrator")));
    if (ctx.d.accounts.adminCount() > 0)
        return Outcome::fail(RpcError(ErrorCode::BootstrapRefused,
                                      QStringLiteral("this server has an administrator already; log in with auth.login")));
    if (auto problem = common::validation::checkShortName(user))
        return Outcome::fail(RpcError::invalidField(QStringLiteral("user"), *problem));
    if (auto problem = common::validation::checkFullName(fullName))
        return Outcome::fail(RpcError::invalidField(QStringLiteral("fullName"), *problem));
    common::model::Account account;
    account.name = user;
    account.fullName = fullName;
    account.admin = true;
    if (auto e = ctx.d.accounts.create(account, ctx.passwordHash))
        return Outcome::fail(toRpcError(*e));
    if (mailstore::MailStore *store = ctx.d.mailStore)
        ctx.afterCommit.append([store, user] { store->accountCreated(user); });
    ctx.session.setUser(user);
    ctx.notifications.append({QStringLiteral("account.changed"),
                              {{QStringLiteral("name"), user}, {QStringLiteral("change"), QStringLiteral("created")}}});
    return Outcome::ok(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("admin"), true}});
}

} // namespace maild::control::handlers
