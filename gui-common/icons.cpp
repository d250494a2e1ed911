// Icon lookup with fallbacks (see icons.h).
#include "icons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QStyle>

namespace gui {

namespace {

QStyle::StandardPixmap fallbackFor(const QString &name)
{
    static const QHash<QString, QStyle::StandardPixmap> table{
        {QStringLiteral("mailadmin"), QStyle::SP_ComputerIcon},
        {QStringLiteral("mailusers"), QStyle::SP_DirHomeIcon},
        {QStringLiteral("service-running"), QStyle::SP_DialogApplyButton},
        {QStringLiteral("service-stopped"), QStyle::SP_MediaStop},
        {QStringLiteral("service-failed"), QStyle::SP_MessageBoxCritical},
        {QStringLiteral("start"), QStyle::SP_MediaPlay},
        {QStringLiteral("stop"), QStyle::SP_MediaStop},
    };
    return table.value(name, QStyle::SP_FileIcon);
}

} // namespace

QIcon icon(const QString &name)
{
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    if (QFile::exists(path)) {
        QIcon fromResource(path);
        if (!fromResource.pixmap(16, 16).isNull())
            return fromResource;
    }
    return QApplication::style()->standardIcon(fallbackFor(name));
}

} // namespace gui
