// Turning protocol values into the text people read, and back: sizes ("1.5 GB", "500M"),
// durations, yes/no, and setting values parsed from "KEY=VALUE" arguments.
#pragma once

#include <QJsonValue>
#include <QString>
#include <optional>

namespace mailctl {

// 1024-based: "0 B", "512 B", "1.5 KB", "2 GB".
QString formatSize(qint64 bytes);
// Bytes, or a number with K/M/G/T (or KB/MB/GB/TB, B) suffix, 1024-based, case-insensitive;
// "1.5G" is allowed. std::nullopt when the text is not a size.
std::optional<qint64> parseSize(const QString &text);
// "3d 4h 5m", "2m 10s", "45s".
QString formatDuration(qint64 seconds);
QString yesNo(bool value);
// A JSON value as a person reads it: strings bare, lists comma-separated, else JSON.
QString displayValue(const QJsonValue &value);
// The value of a KEY=VALUE argument: JSON when the text parses as one JSON value (numbers,
// true/false, null, "string", [..], {..}), else the text itself as a string.
QJsonValue parseLooseJson(const QString &text);
// Compact JSON text of any value.
QString compactJson(const QJsonValue &value);

} // namespace mailctl
