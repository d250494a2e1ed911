// mailctl hello and status: what the daemon says about itself. hello needs no login
// (it is the protocol's greeting); status shows server.status with the services table.
#include "commands.h"
#include "console.h"
#include "tableprinter.h"
#include "textformat.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mailctl {

namespace {

QString joinStrings(const QJsonValue &array)
{
    return displayValue(array.isArray() ? array : QJsonValue(QJsonArray{}));
}

} // namespace

int runHello(Session &session, const Invocation &)
{
    if (!session.open())
        return session.exitCode();
    const QJsonObject h = session.hello();
    if (session.json()) {
        printJson(h);
        return ExitOk;
    }
    printFields(
        {{Mailctl::tr("Daemon"), h.value(QStringLiteral("daemon")).toString()},
         {Mailctl::tr("Protocol"), QString::number(h.value(QStringLiteral("protocol")).toInt())},
         {Mailctl::tr("Host"), h.value(QStringLiteral("host")).toString()},
         {Mailctl::tr("Capabilities"), joinStrings(h.value(QStringLiteral("capabilities")))},
         {Mailctl::tr("Needs bootstrap"),
          yesNo(h.value(QStringLiteral("needsBootstrap")).toBool())}});
    return ExitOk;
}

int runStatus(Session &session, const Invocation &)
{
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("server.status"));
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    const auto str = [&](const char *key) { return r->value(QLatin1String(key)).toString(); };
    const auto num = [&](const char *key) {
        return QString::number(r->value(QLatin1String(key)).toInteger());
    };
    printFields({{Mailctl::tr("Version"), str("version")},
                 {Mailctl::tr("Host"), str("host")},
                 {Mailctl::tr("PID"), num("pid")},
                 {Mailctl::tr("Started"), str("startedAt")},
                 {Mailctl::tr("Uptime"),
                  formatDuration(r->value(QStringLiteral("uptimeSeconds")).toInteger())},
                 {Mailctl::tr("Data directory"), str("dataDir")},
                 {Mailctl::tr("Profile"), str("profile")},
                 {Mailctl::tr("Control clients"), num("controlClients")}});
    printOut(QString());
    printServices(r->value(QStringLiteral("services")).toArray());
    const QJsonArray warnings = r->value(QStringLiteral("warnings")).toArray();
    if (!warnings.isEmpty()) {
        printOut(QString());
        printOut(Mailctl::tr("Warnings:"));
        for (const QJsonValue &w : warnings)
            printOut(
                QStringLiteral("  - ") +
                displayValue(w.isObject() ? w.toObject().value(QStringLiteral("message")) : w));
    }
    return ExitOk;
}

} // namespace mailctl
