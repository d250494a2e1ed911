// JSON form of ServiceInfo.
#include "model/service.h"

#include <QJsonArray>

namespace common::model {

QJsonObject ServiceInfo::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("state"), toString(state)},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("listeners"), QJsonArray::fromStringList(listeners)},
            {QStringLiteral("error"), error},
            {QStringLiteral("counters"), counters}};
}

ServiceInfo ServiceInfo::fromJson(const QJsonObject &o)
{
    ServiceInfo s;
    s.name = o.value(QStringLiteral("name")).toString();
    s.displayName = o.value(QStringLiteral("displayName")).toString();
    s.state = serviceStateFromString(o.value(QStringLiteral("state")).toString()).value_or(ServiceState::Stopped);
    s.enabled = o.value(QStringLiteral("enabled")).toBool();
    for (const QJsonValue &v : o.value(QStringLiteral("listeners")).toArray())
        s.listeners.append(v.toString());
    s.error = o.value(QStringLiteral("error")).toString();
    s.counters = o.value(QStringLiteral("counters")).toObject();
    return s;
}

} // namespace common::model
