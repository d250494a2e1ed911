// mailctl service list|start|stop: the protocol services (SMTP, POP3, IMAP, ...) and their
// state, through service.list, service.start and service.stop.
#include "commands.h"
#include "console.h"
#include "tableprinter.h"
#include "textformat.h"

#include <QCoreApplication>

namespace mailctl {

namespace {

QString describe(const QJsonObject &s)
{
    QString line = s.value(QStringLiteral("name")).toString() + QStringLiteral(": ") +
                   s.value(QStringLiteral("state")).toString();
    const QString listeners = displayValue(s.value(QStringLiteral("listeners")));
    if (!listeners.isEmpty())
        line += QLatin1Char(' ') + Mailctl::tr("on %1").arg(listeners);
    const QString error = s.value(QStringLiteral("error")).toString();
    if (!error.isEmpty())
        line += QStringLiteral(" (") + error + QLatin1Char(')');
    return line;
}

int startOrStop(Session &session, const Invocation &inv, const QString &method)
{
    const std::optional<QJsonObject> r =
        session.callObject(method, {{QStringLiteral("name"), inv.args.positional.at(0)}});
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printOut(describe(*r));
    return ExitOk;
}

} // namespace

void printServices(const QJsonArray &services)
{
    TablePrinter table({Mailctl::tr("SERVICE"), Mailctl::tr("DISPLAY NAME"), Mailctl::tr("STATE"),
                        Mailctl::tr("ENABLED"), Mailctl::tr("LISTENERS"), Mailctl::tr("ERROR")});
    for (const QJsonValue &v : services) {
        const QJsonObject s = v.toObject();
        table.addRow({s.value(QStringLiteral("name")).toString(),
                      s.value(QStringLiteral("displayName")).toString(),
                      s.value(QStringLiteral("state")).toString(),
                      yesNo(s.value(QStringLiteral("enabled")).toBool()),
                      displayValue(s.value(QStringLiteral("listeners"))),
                      s.value(QStringLiteral("error")).toString()});
    }
    table.print();
}

int runServiceList(Session &session, const Invocation &)
{
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("service.list"));
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printServices(r->value(QStringLiteral("services")).toArray());
    return ExitOk;
}

int runServiceStart(Session &session, const Invocation &inv)
{
    return startOrStop(session, inv, QStringLiteral("service.start"));
}

int runServiceStop(Session &session, const Invocation &inv)
{
    return startOrStop(session, inv, QStringLiteral("service.stop"));
}

} // namespace mailctl
