// One structured log line: level, service, message, time.
// JSON form: docs/control-protocol.md, "LogEntry".
#pragma once

#include "model/enums.h"

#include <QDateTime>
#include <QJsonObject>

namespace common::model {

struct LogEntry
{
    QDateTime time;
    LogLevel level = LogLevel::Info;
    QString service; // "maild", "control", "smtp", ...
    QString message;

    QJsonObject toJson() const;
    static LogEntry fromJson(const QJsonObject &o);
    // "2026-11-21T22:00:00.123Z info control: message" — the log file's line format.
    QString toLine() const;
};

} // namespace common::model
