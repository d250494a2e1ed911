// JSON form of Account and MailOptions.
#include "model/account.h"

#include <QJsonArray>
#include <algorithm>

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
    if (mail.quotaBytes <= 0)
        return false;
    // usage >= ceil(quota * percent / 100), computed without overflowing 64 bits.
    const qint64 percent = std::clamp<qint64>(mail.quotaWarnPercent, 0, 100);
    const qint64 part = (mail.quotaBytes % 100) * percent;
    const qint64 threshold = mail.quotaBytes / 100 * percent + part / 100 + (part % 100 != 0 ? 1 : 0);
    return usageBytes >= threshold;
}

} // namespace common::model
