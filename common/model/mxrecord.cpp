// JSON form of the MX record types (see mxrecord.h).
#include "model/mxrecord.h"

#include <QJsonArray>

namespace common::model {

QJsonObject MxRecord::toJson() const
{
    return {{QStringLiteral("host"), host},
            {QStringLiteral("preference"), preference},
            {QStringLiteral("published"), published}};
}

MxRecord MxRecord::fromJson(const QJsonObject &o)
{
    MxRecord r;
    r.host = o.value(QStringLiteral("host")).toString();
    r.preference = o.value(QStringLiteral("preference")).toInt();
    r.published = o.value(QStringLiteral("published")).toBool();
    return r;
}

QJsonObject MxPublishing::toJson() const
{
    return {{QStringLiteral("zone"), zone},
            {QStringLiteral("server"), server},
            {QStringLiteral("keyName"), keyName},
            {QStringLiteral("hasSecret"), hasSecret},
            {QStringLiteral("includeSpf"), includeSpf},
            {QStringLiteral("includeDmarc"), includeDmarc}};
}

MxPublishing MxPublishing::fromJson(const QJsonObject &o)
{
    MxPublishing p;
    p.zone = o.value(QStringLiteral("zone")).toString();
    p.server = o.value(QStringLiteral("server")).toString();
    p.keyName = o.value(QStringLiteral("keyName")).toString();
    p.hasSecret = o.value(QStringLiteral("hasSecret")).toBool();
    p.includeSpf = o.value(QStringLiteral("includeSpf")).toBool();
    p.includeDmarc = o.value(QStringLiteral("includeDmarc")).toBool();
    return p;
}

QJsonObject MxDomain::toJson() const
{
    QJsonArray list;
    for (const MxRecord &r : records)
        list.append(r.toJson());
    return {{QStringLiteral("domain"), domain},
            {QStringLiteral("records"), list},
            {QStringLiteral("ttl"), ttl},
            {QStringLiteral("publishing"), publishing.toJson()},
            {QStringLiteral("dmarcReport"), dmarcReport},
            {QStringLiteral("publishedAt"), publishedAt},
            {QStringLiteral("pendingChanges"), pendingChanges},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
}

MxDomain MxDomain::fromJson(const QJsonObject &o)
{
    MxDomain d;
    d.domain = o.value(QStringLiteral("domain")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("records")).toArray())
        d.records.append(MxRecord::fromJson(v.toObject()));
    d.ttl = o.value(QStringLiteral("ttl")).toInt(3600);
    d.publishing = MxPublishing::fromJson(o.value(QStringLiteral("publishing")).toObject());
    d.dmarcReport = o.value(QStringLiteral("dmarcReport")).toString();
    d.publishedAt = o.value(QStringLiteral("publishedAt")).toString();
    d.pendingChanges = o.value(QStringLiteral("pendingChanges")).toBool();
    for (const QJsonValue &v : o.value(QStringLiteral("warnings")).toArray())
        d.warnings.append(v.toString());
    return d;
}

} // namespace common::model
