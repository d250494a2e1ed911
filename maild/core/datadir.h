// The data directory of one instance: creates its layout with safe modes (data 0750, run
// 0750, mail 0700, log 0750), and holds an exclusive lock on it for the daemon's lifetime so
// that two daemons never share one directory. The lock (flock) dies with the process, even
// on kill -9.
// Security: the run directory guards the control socket; its mode is enforced, not assumed.
#pragma once

#include <QString>
#include <sys/types.h>

namespace maild::core {

class DataDir
{
public:
    explicit DataDir(QString root);
    ~DataDir();
    DataDir(const DataDir &) = delete;
    DataDir &operator=(const DataDir &) = delete;

    // Creates the folders (chowned to owner when uid != -1). Returns an error sentence or "".
    QString prepare(uid_t ownerUid, gid_t ownerGid);
    // Takes the instance lock and writes the PID file. Returns an error sentence or "".
    QString lock();
    // Whether the previous run ended cleanly (it left the marker that markCleanShutdown writes).
    bool previousRunWasClean() const { return m_wasClean; }
    void markCleanShutdown();
    // Gives what was created while root (database, WAL, log, spool, certificates) to the
    // daemon's user; account mail folders are not descended into.
    void chownFiles(uid_t uid, gid_t gid) const;

    QString root() const { return m_root; }
    QString database() const { return m_root + QStringLiteral("/maild.db"); }
    QString runDir() const { return m_root + QStringLiteral("/run"); }
    QString socketPath() const { return runDir() + QStringLiteral("/control.sock"); }
    QString pidFile() const { return runDir() + QStringLiteral("/maild.pid"); }
    QString logDir() const { return m_root + QStringLiteral("/log"); }
    QString logFile() const { return logDir() + QStringLiteral("/maild.log"); }
    QString mailDir() const { return m_root + QStringLiteral("/mail"); }

private:
    QString m_root;
    int m_lockFd = -1;
    bool m_wasClean = true;
};

} // namespace maild::core
