// How the GUIs show durations, sizes and dates to people: localized, translated.
#pragma once

#include <QDateTime>
#include <QString>

namespace gui {

// Compact and plural-free: "45 s", "12 min", "3 h 4 min", "2 d 5 h".
QString formatDuration(qint64 seconds);
// "1.5 MB" in the user's locale.
QString formatBytes(qint64 bytes);
// A date and time in the user's locale and time zone, short form.
QString formatDateTime(const QDateTime &when);

} // namespace gui
