// Params shared by the tls.* handlers (see tls_common.h).
#include "control/handlers/tls_common.h"

#include <validation/validation.h>

namespace maild::control::handlers {

std::optional<RpcError> checkCertificateName(const QString &name)
{
    if (auto problem = common::validation::checkShortName(name))
        return RpcError::invalidField(QStringLiteral("name"), problem->replace(QStringLiteral("short name"), QStringLiteral("certificate name")));
    return std::nullopt;
}

std::optional<RpcError> readHosts(Params &p, const QString &defaultHost, QStringList *hosts)
{
    const auto given = p.optionalStringList("hosts", 100);
    if (!p.ok())
        return p.error();
    *hosts = given ? *given : QStringList{defaultHost};
    if (hosts->isEmpty())
        return RpcError::invalidField(QStringLiteral("hosts"), QStringLiteral("give at least one host name"));
    for (QString &h : *hosts) {
        h = h.toLower();
        const QString bare = h.startsWith(QLatin1String("*.")) ? h.mid(2) : h;
        if (auto problem = common::validation::checkDomainName(bare))
            return RpcError::invalidField(QStringLiteral("hosts"), h + QStringLiteral(": ") + *problem);
    }
    return std::nullopt;
}

std::optional<RpcError> readKeyType(Params &p, bool *rsa)
{
    const QString type = p.optionalString("keyType", 8).value_or(QStringLiteral("ec"));
    if (!p.ok())
        return p.error();
    if (type != QLatin1String("ec") && type != QLatin1String("rsa"))
        return RpcError::invalidField(QStringLiteral("keyType"), QStringLiteral("must be ec or rsa"));
    *rsa = type == QLatin1String("rsa");
    return std::nullopt;
}

} // namespace maild::control::handlers
