// Dropping root after the ports are bound: switch to the configured user and group, keeping
// only CAP_NET_BIND_SERVICE so that a service restarted later can bind its standard port.
// Security: after drop() the process can never regain root; failure to drop is fatal.
#pragma once

#include <QString>
#include <sys/types.h>

namespace maild::core {

struct UserIds
{
    uid_t uid = uid_t(-1);
    gid_t gid = gid_t(-1);
};

// Looks up a user by name; the error sentence names it when unknown.
bool lookupUser(const QString &name, UserIds *ids, QString *error);
// Returns an error sentence, or "" when the process now runs as ids.
QString dropPrivileges(const QString &name, const UserIds &ids);

} // namespace maild::core
