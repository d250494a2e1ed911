// Data directory layout and instance lock (see datadir.h).
#include "core/datadir.h"

#include <QDir>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace maild::core {

namespace {

QString makeDir(const QString &path, mode_t mode, uid_t uid, gid_t gid)
{
    const QByteArray p = QFile::encodeName(path);
    if (::mkdir(p.constData(), mode) != 0 && errno != EEXIST)
        return QStringLiteral("cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    struct stat st{};
    if (::lstat(p.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return QStringLiteral("%1 exists but is not a directory").arg(path);
    if (uid != uid_t(-1) && ::chown(p.constData(), uid, gid) != 0)
        return QStringLiteral("cannot give %1 to the daemon's user: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    if (::chmod(p.constData(), mode) != 0)
        return QStringLiteral("cannot set the mode of %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

} // namespace

DataDir::DataDir(QString root) : m_root(QDir::cleanPath(QDir(root).absolutePath())) {}

DataDir::~DataDir()
{
    if (m_lockFd >= 0) {
        ::unlink(QFile::encodeName(pidFile()).constData());
        ::close(m_lockFd);
    }
}

QString DataDir::prepare(uid_t ownerUid, gid_t ownerGid)
{
    if (!QDir().mkpath(QFileInfo(m_root).absolutePath()))
        return QStringLiteral("cannot create the parent folder of %1").arg(m_root);
    for (const auto &[path, mode] : {std::pair{m_root, mode_t(0750)}, {runDir(), mode_t(0750)},
                                     {logDir(), mode_t(0750)}, {mailDir(), mode_t(0700)}}) {
        if (QString e = makeDir(path, mode, ownerUid, ownerGid); !e.isEmpty())
            return e;
    }
    return {};
}

QString DataDir::lock()
{
    const QByteArray path = QFile::encodeName(runDir() + QStringLiteral("/maild.lock"));
    m_lockFd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
    if (m_lockFd < 0)
        return QStringLiteral("cannot open the lock file in %1: %2").arg(runDir(), QString::fromLocal8Bit(std::strerror(errno)));
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        ::close(m_lockFd);
        m_lockFd = -1;
        QFile pid(pidFile());
        QString holder;
        if (pid.open(QIODevice::ReadOnly))
            holder = QStringLiteral(" (PID %1)").arg(QString::fromLatin1(pid.readAll().trimmed()));
        return QStringLiteral("another maild%1 is already using the data directory %2").arg(holder, m_root);
    }
    const QString marker = runDir() + QStringLiteral("/clean-shutdown");
    m_wasClean = !QFileInfo::exists(database()) || QFile::exists(marker);
    QFile::remove(marker);
    QFile pid(pidFile());
    if (!pid.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QStringLiteral("cannot write %1: %2").arg(pidFile(), pid.errorString());
    pid.write(QByteArray::number(qint64(::getpid())) + '\n');
    return {};
}

void DataDir::markCleanShutdown()
{
    QFile marker(runDir() + QStringLiteral("/clean-shutdown"));
    if (marker.open(QIODevice::WriteOnly))
        marker.close();
}

void DataDir::chownFiles(uid_t uid, gid_t gid) const
{
    // Everything created while root, but not the (possibly huge) contents of account folders.
    QStringList pending{m_root};
    while (!pending.isEmpty()) {
        const QString path = pending.takeLast();
        if (::lchown(QFile::encodeName(path).constData(), uid, gid) != 0)
            qWarning("cannot chown %s", qPrintable(path));
        const QFileInfo info(path);
        if (!info.isDir() || info.isSymLink() || info.absolutePath() == mailDir())
            continue;
        for (const QString &entry : QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System))
            pending.append(path + QLatin1Char('/') + entry);
    }
}

} // namespace maild::core
