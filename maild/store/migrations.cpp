// Schema migrations of maild.db (see migrations.h). Append new steps; never edit old ones.
#include "store/migrations.h"

#include "store/database.h"

#include <array>

namespace maild::store {

namespace {

constexpr std::array<const char *, 5> kSteps{{
    // 1: accounts, their addresses, local domains, settings, the audit log.
    R"sql(
    CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        full_name TEXT NOT NULL DEFAULT '',
        password_hash TEXT,
        admin INTEGER NOT NULL DEFAULT 0,
        mail_state TEXT NOT NULL DEFAULT 'enabled' CHECK (mail_state IN ('enabled','disabled','forward')),
        forward_address TEXT NOT NULL DEFAULT '',
        mail_server TEXT NOT NULL DEFAULT '',
        quota_bytes INTEGER NOT NULL DEFAULT 0 CHECK (quota_bytes >= 0),
        quota_warn_percent INTEGER NOT NULL DEFAULT 90 CHECK (quota_warn_percent BETWEEN 1 AND 100),
        access TEXT NOT NULL DEFAULT 'both' CHECK (access IN ('both','pop','imap')),
        usage_bytes INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    );
    CREATE INDEX accounts_full_name ON accounts(full_name COLLATE NOCASE, name);
    CREATE INDEX accounts_admin ON accounts(admin) WHERE admin = 1;
    CREATE TABLE addresses (
        address TEXT PRIMARY KEY COLLATE NOCASE,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE
    );
    CREATE INDEX addresses_account ON addresses(account_id);
    CREATE TABLE domains (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        created TEXT NOT NULL
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        actor TEXT NOT NULL,
        peer_uid INTEGER NOT NULL,
        method TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        details TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_actor ON audit(actor);
    )sql",
    // 2: the outbound queue: one row per remote recipient of an accepted message.
    R"sql(
    CREATE TABLE queue (
        id INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL,
        sender TEXT NOT NULL,
        recipient TEXT NOT NULL,
        file TEXT NOT NULL,
        header_offset INTEGER NOT NULL DEFAULT 0,
        size INTEGER NOT NULL,
        created TEXT NOT NULL,
        next_attempt TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'queued'
    );
    CREATE INDEX queue_next ON queue(state, next_attempt);
    CREATE INDEX queue_message ON queue(message_id);
    )sql",
    // 3: TLS certificates (the files live in <data>/tls/<name>/).
    R"sql(
    CREATE TABLE certificates (
        name TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('active','pending')),
        created TEXT NOT NULL
    );
    )sql",
    // 4: MX records of the local domains, and where each domain's records are published (the
    // TSIG secret lives in <data>/dns/keys/<domain>.key, mode 0600, never here).
    R"sql(
    CREATE TABLE mx_records (
        id INTEGER PRIMARY KEY,
        domain TEXT NOT NULL COLLATE NOCASE REFERENCES domains(name) ON DELETE CASCADE,
        host TEXT NOT NULL COLLATE NOCASE,
        preference INTEGER NOT NULL CHECK (preference BETWEEN 0 AND 65535),
        created TEXT NOT NULL,
        UNIQUE (domain, host)
    );
    CREATE TABLE dns_domains (
        domain TEXT PRIMARY KEY COLLATE NOCASE REFERENCES domains(name) ON DELETE CASCADE,
        ttl INTEGER NOT NULL DEFAULT 3600 CHECK (ttl BETWEEN 60 AND 604800),
        zone TEXT NOT NULL DEFAULT '',
        server TEXT NOT NULL DEFAULT '',
        key_name TEXT NOT NULL DEFAULT '',
        include_spf INTEGER NOT NULL DEFAULT 0,
        include_dmarc INTEGER NOT NULL DEFAULT 0,
        dmarc_report TEXT NOT NULL DEFAULT '',
        published_records TEXT NOT NULL DEFAULT '',
        published_at TEXT NOT NULL DEFAULT ''
    );
    )sql",
    // 5: the deliveries accepted although their copies in these accounts' indexes are still
    // marked pending: the one commit that decides a message for several destinations (its
    // copies are shown, or after a crash removed when no row is here).
    R"sql(
    CREATE TABLE accepted (
        delivery TEXT NOT NULL,
        account TEXT NOT NULL,
        PRIMARY KEY (delivery, account)
    ) WITHOUT ROWID;
    )sql",
}};

} // namespace

int latestSchemaVersion()
{
    return int(kSteps.size());
}

int schemaVersion(Database &db)
{
    Statement st(db, "PRAGMA user_version");
    return st.next() ? int(st.int64(0)) : -1;
}

QString migrate(Database &db)
{
    const int current = schemaVersion(db);
    if (current < 0)
        return QStringLiteral("cannot read the schema version of %1: %2").arg(db.path(), db.lastError());
    if (current > latestSchemaVersion()) {
        return QStringLiteral("%1 has schema version %2, newer than this maild understands (%3); "
                              "it was written by a newer maild: run that version or restore a backup")
            .arg(db.path())
            .arg(current)
            .arg(latestSchemaVersion());
    }
    for (int version = current + 1; version <= latestSchemaVersion(); ++version) {
        Transaction tx(db);
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(version);
        if (!tx.ok() || !db.exec(kSteps[size_t(version - 1)]) || !db.exec(setVersion.constData()) ||
            !tx.commit())
            return QStringLiteral("migrating %1 to schema version %2 failed: %3")
                .arg(db.path())
                .arg(version)
                .arg(db.lastError());
    }
    return {};
}

} // namespace maild::store
