// domain.remove: stops treating a domain as local; refused while aliases still use it.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "control/storeerrors.h"
#include "mx/mxservice.h"
#include "store/accountstore.h"

#include <validation/validation.h>

namespace maild::control::handlers {

Outcome domainRemove(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name"});
    const QString name = p.requiredString("name", 300);
    if (!p.ok())
        return Outcome::fail(p.error());
    const QString domain = common::validation::normalizeDomain(name);
    if (auto e = ctx.d.accounts.removeDomain(domain))
        return Outcome::fail(toRpcError(*e));
    // Its MX records go with it (ON DELETE CASCADE); its TSIG secret after the commit.
    ctx.afterCommit.append([mx = ctx.d.mx, domain] {
        if (mx)
            mx->forget(domain);
    });
    return Outcome::ok(QJsonObject{{QStringLiteral("name"), domain}});
}

} // namespace maild::control::handlers
