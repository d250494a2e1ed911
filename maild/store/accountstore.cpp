// Accounts, aliases and local domains in maild.db (see accountstore.h).
#include "store/accountstore.h"

#include "store/database.h"

#include <QDateTime>
#include <QHash>
#include <sqlite3.h>

namespace maild::store {

using common::model::Account;

namespace {

// LIKE pattern matching the text anywhere, with LIKE's own wildcards escaped.
QString containsPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            escaped.append(u'\\');
        escaped.append(c);
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

const char *orderClause(const QString &sort, bool descending)
{
    struct Entry { const char *key, *asc, *desc; };
    static const Entry entries[] = {
        {"name", "a.name COLLATE NOCASE ASC", "a.name COLLATE NOCASE DESC"},
        {"fullName", "a.full_name COLLATE NOCASE ASC, a.name ASC", "a.full_name COLLATE NOCASE DESC, a.name DESC"},
        {"state", "a.mail_state ASC, a.name ASC", "a.mail_state DESC, a.name DESC"},
        {"quota", "a.quota_bytes ASC, a.name ASC", "a.quota_bytes DESC, a.name DESC"},
        {"usage", "a.usage_bytes ASC, a.name ASC", "a.usage_bytes DESC, a.name DESC"},
        {"created", "a.id ASC", "a.id DESC"},
    };
    for (const Entry &e : entries) {
        if (sort == QLatin1String(e.key))
            return descending ? e.desc : e.asc;
    }
    return nullptr;
}

constexpr const char *kColumns =
    "a.id, a.name, a.full_name, a.password_hash IS NOT NULL AND a.password_hash != '', a.admin, "
    "a.mail_state, a.forward_address, a.mail_server, a.quota_bytes, a.quota_warn_percent, a.access, "
    "a.usage_bytes, a.created, a.modified";

Account readAccount(const Statement &st)
{
    Account a;
    a.name = st.text(1);
    a.fullName = st.text(2);
    a.hasPassword = st.int64(3) != 0;
    a.admin = st.int64(4) != 0;
    a.mail.state = common::model::mailStateFromString(st.text(5)).value_or(common::model::MailState::Enabled);
    a.mail.forwardAddress = st.text(6);
    a.mail.server = st.text(7);
    a.mail.quotaBytes = st.int64(8);
    a.mail.quotaWarnPercent = int(st.int64(9));
    a.mail.access = common::model::mailAccessFromString(st.text(10)).value_or(common::model::MailAccess::Both);
    a.usageBytes = st.int64(11);
    a.created = QDateTime::fromString(st.text(12), Qt::ISODate);
    a.modified = QDateTime::fromString(st.text(13), Qt::ISODate);
    return a;
}

QString domainOf(const QString &address) { return address.mid(address.lastIndexOf(u'@') + 1); }

} // namespace

QStringList AccountStore::sortKeys()
{
    return {QStringLiteral("name"), QStringLiteral("fullName"), QStringLiteral("state"),
            QStringLiteral("quota"), QStringLiteral("usage"), QStringLiteral("created")};
}

AccountPage AccountStore::list(const AccountQuery &query, std::optional<StoreError> *error)
{
    AccountPage page;
    const char *order = orderClause(query.sort, query.descending);
    if (!order) {
        *error = StoreError{StoreError::Kind::Invalid, QStringLiteral("unknown sort key"), QStringLiteral("sort")};
        return page;
    }
    const bool filtered = !query.filter.isEmpty();
    const QByteArray where = filtered
        ? QByteArray(" WHERE a.name LIKE ?1 ESCAPE '\\' OR a.full_name LIKE ?1 ESCAPE '\\' OR a.id IN "
                     "(SELECT account_id FROM addresses WHERE address LIKE ?1 ESCAPE '\\')")
        : QByteArray();
    const QString pattern = containsPattern(query.filter);

    Statement count(m_db, ("SELECT count(*) FROM accounts a" + where));
    if (filtered)
        count.bind(1, pattern);
    if (count.next())
        page.total = count.int64(0);

    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM accounts a" + where + " ORDER BY " +
                           order + " LIMIT ?2 OFFSET ?3";
    Statement st(m_db, sql.constData());
    if (filtered)
        st.bind(1, pattern);
    st.bind(2, query.limit).bind(3, query.offset);
    QHash<qint64, qsizetype> indexById;
    while (st.next()) {
        indexById.insert(st.int64(0), page.accounts.size());
        page.accounts.append(readAccount(st));
    }
    if (!st.ok())
        *error = storageError(m_db);
    if (indexById.isEmpty())
        return page;

    // The page's addresses in one query.
    QByteArray ids;
    for (auto it = indexById.cbegin(); it != indexById.cend(); ++it)
        ids += (ids.isEmpty() ? "" : ",") + QByteArray::number(it.key());
    Statement addr(m_db, ("SELECT account_id, address FROM addresses WHERE account_id IN (" + ids +
                          ") ORDER BY address"));
    while (addr.next())
        page.accounts[indexById.value(addr.int64(0))].addresses.append(addr.text(1));
    return page;
}

std::optional<Account> AccountStore::get(const QString &name)
{
    Statement st(m_db, (QByteArray("SELECT ") + kColumns + " FROM accounts a WHERE a.name = ?1"));
    st.bind(1, name);
    if (!st.next())
        return std::nullopt;
    Account a = readAccount(st);
    Statement addr(m_db, "SELECT address FROM addresses WHERE account_id = ?1 ORDER BY address");
    addr.bind(1, st.int64(0));
    while (addr.next())
        a.addresses.append(addr.text(0));
    return a;
}

std::optional<Credentials> AccountStore::credentials(const QString &name)
{
    Statement st(m_db, "SELECT coalesce(password_hash, ''), admin FROM accounts WHERE name = ?1");
    st.bind(1, name);
    if (!st.next())
        return std::nullopt;
    return Credentials{st.text(0), st.int64(1) != 0};
}

std::optional<QString> AccountStore::accountForAddress(const QString &localPart, const QString &domain)
{
    Statement alias(m_db, "SELECT a.name FROM addresses d JOIN accounts a ON a.id = d.account_id WHERE d.address = ?1");
    alias.bind(1, localPart + QLatin1Char('@') + domain);
    if (alias.next())
        return alias.text(0);
    Statement byName(m_db, "SELECT name FROM accounts WHERE name = ?1");
    byName.bind(1, localPart);
    if (byName.next())
        return byName.text(0);
    return std::nullopt;
}

std::optional<QString> AccountStore::firstAdmin()
{
    Statement st(m_db, "SELECT name FROM accounts WHERE admin = 1 ORDER BY id LIMIT 1");
    if (!st.next())
        return std::nullopt;
    return st.text(0);
}

qint64 AccountStore::adminCount()
{
    Statement st(m_db, "SELECT count(*) FROM accounts WHERE admin = 1");
    return st.next() ? st.int64(0) : 0;
}

std::optional<qint64> AccountStore::idOf(const QString &name)
{
    Statement st(m_db, "SELECT id FROM accounts WHERE name = ?1");
    st.bind(1, name);
    if (!st.next())
        return std::nullopt;
    return st.int64(0);
}

StoreResult AccountStore::create(const Account &account, const QString &passwordHash)
{
    if (idOf(account.name))
        return StoreError{StoreError::Kind::AlreadyExists,
                          QStringLiteral("an account named %1 exists already").arg(account.name), QStringLiteral("name")};
    // The new account would receive <name>@<each local domain>: none may be another's alias.
    Statement aliased(m_db, "SELECT d.address, a.name FROM addresses d JOIN accounts a ON a.id = d.account_id "
                            "WHERE d.address LIKE ?1 || '@%' ESCAPE '\\' LIMIT 1");
    QString escaped = account.name;
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    aliased.bind(1, escaped);
    if (aliased.next())
        return StoreError{StoreError::Kind::AlreadyExists,
                          QStringLiteral("%1 is already an alias of account %2; choose another short name")
                              .arg(aliased.text(0), aliased.text(1)),
                          QStringLiteral("name")};
    Transaction tx(m_db);
    const QString stamp = utcNow();
    Statement st(m_db,
                 "INSERT INTO accounts (name, full_name, password_hash, admin, mail_state, forward_address, "
                 "mail_server, quota_bytes, quota_warn_percent, access, created, modified) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)");
    st.bind(1, account.name).bind(2, account.fullName);
    if (passwordHash.isEmpty())
        st.bindNull(3);
    else
        st.bind(3, passwordHash);
    st.bind(4, account.admin)
        .bind(5, common::model::toString(account.mail.state))
        .bind(6, account.mail.forwardAddress)
        .bind(7, account.mail.server)
        .bind(8, account.mail.quotaBytes)
        .bind(9, account.mail.quotaWarnPercent)
        .bind(10, common::model::toString(account.mail.access))
        .bind(11, stamp);
    if (!st.exec())
        return storageError(m_db);
    if (StoreResult r = replaceAddresses(m_db.lastInsertRowId(), account.name, account.addresses))
        return r;
    if (!tx.commit())
        return storageError(m_db);
    return std::nullopt;
}

StoreResult AccountStore::update(const Account &account)
{
    const std::optional<qint64> id = idOf(account.name);
    if (!id)
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("no account named %1").arg(account.name), QStringLiteral("name")};
    Transaction tx(m_db);
    if (!account.admin) {
        Statement wasAdmin(m_db, "SELECT admin FROM accounts WHERE id = ?1");
        wasAdmin.bind(1, *id);
        if (wasAdmin.next() && wasAdmin.int64(0) != 0 && adminCount() <= 1)
            return StoreError{StoreError::Kind::Conflict,
                              QStringLiteral("%1 is the last administrator; make another account an administrator first").arg(account.name),
                              QStringLiteral("admin")};
    }
    Statement st(m_db,
                 "UPDATE accounts SET full_name = ?2, admin = ?3, mail_state = ?4, forward_address = ?5, "
                 "mail_server = ?6, quota_bytes = ?7, quota_warn_percent = ?8, access = ?9, modified = ?10 "
                 "WHERE id = ?1");
    st.bind(1, *id)
        .bind(2, account.fullName)
        .bind(3, account.admin)
        .bind(4, common::model::toString(account.mail.state))
        .bind(5, account.mail.forwardAddress)
        .bind(6, account.mail.server)
        .bind(7, account.mail.quotaBytes)
        .bind(8, account.mail.quotaWarnPercent)
        .bind(9, common::model::toString(account.mail.access))
        .bind(10, utcNow());
    if (!st.exec())
        return storageError(m_db);
    if (StoreResult r = replaceAddresses(*id, account.name, account.addresses))
        return r;
    if (!tx.commit())
        return storageError(m_db);
    return std::nullopt;
}

StoreResult AccountStore::remove(const QString &name)
{
    const std::optional<Credentials> cred = credentials(name);
    if (!cred)
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("no account named %1").arg(name), QStringLiteral("name")};
    if (cred->admin && adminCount() <= 1)
        return StoreError{StoreError::Kind::Conflict,
                          QStringLiteral("%1 is the last administrator and cannot be deleted").arg(name), QStringLiteral("name")};
    Statement st(m_db, "DELETE FROM accounts WHERE name = ?1");
    st.bind(1, name);
    if (!st.exec())
        return storageError(m_db);
    return std::nullopt;
}

StoreResult AccountStore::setPassword(const QString &name, const QString &passwordHash)
{
    Statement st(m_db, "UPDATE accounts SET password_hash = ?2, modified = ?3 WHERE name = ?1");
    st.bind(1, name).bind(2, passwordHash).bind(3, utcNow());
    if (!st.exec())
        return storageError(m_db);
    if (m_db.changes() == 0)
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("no account named %1").arg(name), QStringLiteral("name")};
    return std::nullopt;
}

StoreResult AccountStore::checkAddressFree(const QString &address, const QString &accountName)
{
    const QString domain = domainOf(address);
    if (!isLocalDomain(domain))
        return StoreError{StoreError::Kind::Invalid,
                          QStringLiteral("%1 is not in a local domain; add the domain %2 first").arg(address, domain),
                          QStringLiteral("addresses")};
    Statement owner(m_db, "SELECT a.name FROM addresses d JOIN accounts a ON a.id = d.account_id WHERE d.address = ?1");
    owner.bind(1, address);
    if (owner.next() && owner.text(0).compare(accountName, Qt::CaseInsensitive) != 0)
        return StoreError{StoreError::Kind::AlreadyExists,
                          QStringLiteral("%1 is already an address of account %2").arg(address, owner.text(0)),
                          QStringLiteral("addresses")};
    // Every account receives mail at <short name>@<each local domain>.
    const QString local = address.left(address.lastIndexOf(u'@'));
    if (local.compare(accountName, Qt::CaseInsensitive) != 0 && idOf(local))
        return StoreError{StoreError::Kind::AlreadyExists,
                          QStringLiteral("%1 is already the address of account %2").arg(address, local),
                          QStringLiteral("addresses")};
    return std::nullopt;
}

StoreResult AccountStore::replaceAddresses(qint64 accountId, const QString &accountName, const QStringList &addresses)
{
    for (const QString &address : addresses) {
        if (StoreResult r = checkAddressFree(address, accountName))
            return r;
    }
    Statement clear(m_db, "DELETE FROM addresses WHERE account_id = ?1");
    clear.bind(1, accountId);
    if (!clear.exec())
        return storageError(m_db);
    Statement insert(m_db, "INSERT OR IGNORE INTO addresses (address, account_id) VALUES (?1, ?2)");
    for (const QString &address : addresses) {
        insert.reset();
        insert.bind(1, address).bind(2, accountId);
        if (!insert.exec())
            return storageError(m_db);
    }
    return std::nullopt;
}

QList<AccountStore::Alias> AccountStore::aliases(const QString &account)
{
    QList<Alias> out;
    Statement st(m_db, account.isEmpty()
                           ? "SELECT d.address, a.name FROM addresses d JOIN accounts a ON a.id = d.account_id ORDER BY d.address"
                           : "SELECT d.address, a.name FROM addresses d JOIN accounts a ON a.id = d.account_id "
                             "WHERE a.name = ?1 ORDER BY d.address");
    if (!account.isEmpty())
        st.bind(1, account);
    while (st.next())
        out.append({st.text(0), st.text(1)});
    return out;
}

StoreResult AccountStore::addAlias(const QString &address, const QString &account)
{
    const std::optional<qint64> id = idOf(account);
    if (!id)
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("no account named %1").arg(account), QStringLiteral("account")};
    if (StoreResult r = checkAddressFree(address, account)) {
        r->field = QStringLiteral("address");
        return r;
    }
    Statement st(m_db, "INSERT INTO addresses (address, account_id) VALUES (?1, ?2)");
    st.bind(1, address).bind(2, *id);
    if (!st.exec()) {
        if (st.errorCode() == SQLITE_CONSTRAINT)
            return StoreError{StoreError::Kind::AlreadyExists,
                              QStringLiteral("%1 is already an address of account %2").arg(address, account), QStringLiteral("address")};
        return storageError(m_db);
    }
    Statement touch(m_db, "UPDATE accounts SET modified = ?2 WHERE id = ?1");
    touch.bind(1, *id).bind(2, utcNow());
    touch.exec();
    return std::nullopt;
}

StoreResult AccountStore::removeAlias(const QString &address)
{
    Statement st(m_db, "DELETE FROM addresses WHERE address = ?1");
    st.bind(1, address);
    if (!st.exec())
        return storageError(m_db);
    if (m_db.changes() == 0)
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("no alias %1").arg(address), QStringLiteral("address")};
    return std::nullopt;
}

QStringList AccountStore::domains()
{
    QStringList out;
    Statement st(m_db, "SELECT name FROM domains ORDER BY name");
    while (st.next())
        out.append(st.text(0));
    return out;
}

bool AccountStore::isLocalDomain(const QString &domain)
{
    Statement st(m_db, "SELECT 1 FROM domains WHERE name = ?1");
    st.bind(1, domain);
    return st.next();
}

StoreResult AccountStore::addDomain(const QString &domain)
{
    if (isLocalDomain(domain))
        return StoreError{StoreError::Kind::AlreadyExists, QStringLiteral("%1 is already a local domain").arg(domain), QStringLiteral("name")};
    Statement st(m_db, "INSERT INTO domains (name, created) VALUES (?1, ?2)");
    st.bind(1, domain).bind(2, utcNow());
    if (!st.exec())
        return storageError(m_db);
    return std::nullopt;
}

StoreResult AccountStore::removeDomain(const QString &domain)
{
    if (!isLocalDomain(domain))
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("%1 is not a local domain").arg(domain), QStringLiteral("name")};
    Statement used(m_db, "SELECT count(*) FROM addresses WHERE address LIKE '%@' || ?1");
    used.bind(1, domain);
    if (used.next() && used.int64(0) > 0)
        return StoreError{StoreError::Kind::Conflict,
                          QStringLiteral("%1 is still used by %2 alias(es); remove them first").arg(domain).arg(used.int64(0)),
                          QStringLiteral("name")};
    Statement st(m_db, "DELETE FROM domains WHERE name = ?1");
    st.bind(1, domain);
    if (!st.exec())
        return storageError(m_db);
    return std::nullopt;
}

} // namespace maild::store
