// mailctl audit list: the audit trail of administrative changes, newest first
// (audit.list), filtered by actor or method and paged with --offset/--limit.
#include "commands.h"
#include "console.h"
#include "tableprinter.h"
#include "textformat.h"

#include <QCoreApplication>
#include <limits>

namespace mailctl {

int runAuditList(Session &session, const Invocation &inv)
{
    const Args &args = inv.args;
    QJsonObject params;
    for (const char *option : {"--limit", "--offset"}) {
        if (!args.has(option))
            continue;
        const std::optional<qint64> v = parseInteger(args.value(option), option[2] == 'l' ? 1 : 0,
                                                     std::numeric_limits<int>::max());
        if (!v)
            return inv.usage(Mailctl::tr("%1: \"%2\" is not a number")
                                 .arg(QLatin1String(option), args.value(option)));
        params.insert(QLatin1String(option + 2), *v);
    }
    if (args.has("--actor"))
        params.insert(QStringLiteral("actor"), args.value("--actor"));
    if (args.has("--method"))
        params.insert(QStringLiteral("method"), args.value("--method"));

    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("audit.list"), params);
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    TablePrinter table({Mailctl::tr("ID"), Mailctl::tr("TIME"), Mailctl::tr("ACTOR"),
                        Mailctl::tr("UID"), Mailctl::tr("METHOD"), Mailctl::tr("TARGET"),
                        Mailctl::tr("DETAILS")});
    table.setRightAligned(0);
    table.setRightAligned(3);
    const QJsonArray entries = r->value(QStringLiteral("entries")).toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        const QJsonValue details = e.value(QStringLiteral("details"));
        table.addRow({displayValue(e.value(QStringLiteral("id"))),
                      e.value(QStringLiteral("time")).toString(),
                      e.value(QStringLiteral("actor")).toString(),
                      displayValue(e.value(QStringLiteral("peerUid"))),
                      e.value(QStringLiteral("method")).toString(),
                      e.value(QStringLiteral("target")).toString(),
                      details.isString() ? details.toString() : compactJson(details)});
    }
    table.print();
    const qint64 total = r->value(QStringLiteral("total")).toInteger();
    if (total > entries.size())
        printOut(Mailctl::tr("%1 of %2 entries; see --offset and --limit.")
                     .arg(entries.size())
                     .arg(total));
    return ExitOk;
}

} // namespace mailctl
