// Where mail for an address goes: to a local account (by alias or <short name>@<local
// domain>, postmaster to the first administrator), nowhere (unknown local user), or to
// another server (remote). Local domains are the domain table plus server.hostname.
// Used by SMTP RCPT, forwarding and login by address.
#pragma once

#include <QString>

namespace maild::store {
class AccountStore;
}
namespace maild::core {
class Settings;
}

namespace maild::auth {

struct Resolution
{
    enum class Kind { Local, UnknownLocal, Remote } kind = Kind::Remote;
    QString account; // Local
};

class AddressResolver
{
public:
    AddressResolver(store::AccountStore &accounts, core::Settings &settings) : m_accounts(accounts), m_settings(settings) {}

    bool isLocalDomain(const QString &domain) const;
    Resolution resolve(const QString &localPart, const QString &domain) const;
    // A login name: a short name, or an address resolved as above. Empty when unknown.
    QString accountForLogin(const QString &login) const;

private:
    store::AccountStore &m_accounts;
    core::Settings &m_settings;
};

} // namespace maild::auth
