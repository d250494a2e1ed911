// Durations, sizes and dates for people (see displayformat.h).
#include "displayformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace gui {

QString formatDuration(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    const QLocale locale;
    if (days > 0)
        return QCoreApplication::translate("gui::DisplayFormat", "%1 d %2 h")
            .arg(locale.toString(days), locale.toString(hours));
    if (hours > 0)
        return QCoreApplication::translate("gui::DisplayFormat", "%1 h %2 min")
            .arg(locale.toString(hours), locale.toString(minutes));
    if (minutes > 0)
        return QCoreApplication::translate("gui::DisplayFormat", "%1 min")
            .arg(locale.toString(minutes));
    return QCoreApplication::translate("gui::DisplayFormat", "%1 s").arg(locale.toString(seconds));
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(qMax<qint64>(0, bytes), 1,
                                       QLocale::DataSizeTraditionalFormat);
}

QString formatDateTime(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

} // namespace gui
