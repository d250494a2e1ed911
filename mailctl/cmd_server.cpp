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

QString tr(const char *text)
{
    return QCoreApplication::translate("Mailctl", text);
}

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
        {{tr("Daemon"), h.value(QStringLiteral("daemon")).toString()},
         {tr("Protocol"), QString::number(h.value(QStringLiteral("protocol")).toInt())},
         {tr("Host"), h.value(QStringLiteral("host")).toString()},
         {tr("Capabilities"), joinStrings(h.value(QStringLiteral("capabilities")))},
         {tr("Needs bootstrap"), yesNo(h.value(QStringLiteral("needsBootstrap")).toBool())}});
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
    printFields(
        {{tr("Version"), str("version")},
         {tr("Host"), str("host")},
         {tr("PID"), num("pid")},
         {tr("Started"), str("startedAt")},
         {tr("Uptime"), formatDuration(r->value(QStringLiteral("uptimeSeconds")).toInteger())},
         {tr("Data directory"), str("dataDir")},
         {tr("Profile"), str("profile")},
         {tr("Control clients"), num("controlClients")}});
    printOut(QString());
    printServices(r->value(QStringLiteral("services")).toArray());
    const QJsonArray warnings = r->value(QStringLiteral("warnings")).toArray();
    if (!warnings.isEmpty()) {
        printOut(QString());
        printOut(tr("Warnings:"));
        for (const QJsonValue &w : warnings)
            printOut(
                QStringLiteral("  - ") +
                displayValue(w.isObject() ? w.toObject().value(QStringLiteral("message")) : w));
    }
    return ExitOk;
}

} // namespace mailctl
