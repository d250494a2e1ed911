// The MX records of the local domains and how each domain's records are published, in
// maild.db. Callers validate syntax (common/validation); the store enforces what needs the
// stored state: the domain is local, a host is listed once per domain. The TSIG secret is not
// kept here (see dns/tsigkeyfiles.h).
#pragma once

#include "store/storeerror.h"

#include <model/mxrecord.h>

#include <QStringList>

namespace maild::store {

class Database;

class MxStore
{
public:
    explicit MxStore(Database &db) : m_db(db) {}

    // A domain's records (by preference, then host) and publishing settings. The records'
    // published flags and pendingChanges compare with what the last publish sent; warnings
    // are the caller's.
    std::optional<common::model::MxDomain> domain(const QString &domain);
    // Every local domain, with or without records.
    QList<common::model::MxDomain> domains();

    StoreResult add(const QString &domain, const common::model::MxRecord &record);
    // Changes the record of host (its host name too, when record.host differs).
    StoreResult update(const QString &domain, const QString &host, const common::model::MxRecord &record);
    StoreResult remove(const QString &domain, const QString &host);

    // Publishing: zone, server, key name, the TXT suggestions to include; hasSecret is not
    // stored. dmarcReport: the rua address of the suggested DMARC record ("" = postmaster@).
    StoreResult setPublishing(const QString &domain, const common::model::MxPublishing &publishing,
                              const QString &dmarcReport, int ttl);
    // Remembers what a successful publish sent, and when.
    StoreResult markPublished(const common::model::MxDomain &domain);

private:
    StoreResult checkDomain(const QString &domain);
    StoreResult ensureRow(const QString &domain);
    QList<common::model::MxRecord> records(const QString &domain);

    Database &m_db;
};

// The form in which published records are remembered: "preference host" lines, sorted, after
// the RRset's TTL.
QString publishedForm(const QList<common::model::MxRecord> &records, int ttl);

} // namespace maild::store
