// Address resolution (see addressresolver.h).
#include "auth/addressresolver.h"

#include "core/settings.h"
#include "store/accountstore.h"

namespace maild::auth {

bool AddressResolver::isLocalDomain(const QString &domain) const
{
    return domain.compare(m_settings.string(QStringLiteral("server.hostname")), Qt::CaseInsensitive) == 0 ||
           m_accounts.isLocalDomain(domain);
}

Resolution AddressResolver::resolve(const QString &localPart, const QString &domain) const
{
    if (!isLocalDomain(domain))
        return {Resolution::Kind::Remote, {}};
    if (std::optional<QString> account = m_accounts.accountForAddress(localPart, domain.toLower()))
        return {Resolution::Kind::Local, *account};
    if (localPart.compare(QLatin1String("postmaster"), Qt::CaseInsensitive) == 0) {
        if (std::optional<QString> admin = m_accounts.firstAdmin())
            return {Resolution::Kind::Local, *admin};
    }
    return {Resolution::Kind::UnknownLocal, {}};
}

QString AddressResolver::accountForLogin(const QString &login) const
{
    const qsizetype at = login.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return m_accounts.credentials(login) ? login.toLower() : QString();
    const Resolution r = resolve(login.left(at), login.mid(at + 1));
    return r.kind == Resolution::Kind::Local ? r.account : QString();
}

} // namespace maild::auth
