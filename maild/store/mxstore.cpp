// MX records and their publishing settings in maild.db (see mxstore.h).
#include "store/mxstore.h"

#include "store/database.h"

#include <QSet>
#include <algorithm>
#include <sqlite3.h>

namespace maild::store {

using common::model::MxDomain;
using common::model::MxPublishing;
using common::model::MxRecord;

namespace {

QString recordLine(const MxRecord &r)
{
    return QStringLiteral("%1 %2").arg(r.preference).arg(r.host.toLower());
}

} // namespace

QString publishedForm(const QList<MxRecord> &records, int ttl)
{
    QStringList lines;
    for (const MxRecord &r : records)
        lines.append(recordLine(r));
    std::sort(lines.begin(), lines.end());
    lines.prepend(QStringLiteral("ttl %1").arg(ttl));
    return lines.join(QLatin1Char('\n'));
}

StoreResult MxStore::checkDomain(const QString &domain)
{
    Statement st(m_db, "SELECT 1 FROM domains WHERE name = ?1");
    st.bind(1, domain);
    if (!st.next())
        return StoreError{StoreError::Kind::NotFound,
                          QStringLiteral("%1 is not a local domain: add it first (domain.add)").arg(domain),
                          QStringLiteral("domain")};
    return std::nullopt;
}

StoreResult MxStore::ensureRow(const QString &domain)
{
    Statement st(m_db, "INSERT OR IGNORE INTO dns_domains (domain) VALUES (?1)");
    st.bind(1, domain);
    if (!st.exec())
        return storageError(m_db);
    return std::nullopt;
}

QList<MxRecord> MxStore::records(const QString &domain)
{
    QList<MxRecord> out;
    Statement st(m_db, "SELECT host, preference FROM mx_records WHERE domain = ?1 ORDER BY preference, host");
    st.bind(1, domain);
    while (st.next())
        out.append({st.text(0), int(st.int64(1)), false});
    return out;
}

std::optional<MxDomain> MxStore::domain(const QString &name)
{
    Statement st(m_db, "SELECT d.name, x.zone, x.server, x.key_name, x.include_spf, x.include_dmarc, x.dmarc_report, "
                       "x.published_records, x.published_at, coalesce(x.ttl, 3600) FROM domains d LEFT JOIN dns_domains x ON x.domain = d.name "
                       "WHERE d.name = ?1");
    st.bind(1, name);
    if (!st.next())
        return std::nullopt;
    MxDomain d;
    d.domain = st.text(0);
    d.publishing.zone = st.text(1);
    d.publishing.server = st.text(2);
    d.publishing.keyName = st.text(3);
    d.publishing.includeSpf = st.int64(4) != 0;
    d.publishing.includeDmarc = st.int64(5) != 0;
    d.dmarcReport = st.text(6).isEmpty() ? QStringLiteral("postmaster@") + d.domain : st.text(6);
    const QString published = st.text(7);
    d.publishedAt = st.text(8);
    d.ttl = int(st.int64(9));
    d.records = records(d.domain);
    const QStringList sentLines = published.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QSet<QString> sent(sentLines.begin(), sentLines.end());
    for (MxRecord &r : d.records)
        r.published = sent.contains(recordLine(r)) && sent.contains(QStringLiteral("ttl %1").arg(d.ttl));
    d.pendingChanges = publishedForm(d.records, d.ttl) != published;
    return d;
}

QList<MxDomain> MxStore::domains()
{
    QStringList names;
    Statement st(m_db, "SELECT name FROM domains ORDER BY name");
    while (st.next())
        names.append(st.text(0));
    QList<MxDomain> out;
    for (const QString &name : std::as_const(names)) {
        if (auto d = domain(name))
            out.append(*d);
    }
    return out;
}

StoreResult MxStore::add(const QString &domain, const MxRecord &record)
{
    if (auto e = checkDomain(domain))
        return e;
    Statement st(m_db, "INSERT INTO mx_records (domain, host, preference, created) VALUES (?1, ?2, ?3, ?4)");
    st.bind(1, domain).bind(2, record.host).bind(3, record.preference).bind(4, utcNow());
    if (!st.exec()) {
        if (st.errorCode() == SQLITE_CONSTRAINT)
            return StoreError{StoreError::Kind::AlreadyExists,
                              QStringLiteral("%1 already has an MX record for %2").arg(domain, record.host),
                              QStringLiteral("host")};
        return storageError(m_db);
    }
    return std::nullopt;
}

StoreResult MxStore::update(const QString &domain, const QString &host, const MxRecord &record)
{
    if (auto e = checkDomain(domain))
        return e;
    Statement st(m_db, "UPDATE mx_records SET host = ?3, preference = ?4 WHERE domain = ?1 AND host = ?2");
    st.bind(1, domain).bind(2, host).bind(3, record.host).bind(4, record.preference);
    if (!st.exec()) {
        if (st.errorCode() == SQLITE_CONSTRAINT)
            return StoreError{StoreError::Kind::AlreadyExists,
                              QStringLiteral("%1 already has an MX record for %2").arg(domain, record.host),
                              QStringLiteral("newHost")};
        return storageError(m_db);
    }
    if (m_db.changes() == 0)
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("%1 has no MX record for %2").arg(domain, host),
                          QStringLiteral("host")};
    return std::nullopt;
}

StoreResult MxStore::remove(const QString &domain, const QString &host)
{
    if (auto e = checkDomain(domain))
        return e;
    Statement st(m_db, "DELETE FROM mx_records WHERE domain = ?1 AND host = ?2");
    st.bind(1, domain).bind(2, host);
    if (!st.exec())
        return storageError(m_db);
    if (m_db.changes() == 0)
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("%1 has no MX record for %2").arg(domain, host),
                          QStringLiteral("host")};
    return std::nullopt;
}

StoreResult MxStore::setPublishing(const QString &domain, const MxPublishing &p, const QString &dmarcReport, int ttl)
{
    if (auto e = checkDomain(domain))
        return e;
    if (auto e = ensureRow(domain))
        return e;
    Statement st(m_db, "UPDATE dns_domains SET zone = ?2, server = ?3, key_name = ?4, include_spf = ?5, "
                       "include_dmarc = ?6, dmarc_report = ?7, ttl = ?8 WHERE domain = ?1");
    st.bind(1, domain).bind(2, p.zone).bind(3, p.server).bind(4, p.keyName).bind(5, p.includeSpf).bind(6, p.includeDmarc)
        .bind(7, dmarcReport).bind(8, ttl);
    if (!st.exec())
        return storageError(m_db);
    return std::nullopt;
}

StoreResult MxStore::markPublished(const MxDomain &sent)
{
    if (auto e = ensureRow(sent.domain))
        return e;
    Statement st(m_db, "UPDATE dns_domains SET published_records = ?2, published_at = ?3 WHERE domain = ?1");
    st.bind(1, sent.domain).bind(2, publishedForm(sent.records, sent.ttl)).bind(3, utcNow());
    if (!st.exec())
        return storageError(m_db);
    return std::nullopt;
}

} // namespace maild::store
