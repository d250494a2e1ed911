// mailctl alias list|add|remove: extra addresses that deliver to an account
// (alias.list, alias.add, alias.remove).
#include "commands.h"
#include "console.h"
#include "tableprinter.h"

#include <QCoreApplication>

namespace mailctl {

namespace {

int report(Session &session, const std::optional<QJsonObject> &r, const QString &text)
{
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printOut(text);
    return ExitOk;
}

} // namespace

int runAliasList(Session &session, const Invocation &inv)
{
    QJsonObject params;
    if (!inv.args.positional.isEmpty())
        params.insert(QStringLiteral("account"), inv.args.positional.at(0));
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("alias.list"), params);
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    TablePrinter table({Mailctl::tr("ADDRESS"), Mailctl::tr("ACCOUNT")});
    for (const QJsonValue &v : r->value(QStringLiteral("aliases")).toArray()) {
        const QJsonObject a = v.toObject();
        table.addRow({a.value(QStringLiteral("address")).toString(),
                      a.value(QStringLiteral("account")).toString()});
    }
    table.print();
    return ExitOk;
}

int runAliasAdd(Session &session, const Invocation &inv)
{
    const QString address = inv.args.positional.at(0), account = inv.args.positional.at(1);
    return report(
        session,
        session.callObject(QStringLiteral("alias.add"), {{QStringLiteral("address"), address},
                                                         {QStringLiteral("account"), account}}),
        Mailctl::tr("Mail to %1 now goes to %2.").arg(address, account));
}

int runAliasRemove(Session &session, const Invocation &inv)
{
    const QString address = inv.args.positional.at(0);
    return report(
        session,
        session.callObject(QStringLiteral("alias.remove"), {{QStringLiteral("address"), address}}),
        Mailctl::tr("Removed the alias %1.").arg(address));
}

} // namespace mailctl
