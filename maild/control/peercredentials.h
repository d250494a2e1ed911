// The kernel's word on who is at the other end of a control connection (SO_PEERCRED,
// SO_PEERGROUPS), and the rule of who may talk to the daemon at all: root, the daemon's own
// user, or a member of the admin group.
// Security: this is the first gate of the control plane; the account login is the second.
#pragma once

#include <QList>
#include <QString>
#include <sys/types.h>

namespace maild::control {

struct PeerCredentials
{
    pid_t pid = -1;
    uid_t uid = uid_t(-1);
    gid_t gid = gid_t(-1);
    QList<gid_t> groups; // supplementary groups
    bool valid = false;

    static PeerCredentials of(int socketFd);
    // "" when allowed, else the reason to give the peer.
    QString refusal(const QString &adminGroup) const;
    QString describe() const; // "uid 1000 (pid 4242)"
};

} // namespace maild::control
