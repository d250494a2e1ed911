// mailctl settings get|set: the daemon's settings (settings.get, settings.set). set sends
// every KEY=VALUE in one request, so the change is all or nothing; a VALUE that parses as
// JSON (42, true, ["a","b"]) is sent as that value, anything else as a string.
#include "commands.h"
#include "console.h"
#include "tableprinter.h"
#include "textformat.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mailctl {

namespace {

void printSettings(const QJsonArray &settings)
{
    TablePrinter table({Mailctl::tr("KEY"), Mailctl::tr("VALUE"), Mailctl::tr("SOURCE"),
                        Mailctl::tr("DESCRIPTION")});
    for (const QJsonValue &v : settings) {
        const QJsonObject s = v.toObject();
        table.addRow({s.value(QStringLiteral("key")).toString(),
                      displayValue(s.value(QStringLiteral("value"))),
                      s.value(QStringLiteral("source")).toString(),
                      s.value(QStringLiteral("description")).toString()});
    }
    table.print();
}

int printResult(Session &session, const std::optional<QJsonObject> &r)
{
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printSettings(r->value(QStringLiteral("settings")).toArray());
    return ExitOk;
}

} // namespace

int runSettingsGet(Session &session, const Invocation &inv)
{
    QJsonObject params;
    if (!inv.args.positional.isEmpty())
        params.insert(QStringLiteral("keys"), QJsonArray::fromStringList(inv.args.positional));
    return printResult(session, session.callObject(QStringLiteral("settings.get"), params));
}

int runSettingsSet(Session &session, const Invocation &inv)
{
    QJsonObject values;
    for (const QString &arg : inv.args.positional) {
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return inv.usage(Mailctl::tr("\"%1\" is not KEY=VALUE").arg(arg));
        const QString key = arg.left(eq);
        if (values.contains(key))
            return inv.usage(Mailctl::tr("%1 is given more than once").arg(key));
        values.insert(key, parseLooseJson(arg.mid(eq + 1)));
    }
    return printResult(session, session.callObject(QStringLiteral("settings.set"),
                                                   {{QStringLiteral("values"), values}}));
}

} // namespace mailctl
