// Checking a domain's MX records against DNS (see mxcheck.h).
#include "mx/mxcheck.h"

#include "dns/dnsresolver.h"

#include <QJsonArray>

namespace maild::mx {

using dns::DnsAnswer;
using dns::DnsStatus;
using dns::RecordType;

bool MxCheckResult::differs() const
{
    if (!error.isEmpty() || !unexpected.isEmpty())
        return true;
    for (const Row &r : records) {
        if (r.state != QLatin1String("published"))
            return true;
    }
    return false;
}

QString MxCheckResult::warning() const
{
    if (!error.isEmpty())
        return QStringLiteral("DNS: cannot check the MX records of %1: %2").arg(domain, error);
    QStringList missing;
    for (const Row &r : records) {
        if (r.state != QLatin1String("published"))
            missing.append(QStringLiteral("%1 %2").arg(r.preference).arg(r.host));
    }
    QStringList extra;
    for (const Row &r : unexpected)
        extra.append(QStringLiteral("%1 %2").arg(r.preference).arg(r.host.isEmpty() ? QStringLiteral(".") : r.host));
    if (missing.isEmpty() && extra.isEmpty())
        return {};
    QStringList parts;
    if (!missing.isEmpty())
        parts.append(QStringLiteral("missing %1").arg(missing.join(QStringLiteral(", "))));
    if (!extra.isEmpty())
        parts.append(QStringLiteral("unexpected %1").arg(extra.join(QStringLiteral(", "))));
    return QStringLiteral("DNS: the MX records of %1 differ from what is configured: %2")
        .arg(domain, parts.join(QStringLiteral("; ")));
}

QJsonObject MxCheckResult::toJson() const
{
    const auto rows = [](const QList<Row> &list) {
        QJsonArray out;
        for (const Row &r : list)
            out.append(QJsonObject{{QStringLiteral("host"), r.host},
                                   {QStringLiteral("preference"), r.preference},
                                   {QStringLiteral("state"), r.state},
                                   {QStringLiteral("ttl"), qint64(r.ttl)}});
        return out;
    };
    QJsonArray hostList;
    for (const Host &h : hosts)
        hostList.append(QJsonObject{{QStringLiteral("host"), h.host},
                                    {QStringLiteral("addresses"), QJsonArray::fromStringList(h.addresses)},
                                    {QStringLiteral("error"), h.error}});
    return {{QStringLiteral("domain"), domain},
            {QStringLiteral("checkedAt"), checkedAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("error"), error},
            {QStringLiteral("server"), server},
            {QStringLiteral("differs"), differs()},
            {QStringLiteral("records"), rows(records)},
            {QStringLiteral("unexpected"), rows(unexpected)},
            {QStringLiteral("hosts"), hostList}};
}

MxCheck::MxCheck(dns::DnsResolver &resolver, common::model::MxDomain domain, Done done, QObject *parent)
    : QObject(parent), m_resolver(resolver), m_domain(std::move(domain)), m_done(std::move(done))
{
    m_result.domain = m_domain.domain;
}

void MxCheck::start()
{
    m_resolver.lookup(m_domain.domain, RecordType::Mx, this, [this](const DnsAnswer &a) { mxAnswered(a); });
}

void MxCheck::mxAnswered(const DnsAnswer &answer)
{
    m_result.server = answer.server;
    if (!answer.ok()) {
        m_result.error = answer.error;
        m_result.status = dns::statusName(answer.status);
        return finish();
    }
    // NXDOMAIN and NODATA mean: no MX records at all.
    QList<dns::DnsRecord> found = answer.records;
    QStringList hosts;
    for (const common::model::MxRecord &r : std::as_const(m_domain.records)) {
        MxCheckResult::Row row{r.host.toLower(), r.preference, QStringLiteral("missing"), 0};
        for (qsizetype i = 0; i < found.size(); ++i) {
            if (found[i].target == row.host && found[i].preference == r.preference) {
                row.state = QStringLiteral("published");
                row.ttl = found[i].ttl;
                found.removeAt(i);
                break;
            }
        }
        m_result.records.append(row);
        if (!hosts.contains(row.host))
            hosts.append(row.host);
    }
    for (const dns::DnsRecord &r : std::as_const(found)) {
        m_result.unexpected.append({r.target, r.preference, QStringLiteral("unexpected"), r.ttl});
        if (!r.target.isEmpty() && !hosts.contains(r.target))
            hosts.append(r.target);
    }
    resolveHosts(hosts);
}

void MxCheck::resolveHosts(const QStringList &hosts)
{
    for (const QString &host : hosts)
        m_result.hosts.append({host, {}, {}});
    m_pending = int(hosts.size()) * 2;
    if (m_pending == 0)
        return finish();
    for (const QString &host : hosts) {
        for (RecordType type : {RecordType::A, RecordType::Aaaa})
            m_resolver.lookup(host, type, this, [this, host](const DnsAnswer &a) { hostAnswered(host, a); });
    }
}

void MxCheck::hostAnswered(const QString &host, const DnsAnswer &answer)
{
    for (const dns::DnsRecord &r : answer.records)
        m_addresses[host].append(r.address.toString());
    if (answer.status != DnsStatus::Ok && answer.status != DnsStatus::NoData)
        m_hostErrors[host].append(answer.error);
    if (--m_pending == 0)
        finish();
}

void MxCheck::finish()
{
    for (MxCheckResult::Host &h : m_result.hosts) {
        h.addresses = m_addresses.value(h.host);
        if (h.addresses.isEmpty())
            h.error = m_hostErrors.value(h.host).isEmpty()
                          ? QStringLiteral("%1 has no address (A or AAAA) record").arg(h.host)
                          : m_hostErrors.value(h.host).join(QStringLiteral("; "));
    }
    m_result.checkedAt = QDateTime::currentDateTimeUtc();
    m_done(m_result);
    deleteLater();
}

} // namespace maild::mx
