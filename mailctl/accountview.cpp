// Account display and mail-option parsing (see accountview.h).
#include "accountview.h"

#include "console.h"
#include "tableprinter.h"
#include "textformat.h"

#include "model/enums.h"

#include <QCoreApplication>

namespace mailctl {

namespace {

QString mailState(const QJsonObject &mail)
{
    const QString state = mail.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("forward"))
        return Mailctl::tr("forward to %1")
            .arg(mail.value(QStringLiteral("forwardAddress")).toString());
    return state;
}

QString quota(const QJsonObject &mail)
{
    const qint64 bytes = mail.value(QStringLiteral("quotaBytes")).toInteger();
    return bytes > 0 ? formatSize(bytes) : Mailctl::tr("none");
}

QString access(const QString &wire)
{
    if (wire == QLatin1String("both"))
        return Mailctl::tr("POP and IMAP");
    if (wire == QLatin1String("pop"))
        return Mailctl::tr("POP only");
    if (wire == QLatin1String("imap"))
        return Mailctl::tr("IMAP only");
    return wire;
}

} // namespace

void printAccountTable(const QJsonArray &accounts)
{
    TablePrinter table({Mailctl::tr("NAME"), Mailctl::tr("FULL NAME"), Mailctl::tr("ADMIN"),
                        Mailctl::tr("MAIL"), Mailctl::tr("QUOTA"), Mailctl::tr("USAGE"),
                        Mailctl::tr("ADDRESSES")});
    table.setRightAligned(4);
    table.setRightAligned(5);
    for (const QJsonValue &v : accounts) {
        const QJsonObject a = v.toObject();
        const QJsonObject mail = a.value(QStringLiteral("mail")).toObject();
        table.addRow({a.value(QStringLiteral("name")).toString(),
                      a.value(QStringLiteral("fullName")).toString(),
                      yesNo(a.value(QStringLiteral("admin")).toBool()), mailState(mail),
                      quota(mail), formatSize(a.value(QStringLiteral("usageBytes")).toInteger()),
                      displayValue(a.value(QStringLiteral("addresses")))});
    }
    table.print();
}

void printAccount(const QJsonObject &a)
{
    const QJsonObject mail = a.value(QStringLiteral("mail")).toObject();
    const QString server = mail.value(QStringLiteral("server")).toString();
    QString usage = formatSize(a.value(QStringLiteral("usageBytes")).toInteger());
    const qint64 quotaBytes = mail.value(QStringLiteral("quotaBytes")).toInteger();
    if (quotaBytes > 0)
        usage += Mailctl::tr(" (%1% of quota)")
                     .arg(a.value(QStringLiteral("usageBytes")).toInteger() * 100 / quotaBytes);
    QString quotaText = quota(mail);
    if (quotaBytes > 0)
        quotaText += Mailctl::tr(", warn at %1%")
                         .arg(mail.value(QStringLiteral("quotaWarnPercent")).toInt());
    printFields({
        {Mailctl::tr("Name"), a.value(QStringLiteral("name")).toString()},
        {Mailctl::tr("Full name"), a.value(QStringLiteral("fullName")).toString()},
        {Mailctl::tr("Administrator"), yesNo(a.value(QStringLiteral("admin")).toBool())},
        {Mailctl::tr("Password"), a.value(QStringLiteral("hasPassword")).toBool()
                                      ? Mailctl::tr("set")
                                      : Mailctl::tr("not set")},
        {Mailctl::tr("Addresses"), displayValue(a.value(QStringLiteral("addresses")))},
        {Mailctl::tr("Mail"), mailState(mail)},
        {Mailctl::tr("Mail server"), server.isEmpty() ? Mailctl::tr("this server") : server},
        {Mailctl::tr("Quota"), quotaText},
        {Mailctl::tr("Usage"), usage},
        {Mailctl::tr("Access"), access(mail.value(QStringLiteral("access")).toString())},
        {Mailctl::tr("Created"), a.value(QStringLiteral("created")).toString()},
        {Mailctl::tr("Modified"), a.value(QStringLiteral("modified")).toString()},
    });
}

std::optional<QJsonObject> mailOptionsFromArgs(const Args &args, QString &problem)
{
    using namespace common::model;
    QJsonObject mail;
    if (args.has("--mail")) {
        const QString v = args.value("--mail");
        if (!mailStateFromString(v)) {
            problem = Mailctl::tr("--mail: \"%1\" is not one of %2")
                          .arg(v, mailStateNames().join(QStringLiteral(", ")));
            return std::nullopt;
        }
        mail.insert(QStringLiteral("state"), v);
    }
    if (args.has("--forward")) {
        mail.insert(QStringLiteral("forwardAddress"), args.value("--forward"));
        if (!args.has("--mail")) // forwarding to an address means forwarding
            mail.insert(QStringLiteral("state"), QStringLiteral("forward"));
    }
    if (args.has("--mail-server"))
        mail.insert(QStringLiteral("server"), args.value("--mail-server"));
    if (args.has("--quota")) {
        const std::optional<qint64> bytes = parseSize(args.value("--quota"));
        if (!bytes) {
            problem =
                Mailctl::tr("--quota: \"%1\" is not a size (bytes, or a number with K, M, G or T; "
                            "0 for none)")
                    .arg(args.value("--quota"));
            return std::nullopt;
        }
        mail.insert(QStringLiteral("quotaBytes"), *bytes);
    }
    if (args.has("--quota-warn")) {
        QString v = args.value("--quota-warn");
        if (v.endsWith(QLatin1Char('%')))
            v.chop(1);
        const std::optional<qint64> percent = parseInteger(v, 1, 100);
        if (!percent) {
            problem = Mailctl::tr("--quota-warn: \"%1\" is not a percentage from 1 to 100")
                          .arg(args.value("--quota-warn"));
            return std::nullopt;
        }
        mail.insert(QStringLiteral("quotaWarnPercent"), *percent);
    }
    if (args.has("--access")) {
        const QString v = args.value("--access");
        if (!mailAccessFromString(v)) {
            problem = Mailctl::tr("--access: \"%1\" is not one of %2")
                          .arg(v, mailAccessNames().join(QStringLiteral(", ")));
            return std::nullopt;
        }
        mail.insert(QStringLiteral("access"), v);
    }
    return mail;
}

} // namespace mailctl
