// connection.close: ends one mail-protocol session, by its id from connection.list, with its
// protocol's goodbye (as at service stop: SMTP 421, POP3 -ERR [SYS/TEMP], IMAP BYE). The
// session is closed once the audit entry is committed.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "core/serviceregistry.h"
#include "net/linesession.h"
#include "net/protocolservice.h"

#include <limits>

namespace maild::control::handlers {

namespace {

net::ProtocolService *serviceOf(core::ServiceRegistry &registry, quint64 id)
{
    for (core::Service *s : registry.services()) {
        auto *ps = qobject_cast<net::ProtocolService *>(s);
        if (!ps)
            continue;
        for (const net::LineSession *session : ps->sessions()) {
            if (session->id() == id && !session->isClosed())
                return ps;
        }
    }
    return nullptr;
}

} // namespace

Outcome connectionClose(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"id"});
    const std::optional<qint64> id = p.optionalInt("id", 1, std::numeric_limits<qint64>::max());
    if (!p.ok())
        return Outcome::fail(p.error());
    if (!id)
        return Outcome::fail(RpcError::badParam(QStringLiteral("id"), QStringLiteral("missing")));
    if (!serviceOf(ctx.d.services, quint64(*id)))
        return Outcome::fail(RpcError(ErrorCode::NotFound, QStringLiteral("no open connection with id %1").arg(*id),
                                      QJsonObject{{QStringLiteral("field"), QStringLiteral("id")}}));
    core::ServiceRegistry &registry = ctx.d.services;
    ctx.afterCommit.append([&registry, id] {
        // Looked up again rather than holding a pointer to a session that may be gone.
        if (net::ProtocolService *s = serviceOf(registry, quint64(*id)))
            s->closeSession(quint64(*id));
    });
    return Outcome::ok(QJsonObject{{QStringLiteral("id"), *id}});
}

} // namespace maild::control::handlers
