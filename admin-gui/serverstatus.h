// What the Server Admin window shows of the daemon as a whole: the `server.status` result
// (docs/control-protocol.md) as a value, parsed leniently so a newer daemon's extra fields
// never break an older tool.
#pragma once

#include "model/service.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace admin {

struct ServerStatus
{
    QString version;
    QString host;
    qint64 pid = 0;
    QDateTime startedAt;
    qint64 uptimeSeconds = 0;
    QString dataDir;
    QString profile;
    QList<common::model::ServiceInfo> services;
    QStringList warnings;
    int controlClients = 0;
    qint64 messagesToday = -1; // -1: this daemon does not count them

    // Open connections over every service (their activeConnections counters).
    qint64 activeConnections() const;

    static ServerStatus fromJson(const QJsonObject &o);
};

} // namespace admin
