// Privilege drop (see privileges.h).
#include "core/privileges.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace maild::core {

bool lookupUser(const QString &name, UserIds *ids, QString *error)
{
    const passwd *pw = ::getpwnam(name.toLocal8Bit().constData());
    if (!pw) {
        *error = QStringLiteral("no such user: %1 (create it, or choose another with --user)").arg(name);
        return false;
    }
    ids->uid = pw->pw_uid;
    ids->gid = pw->pw_gid;
    return true;
}

QString dropPrivileges(const QString &name, const UserIds &ids)
{
    const auto failed = [](const char *what) {
        return QStringLiteral("cannot drop privileges (%1): %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
    };
    if (::prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0)
        return failed("keepcaps");
    if (::initgroups(name.toLocal8Bit().constData(), ids.gid) != 0)
        return failed("initgroups");
    if (::setresgid(ids.gid, ids.gid, ids.gid) != 0)
        return failed("setresgid");
    if (::setresuid(ids.uid, ids.uid, ids.uid) != 0)
        return failed("setresuid");
    if (ids.uid != 0 && (::setuid(0) == 0 || ::geteuid() == 0))
        return QStringLiteral("cannot drop privileges: root could be regained");
    // Keep only CAP_NET_BIND_SERVICE, effective and permitted.
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2]{};
    data[0].effective = data[0].permitted = 1u << CAP_NET_BIND_SERVICE;
    if (::syscall(SYS_capset, &header, data) != 0)
        return failed("capset");
    ::prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
    return {};
}

} // namespace maild::core
