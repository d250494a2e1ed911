// Parsing of `server.status` (see serverstatus.h).
#include "serverstatus.h"

#include <QJsonArray>

namespace admin {

ServerStatus ServerStatus::fromJson(const QJsonObject &o)
{
    ServerStatus s;
    s.version = o.value(QStringLiteral("version")).toString();
    s.host = o.value(QStringLiteral("host")).toString();
    s.pid = o.value(QStringLiteral("pid")).toInteger();
    s.startedAt =
        QDateTime::fromString(o.value(QStringLiteral("startedAt")).toString(), Qt::ISODate);
    s.uptimeSeconds = o.value(QStringLiteral("uptimeSeconds")).toInteger();
    s.dataDir = o.value(QStringLiteral("dataDir")).toString();
    s.profile = o.value(QStringLiteral("profile")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("services")).toArray())
        s.services.append(common::model::ServiceInfo::fromJson(v.toObject()));
    for (const QJsonValue &v : o.value(QStringLiteral("warnings")).toArray())
        s.warnings.append(v.toString());
    s.controlClients = o.value(QStringLiteral("controlClients")).toInt();
    if (o.contains(QStringLiteral("messagesToday")))
        s.messagesToday = o.value(QStringLiteral("messagesToday")).toInteger();
    return s;
}

qint64 ServerStatus::activeConnections() const
{
    qint64 total = 0;
    for (const common::model::ServiceInfo &service : services)
        total += service.counters.value(QStringLiteral("activeConnections")).toInteger();
    return total;
}

} // namespace admin
