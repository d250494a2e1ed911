// connection.list: every open mail-protocol session (SMTP, POP3, IMAP) with its id, client
// address, logged-in user, selected mailbox, TLS state and start time; optionally of one
// service.
// Security: shows who is connected from where; only logged-in administrators get here.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "core/serviceregistry.h"
#include "net/protocolservice.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome connectionList(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"service"});
    const std::optional<QString> only = p.optionalString("service", 64);
    if (!p.ok())
        return Outcome::fail(p.error());
    QList<net::ProtocolService *> services;
    for (core::Service *s : ctx.d.services.services()) {
        if (auto *ps = qobject_cast<net::ProtocolService *>(s); ps && (!only || ps->name() == *only))
            services.append(ps);
    }
    if (only && services.isEmpty())
        return Outcome::fail(RpcError::badParam(QStringLiteral("service"),
                                                QStringLiteral("must name a mail service (smtp, pop3 or imap)")));
    QJsonArray connections;
    for (const net::ProtocolService *s : std::as_const(services)) {
        for (const QJsonValue &c : s->describeSessions())
            connections.append(c);
    }
    return Outcome::ok(QJsonObject{{QStringLiteral("connections"), connections}});
}

} // namespace maild::control::handlers
