// mailctl account list|get|create|update|delete|passwd: the accounts and their mail options
// (account.* methods). New passwords come from the terminal (typed twice) or the next line
// of stdin, never from argv; delete asks for confirmation on a terminal unless --yes.
#include "accountview.h"
#include "commands.h"
#include "console.h"
#include "passwordprompt.h"

#include <QCoreApplication>
#include <limits>

namespace mailctl {

namespace {

constexpr qint64 kMaxPage = 1000;
const QStringList kSortFields{QStringLiteral("name"),  QStringLiteral("fullName"),
                              QStringLiteral("state"), QStringLiteral("quota"),
                              QStringLiteral("usage"), QStringLiteral("created")};

int printAccountResult(Session &session, const std::optional<QJsonObject> &r)
{
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printAccount(*r);
    return ExitOk;
}

// Reads a new password for name; on failure ends the session with a usage error.
std::optional<QString> newPassword(Session &session, const QString &name)
{
    QString problem;
    std::optional<QString> password =
        readNewPassword(Mailctl::tr("New password for %1: ").arg(name), problem);
    if (!password)
        session.fail(ExitUsage, problem);
    return password;
}

// The fields account.create and account.update share; false after a usage error.
bool commonFields(const Invocation &inv, QJsonObject &params, QString &problem)
{
    if (inv.args.has("--full-name"))
        params.insert(QStringLiteral("fullName"), inv.args.value("--full-name"));
    if (inv.args.has("--address"))
        params.insert(QStringLiteral("addresses"),
                      QJsonArray::fromStringList(inv.args.values("--address")));
    const std::optional<QJsonObject> mail = mailOptionsFromArgs(inv.args, problem);
    if (!mail)
        return false;
    if (!mail->isEmpty())
        params.insert(QStringLiteral("mail"), *mail);
    return true;
}

} // namespace

int runAccountList(Session &session, const Invocation &inv)
{
    const Args &args = inv.args;
    QJsonObject params;
    if (args.has("--filter"))
        params.insert(QStringLiteral("filter"), args.value("--filter"));
    if (args.has("--sort")) {
        if (!kSortFields.contains(args.value("--sort")))
            return inv.usage(
                Mailctl::tr("--sort: \"%1\" is not one of %2")
                    .arg(args.value("--sort"), kSortFields.join(QStringLiteral(", "))));
        params.insert(QStringLiteral("sort"), args.value("--sort"));
    }
    if (args.has("--desc"))
        params.insert(QStringLiteral("order"), QStringLiteral("desc"));
    qint64 offset = 0;
    if (args.has("--offset")) {
        const std::optional<qint64> v =
            parseInteger(args.value("--offset"), 0, std::numeric_limits<int>::max());
        if (!v)
            return inv.usage(
                Mailctl::tr("--offset: \"%1\" is not a number from 0").arg(args.value("--offset")));
        offset = *v;
    }
    std::optional<qint64> limit;
    if (args.has("--limit")) {
        if (args.has("--all"))
            return inv.usage(Mailctl::tr("--limit and --all cannot be combined"));
        limit = parseInteger(args.value("--limit"), 1, kMaxPage);
        if (!limit)
            return inv.usage(Mailctl::tr("--limit: \"%1\" is not a number from 1 to 1000")
                                 .arg(args.value("--limit")));
        params.insert(QStringLiteral("limit"), *limit);
    }
    if (args.has("--all"))
        params.insert(QStringLiteral("limit"), kMaxPage);

    QJsonArray accounts;
    qint64 total = 0;
    do { // one page, or every page with --all
        params.insert(QStringLiteral("offset"), offset + accounts.size());
        const std::optional<QJsonObject> r =
            session.callObject(QStringLiteral("account.list"), params);
        if (!r)
            return session.exitCode();
        total = r->value(QStringLiteral("total")).toInteger();
        const QJsonArray page = r->value(QStringLiteral("accounts")).toArray();
        for (const QJsonValue &a : page)
            accounts.append(a);
        if (page.isEmpty())
            break;
    } while (args.has("--all") && offset + accounts.size() < total);

    if (session.json()) {
        printJson(QJsonObject{{QStringLiteral("total"), total},
                              {QStringLiteral("offset"), offset},
                              {QStringLiteral("accounts"), accounts}});
        return ExitOk;
    }
    printAccountTable(accounts);
    if (offset > 0 || offset + accounts.size() < total) {
        printOut(Mailctl::tr("Accounts %1-%2 of %3; see --offset, --limit and --all.")
                     .arg(accounts.isEmpty() ? offset : offset + 1)
                     .arg(offset + accounts.size())
                     .arg(total));
    }
    return ExitOk;
}

int runAccountGet(Session &session, const Invocation &inv)
{
    return printAccountResult(
        session, session.callObject(QStringLiteral("account.get"),
                                    {{QStringLiteral("name"), inv.args.positional.at(0)}}));
}

int runAccountCreate(Session &session, const Invocation &inv)
{
    const QString name = inv.args.positional.at(0);
    QJsonObject params{{QStringLiteral("name"), name}};
    QString problem;
    if (!commonFields(inv, params, problem))
        return inv.usage(problem);
    if (inv.args.has("--admin"))
        params.insert(QStringLiteral("admin"), true);
    if (!session.open()) // log in before asking for the new password
        return session.exitCode();
    if (inv.args.has("--password")) {
        std::optional<QString> password = newPassword(session, name);
        if (!password)
            return session.exitCode();
        params.insert(QStringLiteral("password"), *password);
        password->fill(QLatin1Char(' '));
    }
    return printAccountResult(session,
                              session.callObject(QStringLiteral("account.create"), params));
}

int runAccountUpdate(Session &session, const Invocation &inv)
{
    QJsonObject params{{QStringLiteral("name"), inv.args.positional.at(0)}};
    QString problem;
    if (!commonFields(inv, params, problem))
        return inv.usage(problem);
    if (inv.args.has("--no-addresses")) {
        if (inv.args.has("--address"))
            return inv.usage(Mailctl::tr("--no-addresses and --address cannot be combined"));
        params.insert(QStringLiteral("addresses"), QJsonArray());
    }
    if (inv.args.has("--admin")) {
        const QString v = inv.args.value("--admin");
        if (v != QLatin1String("yes") && v != QLatin1String("no"))
            return inv.usage(Mailctl::tr("--admin: \"%1\" is neither yes nor no").arg(v));
        params.insert(QStringLiteral("admin"), v == QLatin1String("yes"));
    }
    if (params.size() == 1)
        return inv.usage(Mailctl::tr("nothing to change: give at least one option"));
    return printAccountResult(session,
                              session.callObject(QStringLiteral("account.update"), params));
}

int runAccountDelete(Session &session, const Invocation &inv)
{
    const QString name = inv.args.positional.at(0);
    const bool yes = inv.args.has("--yes") || inv.args.has("-y");
    if (!yes && !stdinIsTerminal())
        return inv.usage(
            Mailctl::tr("refusing to delete %1 without --yes when standard input is not a terminal")
                .arg(name));
    if (!yes) {
        // Make sure the account exists (and the password is right) before asking.
        if (!session.call(QStringLiteral("account.get"), {{QStringLiteral("name"), name}}))
            return session.exitCode();
        if (!askYesNo(Mailctl::tr("Delete account %1 and its mail? [y/N]").arg(name))) {
            printErr(Mailctl::tr("Nothing deleted."));
            return ExitDaemonError;
        }
    }
    const std::optional<QJsonObject> r =
        session.callObject(QStringLiteral("account.delete"), {{QStringLiteral("name"), name}});
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printOut(Mailctl::tr("Deleted the account %1.").arg(name));
    return ExitOk;
}

int runAccountPasswd(Session &session, const Invocation &inv)
{
    const QString name = inv.args.positional.at(0);
    if (!session.open())
        return session.exitCode();
    std::optional<QString> password = newPassword(session, name);
    if (!password)
        return session.exitCode();
    const QJsonObject params{{QStringLiteral("name"), name},
                             {QStringLiteral("password"), *password}};
    password->fill(QLatin1Char(' '));
    const std::optional<QJsonObject> r =
        session.callObject(QStringLiteral("account.setPassword"), params);
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printOut(Mailctl::tr("Changed the password of %1.").arg(name));
    return ExitOk;
}

} // namespace mailctl
