// What the world sees of a domain's MX records: asks the resolver for the domain's MX
// records, compares them with the configured ones (published / missing, and the unexpected
// ones), and resolves each mail host's addresses. One MxCheck per check; it deletes itself
// once it has reported.
#pragma once

#include "dns/dnstypes.h"

#include <model/mxrecord.h>

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <functional>

namespace maild::dns {
class DnsResolver;
}

namespace maild::mx {

struct MxCheckResult
{
    struct Row
    {
        QString host;
        int preference = 0;
        QString state; // "published", "missing" (configured) or "unexpected" (only in DNS)
        quint32 ttl = 0;
    };
    struct Host
    {
        QString host;
        QStringList addresses;
        QString error; // when neither A nor AAAA could be resolved
    };

    QString domain;
    QDateTime checkedAt;
    QString error;  // the MX look-up failed (timeout, SERVFAIL...): nothing could be compared
    QString status; // then its status name ("timeout", "SERVFAIL"...)
    QString server; // the DNS server that answered
    QList<Row> records;    // the configured records, in their order
    QList<Row> unexpected; // MX records in DNS that are not configured
    QList<Host> hosts;

    bool differs() const;
    // A sentence for server.status when the check found a difference, else "".
    QString warning() const;
    QJsonObject toJson() const;
};

class MxCheck : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const MxCheckResult &)>;
    MxCheck(dns::DnsResolver &resolver, common::model::MxDomain domain, Done done, QObject *parent = nullptr);
    void start();

private:
    void mxAnswered(const dns::DnsAnswer &answer);
    void resolveHosts(const QStringList &hosts);
    void hostAnswered(const QString &host, const dns::DnsAnswer &answer);
    void finish();

    dns::DnsResolver &m_resolver;
    common::model::MxDomain m_domain;
    Done m_done;
    MxCheckResult m_result;
    int m_pending = 0;
    QHash<QString, QStringList> m_addresses;
    QHash<QString, QStringList> m_hostErrors;
};

} // namespace maild::mx
