// The `stats.get` result (docs/control-protocol.md) as a value for the Graphs pane: one
// value per minute, oldest first, from minuteStart; parsed leniently (missing series are
// empty).
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace admin {

struct TrafficStats
{
    QDateTime minuteStart;
    QList<qint64> messagesIn;
    QList<qint64> messagesOut;
    QList<qint64> connections;
    QList<qint64> bytesIn;
    QList<qint64> bytesOut;
    qint64 todayMessagesIn = 0;
    qint64 todayMessagesOut = 0;
    qint64 todayConnections = 0;

    static TrafficStats fromJson(const QJsonObject &o);
};

} // namespace admin
