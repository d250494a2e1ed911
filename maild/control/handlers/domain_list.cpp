// domain.list: the local domains (mail for them is delivered here).
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "store/accountstore.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome domainList(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {});
    if (!p.ok())
        return Outcome::fail(p.error());
    QJsonArray out;
    for (const QString &d : ctx.d.accounts.domains())
        out.append(QJsonObject{{QStringLiteral("name"), d}});
    return Outcome::ok(QJsonObject{{QStringLiteral("domains"), out}});
}

} // namespace maild::control::handlers
