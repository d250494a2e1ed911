// log.tail: the newest entries of the in-memory log ring, oldest first, filtered.
#include "control/handlers/handlers.h"

#include "control/handlers/logfilter.h"
#include "core/logger.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome logTail(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"limit", "level", "service"});
    const int limit = int(p.optionalInt("limit", 1, qint64(core::Logger::kRingSize)).value_or(100));
    LogFilter filter;
    if (auto e = readLogFilter(p, filter))
        return Outcome::fail(*e);
    QJsonArray entries;
    for (const auto &entry : ctx.d.logger.tail(limit, filter.level, filter.service))
        entries.append(entry.toJson());
    return Outcome::ok(QJsonObject{{QStringLiteral("entries"), entries}});
}

} // namespace maild::control::handlers
