// JSON form of Account and MailOptions.
#include "model/account.h"

#include <QJsonArray>

namespace common::model {

QJsonObject MailOptions::toJson() const
{
    return {{QStringLiteral("state"), toString(state)},
            {QStringLiteral("forwardAddress"), forwardAddress},
            {QStringLiteral("server"), server},
            {QStringLiteral("quotaBytes"), quotaBytes},
            {QStringLiteral("quotaWarnPercent"), quotaWarnPercent},
            {QStringLiteral("access"), toString(access)}};
}

MailOptions MailOptions::fromJson(const QJsonObject &o)
{
    MailOptions m;
    m.state = mailStateFromString(o.value(QStringLiteral("state")).toString()).value_or(MailState::Enabled);
    m.forwardAddress = o.value(QStringLiteral("forwardAddress")).toString();
    m.server = o.value(QStringLiteral("server")).toString();
    m.quotaBytes = o.value(QStringLiteral("quotaBytes")).toInteger();
    m.quotaWarnPercent = o.value(QStringLiteral("quotaWarnPercent")).toInt(90);
    m.access = mailAccessFromString(o.value(QStringLiteral("access")).toString()).value_or(MailAccess::Both);
    return m;
}

QJsonObject Account::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("fullName"), fullName},
            {QStringLiteral("admin"), admin},
            {QStringLiteral("hasPassword"), hasPassword},
            {QStringLiteral("addresses"), QJsonArray::fromStringList(addresses)},
            {QStringLiteral("mail"), mail.toJson()},
            {QStringLiteral("usageBytes"), usageBytes},
            {QStringLiteral("created"), created.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("modified"), modified.toUTC().toString(Qt::ISODate)}};
}

Account Account::fromJson(const QJsonObject &o)
{
    Account a;
    a.name = o.value(QStringLiteral("name")).toString();
    a.fullName = o.value(QStringLiteral("fullName")).toString();
    a.admin = o.value(QStringLiteral("admin")).toBool();
    a.hasPassword = o.value(QStringLiteral("hasPassword")).toBool();
    for (const QJsonValue &v : o.value(QStringLiteral("addresses")).toArray())
        a.addresses.append(v.toString());
    a.mail = MailOptions::fromJson(o.value(QStringLiteral("mail")).toObject());
    a.usageBytes = o.value(QStringLiteral("usageBytes")).toInteger();
    a.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
    a.modified = QDateTime::fromString(o.value(QStringLiteral("modified")).toString(), Qt::ISODate);
    return a;
}

bool Account::pastQuotaWarning() const
{
    return mail.quotaBytes > 0 && usageBytes * 100 >= mail.quotaBytes * mail.quotaWarnPercent;
}

} // namespace common::model
