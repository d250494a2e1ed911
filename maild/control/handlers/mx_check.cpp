// mx.check: what the world sees — the domain's MX records as the resolver (dns.servers)
// answers them, each configured record published or missing with its TTL, the unexpected
// ones, and each mail host's addresses. A failed look-up (timeout, SERVFAIL...) is error 1400.
#include "control/handlers/handlers.h"

#include "control/controlserver.h"
#include "control/handlers/mx_common.h"
#include "mx/mxservice.h"

namespace maild::control::handlers {

void mxCheck(CallContext &ctx, const QJsonObject &params, Responder respond)
{
    Params p(params, {"domain"});
    QString domain;
    if (auto e = readMxDomain(p, ctx, &domain))
        return respond(Outcome::fail(*e));
    ctx.d.mx->check(domain, ctx.d.control, [respond](const mx::MxCheckResult &r) {
        if (!r.error.isEmpty())
            return respond(Outcome::fail(RpcError(ErrorCode::DnsFailed, r.error,
                                                  {{QStringLiteral("status"), r.status}, {QStringLiteral("server"), r.server}})));
        respond(Outcome::ok(r.toJson()));
    });
}

} // namespace maild::control::handlers
