// server.status: what the Overview pane shows — version, host, uptime, data directory,
// profile, every service with its state and counters, warnings, connected admin tools,
// messages received today.
#include "control/handlers/handlers.h"

#include "control/controlserver.h"
#include "control/params.h"
#include "core/serviceregistry.h"
#include "core/settings.h"
#include "core/statistics.h"
#include "mx/mxservice.h"
#include "tls/certstore.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace maild::control::handlers {

Outcome serverStatus(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {});
    if (!p.ok())
        return Outcome::fail(p.error());
    QJsonArray services;
    QJsonArray warnings;
    for (const core::Service *s : ctx.d.services.services()) {
        services.append(ctx.d.services.info(s).toJson());
        if (s->state() == core::ServiceState::Failed)
            warnings.append(QStringLiteral("%1 failed: %2").arg(s->displayName(), s->lastError()));
    }
    if (ctx.d.certificates) {
        for (const QString &w : ctx.d.certificates->warnings())
            warnings.append(w);
    }
    if (ctx.d.mx) {
        for (const QString &w : ctx.d.mx->warnings())
            warnings.append(w);
    }
    return Outcome::ok(QJsonObject{
        {QStringLiteral("version"), QStringLiteral(MAILROOM_VERSION)},
        {QStringLiteral("host"), ctx.d.settings.string(QStringLiteral("server.hostname"))},
        {QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())},
        {QStringLiteral("startedAt"), ctx.d.startedAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("uptimeSeconds"), ctx.d.startedAt.secsTo(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("dataDir"), ctx.d.dataDir},
        {QStringLiteral("profile"), ctx.d.profile == common::Profile::System ? QStringLiteral("system")
                                                                            : QStringLiteral("embedded")},
        {QStringLiteral("services"), services},
        {QStringLiteral("warnings"), warnings},
        {QStringLiteral("controlClients"), ctx.d.control->sessionCount()},
        {QStringLiteral("messagesToday"),
         ctx.d.statistics ? ctx.d.statistics->today(core::Statistics::Counter::MessagesIn) : 0},
    });
}

} // namespace maild::control::handlers
