// log.subscribe / log.unsubscribe: push every new log line matching the filter to this
// connection as a log.entry notification.
#include "control/handlers/handlers.h"

#include "control/controlsession.h"
#include "control/handlers/logfilter.h"

namespace maild::control::handlers {

Outcome logSubscribe(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"level", "service"});
    LogFilter filter;
    if (auto e = readLogFilter(p, filter))
        return Outcome::fail(*e);
    ctx.session.subscribeLog(filter.level, filter.service);
    return Outcome::ok(QJsonObject{{QStringLiteral("subscribed"), true}});
}

Outcome logUnsubscribe(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {});
    if (!p.ok())
        return Outcome::fail(p.error());
    ctx.session.unsubscribeLog();
    return Outcome::ok(QJsonObject{{QStringLiteral("subscribed"), false}});
}

} // namespace maild::control::handlers
