// Accounts as CSV (see accountcsv.h).
#include "accountcsv.h"

#include "validation/validation.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QJsonArray>
#include <QSet>

namespace usermgr::accountcsv {

using common::model::Account;
namespace validation = common::validation;

namespace {

// The context of this file's sentences in the translations.
struct AccountCsv
{
    Q_DECLARE_TR_FUNCTIONS(usermgr::AccountCsv)
};

QString quoted(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString escaped = field;
    escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QStringList columns()
{
    return {QStringLiteral("name"),           QStringLiteral("fullName"),
            QStringLiteral("addresses"),      QStringLiteral("mailState"),
            QStringLiteral("forwardAddress"), QStringLiteral("mailServer"),
            QStringLiteral("quotaBytes"),     QStringLiteral("access"),
            QStringLiteral("password")};
}

QList<QStringList> parseRecords(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool inQuotes = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            inQuotes = true;
            any = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            any = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (any || !field.isEmpty()) {
                record.append(field);
                records.append(record);
            }
            record.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

QList<ImportRow> parseImport(const QString &text)
{
    QList<ImportRow> rows;
    QList<QStringList> records = parseRecords(text);
    if (records.isEmpty()) {
        ImportRow empty;
        empty.errors.append(AccountCsv::tr("The file holds no accounts."));
        return {empty};
    }
    const QStringList header = records.takeFirst();
    QHash<QString, int> column;
    for (int i = 0; i < header.size(); ++i)
        column.insert(header.at(i).trimmed(), i);
    if (!column.contains(QStringLiteral("name"))) {
        ImportRow bad;
        bad.errors.append(AccountCsv::tr("The first line must name the columns: %1.")
                              .arg(columns().join(QStringLiteral(", "))));
        return {bad};
    }
    QSet<QString> seenNames;
    int number = 0;
    for (const QStringList &record : std::as_const(records)) {
        ImportRow r;
        r.row = ++number;
        const auto field = [&](const char *name) {
            const int i = column.value(QLatin1String(name), -1);
            return i >= 0 ? record.value(i).trimmed() : QString();
        };
        if (record.size() > header.size())
            r.errors.append(AccountCsv::tr("more fields than columns"));
        Account &a = r.account;
        a.name = field("name");
        if (auto problem = validation::checkShortName(a.name))
            r.errors.append(AccountCsv::tr("name: %1").arg(*problem));
        else if (seenNames.contains(a.name))
            r.errors.append(AccountCsv::tr("name: %1 appears twice in the file").arg(a.name));
        seenNames.insert(a.name);
        a.fullName = field("fullName");
        if (auto problem = validation::checkFullName(a.fullName))
            r.errors.append(AccountCsv::tr("full name: %1").arg(*problem));
        for (const QString &part : field("addresses").split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QString address = part.trimmed();
            if (address.isEmpty())
                continue;
            if (auto problem = validation::checkEmailAddress(address))
                r.errors.append(AccountCsv::tr("address %1: %2").arg(address, *problem));
            else
                a.addresses.append(validation::normalizeAddress(address));
        }
        const QString state = field("mailState");
        if (!state.isEmpty()) {
            if (auto s = common::model::mailStateFromString(state))
                a.mail.state = *s;
            else
                r.errors.append(AccountCsv::tr("mail state must be enabled, disabled or forward"));
        }
        a.mail.forwardAddress = field("forwardAddress");
        if (!a.mail.forwardAddress.isEmpty()) {
            if (auto problem = validation::checkEmailAddress(a.mail.forwardAddress))
                r.errors.append(AccountCsv::tr("forward address: %1").arg(*problem));
        } else if (a.mail.state == common::model::MailState::Forward) {
            r.errors.append(AccountCsv::tr("forwarding needs the address to forward to"));
        }
        a.mail.server = field("mailServer");
        if (!a.mail.server.isEmpty()) {
            if (auto problem = validation::checkDomainName(a.mail.server))
                r.errors.append(AccountCsv::tr("mail server: %1").arg(*problem));
        }
        const QString quota = field("quotaBytes");
        if (!quota.isEmpty()) {
            bool ok = false;
            a.mail.quotaBytes = quota.toLongLong(&ok);
            if (!ok || a.mail.quotaBytes < 0)
                r.errors.append(AccountCsv::tr("quota must be a number of bytes (0: no limit)"));
        }
        const QString access = field("access");
        if (!access.isEmpty()) {
            if (auto s = common::model::mailAccessFromString(access))
                a.mail.access = *s;
            else
                r.errors.append(AccountCsv::tr("access must be both, pop or imap"));
        }
        const int passwordColumn = column.value(QStringLiteral("password"), -1);
        r.password = passwordColumn >= 0 ? record.value(passwordColumn) : QString();
        if (!r.password.isEmpty()) {
            if (auto problem = validation::checkPassword(r.password))
                r.errors.append(AccountCsv::tr("password: %1").arg(*problem));
        }
        rows.append(r);
    }
    return rows;
}

QString exportAccounts(const QList<Account> &accounts)
{
    QStringList header = columns();
    header.removeLast(); // never the password
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const Account &a : accounts) {
        const QStringList fields{a.name,
                                 a.fullName,
                                 a.addresses.join(QLatin1Char(';')),
                                 common::model::toString(a.mail.state),
                                 a.mail.forwardAddress,
                                 a.mail.server,
                                 QString::number(a.mail.quotaBytes),
                                 common::model::toString(a.mail.access)};
        QStringList cells;
        for (const QString &f : fields)
            cells.append(quoted(f));
        out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

QJsonObject createParams(const ImportRow &row)
{
    const Account &a = row.account;
    QJsonObject params{{QStringLiteral("name"), a.name}};
    if (!a.fullName.isEmpty())
        params.insert(QStringLiteral("fullName"), a.fullName);
    if (!a.addresses.isEmpty())
        params.insert(QStringLiteral("addresses"), QJsonArray::fromStringList(a.addresses));
    QJsonObject mail{{QStringLiteral("state"), common::model::toString(a.mail.state)},
                     {QStringLiteral("quotaBytes"), a.mail.quotaBytes},
                     {QStringLiteral("access"), common::model::toString(a.mail.access)}};
    if (!a.mail.forwardAddress.isEmpty())
        mail.insert(QStringLiteral("forwardAddress"), a.mail.forwardAddress);
    if (!a.mail.server.isEmpty())
        mail.insert(QStringLiteral("server"), a.mail.server);
    params.insert(QStringLiteral("mail"), mail);
    if (!row.password.isEmpty())
        params.insert(QStringLiteral("password"), row.password);
    return params;
}

} // namespace usermgr::accountcsv
