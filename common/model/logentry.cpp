// JSON and text forms of LogEntry.
#include "model/logentry.h"

namespace common::model {

QJsonObject LogEntry::toJson() const
{
    return {{QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("level"), toString(level)},
            {QStringLiteral("service"), service},
            {QStringLiteral("message"), message}};
}

LogEntry LogEntry::fromJson(const QJsonObject &o)
{
    LogEntry e;
    e.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    e.level = logLevelFromString(o.value(QStringLiteral("level")).toString()).value_or(LogLevel::Info);
    e.service = o.value(QStringLiteral("service")).toString();
    e.message = o.value(QStringLiteral("message")).toString();
    return e;
}

QString LogEntry::toLine() const
{
    // One entry is one line: line breaks in a message (which may quote a client) are escaped.
    QString text = message;
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\n'), QStringLiteral("\\n")).replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    return time.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + toString(level) +
           QLatin1Char(' ') + service + QStringLiteral(": ") + text;
}

} // namespace common::model
