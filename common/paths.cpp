// Default locations of an instance (see paths.h).
#include "paths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <unistd.h>

namespace common {

QString defaultDataDir(Profile profile)
{
    if (profile == Profile::System)
        return QStringLiteral("/var/lib/mailroom");
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/mailroom");
}

QString runDir(const QString &dataDir) { return dataDir + QStringLiteral("/run"); }

QString controlSocketPath(const QString &dataDir) { return runDir(dataDir) + QStringLiteral("/control.sock"); }

QString defaultControlSocket()
{
    const QString fromEnv = qEnvironmentVariable("MAILROOM_SOCKET");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString system = controlSocketPath(defaultDataDir(Profile::System));
    const QString embedded = controlSocketPath(defaultDataDir(Profile::Embedded));
    if (::geteuid() == 0 && QFileInfo::exists(system) && !QFileInfo::exists(embedded))
        return system;
    return embedded;
}

} // namespace common
