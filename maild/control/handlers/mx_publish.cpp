// mx.publish: one RFC 2136 update, signed with the domain's TSIG key, that replaces the
// domain's MX RRset at the zone's primary server with the configured records (and the
// suggested TXT records when the administrator chose them). The server's refusal (REFUSED,
// NOTAUTH, BADSIG, BADKEY...) comes back verbatim and nothing is marked published.
#include "control/handlers/handlers.h"

#include "control/controlserver.h"
#include "control/handlers/mx_common.h"
#include "mx/mxservice.h"

namespace maild::control::handlers {

void mxPublish(CallContext &ctx, const QJsonObject &params, Responder respond)
{
    Params p(params, {"domain"});
    QString domain;
    if (auto e = readMxDomain(p, ctx, &domain))
        return respond(Outcome::fail(*e));
    ControlServer *server = ctx.d.control;
    ctx.d.mx->publish(domain, server, [domain, server, respond](const mx::PublishResult &r) {
        if (!r.ok)
            return respond(Outcome::fail(RpcError(ErrorCode::DnsFailed, r.error,
                                                  {{QStringLiteral("status"), r.status}, {QStringLiteral("server"), r.server}})));
        server->broadcast(QStringLiteral("mx.changed"), {{QStringLiteral("domain"), domain}});
        respond(Outcome::ok(QJsonObject{{QStringLiteral("domain"), domain},
                                        {QStringLiteral("status"), r.status},
                                        {QStringLiteral("server"), r.server},
                                        {QStringLiteral("records"), r.records}}));
    });
}

} // namespace maild::control::handlers
