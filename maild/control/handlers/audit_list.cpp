// audit.list: the audit log of administrative changes, newest first, paged and filtered by
// actor and method.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "store/auditlog.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome auditList(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"offset", "limit", "actor", "method"});
    store::AuditQuery q;
    q.offset = int(p.optionalInt("offset", 0, 1 << 30).value_or(0));
    q.limit = int(p.optionalInt("limit", 1, 1000).value_or(100));
    q.actor = p.optionalString("actor", 256).value_or(QString());
    q.method = p.optionalString("method", 64).value_or(QString());
    if (!p.ok())
        return Outcome::fail(p.error());
    qint64 total = 0;
    QJsonArray entries;
    for (const store::AuditEntry &e : ctx.d.audit.list(q, &total))
        entries.append(e.toJson());
    return Outcome::ok(QJsonObject{{QStringLiteral("total"), total}, {QStringLiteral("entries"), entries}});
}

} // namespace maild::control::handlers
