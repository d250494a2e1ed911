// Parsing of `stats.get` (see trafficstats.h).
#include "trafficstats.h"

#include <QJsonArray>

namespace admin {

namespace {
QList<qint64> series(const QJsonObject &all, const QString &name)
{
    QList<qint64> values;
    for (const QJsonValue &v : all.value(name).toArray())
        values.append(v.toInteger());
    return values;
}
} // namespace

TrafficStats TrafficStats::fromJson(const QJsonObject &o)
{
    TrafficStats s;
    s.minuteStart =
        QDateTime::fromString(o.value(QStringLiteral("minuteStart")).toString(), Qt::ISODate);
    const QJsonObject all = o.value(QStringLiteral("series")).toObject();
    s.messagesIn = series(all, QStringLiteral("messagesIn"));
    s.messagesOut = series(all, QStringLiteral("messagesOut"));
    s.connections = series(all, QStringLiteral("connections"));
    s.bytesIn = series(all, QStringLiteral("bytesIn"));
    s.bytesOut = series(all, QStringLiteral("bytesOut"));
    const QJsonObject today = o.value(QStringLiteral("today")).toObject();
    s.todayMessagesIn = today.value(QStringLiteral("messagesIn")).toInteger();
    s.todayMessagesOut = today.value(QStringLiteral("messagesOut")).toInteger();
    s.todayConnections = today.value(QStringLiteral("connections")).toInteger();
    return s;
}

} // namespace admin
