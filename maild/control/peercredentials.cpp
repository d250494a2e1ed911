// Peer credentials of a Unix socket and the admission rule (see peercredentials.h).
#include "control/peercredentials.h"

#include <grp.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef SO_PEERGROUPS
#define SO_PEERGROUPS 59
#endif

namespace maild::control {

PeerCredentials PeerCredentials::of(int socketFd)
{
    PeerCredentials c;
    ucred cred{};
    socklen_t len = sizeof(cred);
    if (::getsockopt(socketFd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
        return c;
    c.pid = cred.pid;
    c.uid = cred.uid;
    c.gid = cred.gid;
    c.valid = true;
    gid_t groups[256];
    socklen_t glen = sizeof(groups);
    if (::getsockopt(socketFd, SOL_SOCKET, SO_PEERGROUPS, groups, &glen) == 0) {
        for (socklen_t i = 0; i < glen / sizeof(gid_t); ++i)
            c.groups.append(groups[i]);
    }
    return c;
}

QString PeerCredentials::refusal(const QString &adminGroup) const
{
    if (!valid)
        return QStringLiteral("the daemon cannot tell who you are (no peer credentials)");
    if (uid == 0 || uid == ::geteuid())
        return {};
    if (!adminGroup.isEmpty()) {
        if (const group *g = ::getgrnam(adminGroup.toLocal8Bit().constData())) {
            if (gid == g->gr_gid || groups.contains(g->gr_gid))
                return {};
        }
    }
    return QStringLiteral("uid %1 may not administer this mail server: only root, the daemon's user and "
                          "members of the group '%2' may use the control socket")
        .arg(uid)
        .arg(adminGroup);
}

QString PeerCredentials::describe() const
{
    return QStringLiteral("uid %1 (pid %2)").arg(uid).arg(pid);
}

} // namespace maild::control
