// account.list: one page of accounts, filtered (name, full name or address contains the
// text) and sorted, with the total — fast with 100,000 accounts (indexed sorts, one query
// for the page's addresses).
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "control/storeerrors.h"
#include "store/accountstore.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome accountList(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"filter", "sort", "order", "offset", "limit"});
    store::AccountQuery q;
    q.filter = p.optionalString("filter", 256).value_or(QString());
    q.sort = p.optionalString("sort", 32).value_or(QStringLiteral("name"));
    const QString order = p.optionalString("order", 8).value_or(QStringLiteral("asc"));
    q.offset = int(p.optionalInt("offset", 0, 1 << 30).value_or(0));
    q.limit = int(p.optionalInt("limit", 1, 1000).value_or(100));
    if (!p.ok())
        return Outcome::fail(p.error());
    if (!store::AccountStore::sortKeys().contains(q.sort))
        return Outcome::fail(RpcError::badParam(QStringLiteral("sort"),
                                                QStringLiteral("must be one of: %1").arg(store::AccountStore::sortKeys().join(QStringLiteral(", ")))));
    if (order != QLatin1String("asc") && order != QLatin1String("desc"))
        return Outcome::fail(RpcError::badParam(QStringLiteral("order"), QStringLiteral("must be asc or desc")));
    q.descending = order == QLatin1String("desc");
    std::optional<store::StoreError> error;
    const store::AccountPage page = ctx.d.accounts.list(q, &error);
    if (error)
        return Outcome::fail(toRpcError(*error));
    QJsonArray accounts;
    for (const common::model::Account &a : page.accounts)
        accounts.append(a.toJson());
    return Outcome::ok(QJsonObject{{QStringLiteral("total"), page.total},
                                   {QStringLiteral("offset"), q.offset},
                                   {QStringLiteral("accounts"), accounts}});
}

} // namespace maild::control::handlers
