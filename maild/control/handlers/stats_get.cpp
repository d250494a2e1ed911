// stats.get: the traffic graphs' figures — messages in and out, connections, bytes in and
// out per minute over the last 1..60 minutes (oldest first, the last is the current minute),
// and today's totals.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "core/statistics.h"

#include <QJsonArray>

namespace maild::control::handlers {

Outcome statsGet(CallContext &ctx, const QJsonObject &params)
{
    using core::Statistics;
    Params p(params, {"minutes"});
    const int minutes = int(p.optionalInt("minutes", 1, Statistics::kMinutes).value_or(Statistics::kMinutes));
    if (!p.ok())
        return Outcome::fail(p.error());
    if (!ctx.d.statistics)
        return Outcome::fail(RpcError(ErrorCode::InternalError, QStringLiteral("statistics are not available")));
    const Statistics &stats = *ctx.d.statistics;
    const Statistics::Window window = stats.window(minutes);
    QJsonObject series;
    for (int c = 0; c < Statistics::kCounters; ++c) {
        QJsonArray values;
        for (qint64 v : window.series[size_t(c)])
            values.append(v);
        series.insert(Statistics::counterName(Statistics::Counter(c)), values);
    }
    QJsonObject today;
    for (Statistics::Counter c : {Statistics::Counter::MessagesIn, Statistics::Counter::MessagesOut,
                                  Statistics::Counter::Connections})
        today.insert(Statistics::counterName(c), stats.today(c));
    return Outcome::ok(QJsonObject{{QStringLiteral("minuteStart"), window.minuteStart.toString(Qt::ISODate)},
                                   {QStringLiteral("minutes"), minutes},
                                   {QStringLiteral("series"), series},
                                   {QStringLiteral("today"), today}});
}

} // namespace maild::control::handlers
