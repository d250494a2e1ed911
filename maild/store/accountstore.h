// Accounts, their addresses (aliases) and the local domains, in maild.db. Callers validate
// syntax first (common/validation); the store enforces what needs the stored state:
// uniqueness, addresses only in local domains, never removing the last administrator.
#pragma once

#include "store/storeerror.h"

#include <model/account.h>

#include <QList>
#include <QStringList>

namespace maild::store {

class Database;

struct AccountQuery
{
    QString filter; // substring of name, full name or an address; case-insensitive
    QString sort = QStringLiteral("name"); // name|fullName|state|quota|usage|created
    bool descending = false;
    int offset = 0;
    int limit = 100;
};

struct AccountPage
{
    qint64 total = 0;
    QList<common::model::Account> accounts;
};

struct Credentials
{
    QString passwordHash; // empty: no password set
    bool admin = false;
};

class AccountStore
{
public:
    explicit AccountStore(Database &db) : m_db(db) {}

    static QStringList sortKeys();
    AccountPage list(const AccountQuery &query, std::optional<StoreError> *error);
    std::optional<common::model::Account> get(const QString &name);
    std::optional<Credentials> credentials(const QString &name);
    // The account that receives mail for an address in a local domain: an alias, or
    // <short name>@<local domain>. nullopt when none.
    std::optional<QString> accountForAddress(const QString &localPart, const QString &domain);
    // The oldest administrator (receives postmaster@ when nobody else does).
    std::optional<QString> firstAdmin();
    qint64 adminCount();

    StoreResult create(const common::model::Account &account, const QString &passwordHash);
    // Replaces every field but name, created and usage (and the password).
    StoreResult update(const common::model::Account &account);
    StoreResult remove(const QString &name);
    StoreResult setPassword(const QString &name, const QString &passwordHash);

    // Aliases: extra addresses of an account, in a local domain.
    struct Alias
    {
        QString address;
        QString account;
    };
    QList<Alias> aliases(const QString &account = {});
    StoreResult addAlias(const QString &address, const QString &account);
    StoreResult removeAlias(const QString &address);

    QStringList domains();
    bool isLocalDomain(const QString &domain);
    StoreResult addDomain(const QString &domain);
    StoreResult removeDomain(const QString &domain);

private:
    StoreResult replaceAddresses(qint64 accountId, const QString &accountName, const QStringList &addresses);
    StoreResult checkAddressFree(const QString &address, const QString &accountName);
    std::optional<qint64> idOf(const QString &name);

    Database &m_db;
};

} // namespace maild::store
