// mailctl log tail [-n N] [--level L] [--service S] [--follow]: the daemon's latest log
// lines (log.tail), and with --follow the new ones as they come (log.subscribe and the
// log.entry notifications) until SIGINT or SIGTERM. Lines read "time level service: message".
#include "commands.h"
#include "console.h"

#include "model/enums.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace mailctl {

namespace {

int g_signalPipe[2] = {-1, -1};

extern "C" void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

QString entryLine(const QJsonObject &e)
{
    return e.value(QStringLiteral("time")).toString() + QLatin1Char(' ') +
           e.value(QStringLiteral("level")).toString() + QLatin1Char(' ') +
           e.value(QStringLiteral("service")).toString() + QStringLiteral(": ") +
           e.value(QStringLiteral("message")).toString();
}

void printEntry(Session &session, const QJsonObject &e)
{
    if (session.json())
        printJson(e);
    else
        printOut(entryLine(e));
}

// Subscribes, prints the tail, then every new entry until a stop signal or disconnection.
int follow(Session &session, const QJsonObject &tailParams, const QJsonObject &filter)
{
    if (!session.open())
        return session.exitCode();
    // Entries that arrive while the tail is being fetched are kept and printed after it,
    // without those the tail already holds: nothing is lost between the two requests.
    QList<QJsonObject> early;
    bool tailPrinted = false;
    QEventLoop loop;
    QObject::connect(&session.client(), &common::control::ControlClient::notificationReceived,
                     &loop, [&](const QString &method, const QJsonObject &params) {
                         if (method != QLatin1String("log.entry"))
                             return;
                         if (tailPrinted)
                             printEntry(session, params);
                         else
                             early.append(params);
                     });
    // From here on SIGINT and SIGTERM end the loop (and the program) cleanly.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) != 0)
        return session.fail(ExitDaemonError, Mailctl::tr("cannot watch for signals"));
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    bool stop = false;
    QObject::connect(&notifier, &QSocketNotifier::activated, &loop, [&] {
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &byte, 1);
        stop = true;
        loop.quit();
    });
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    if (!session.call(QStringLiteral("log.subscribe"), filter))
        return session.exitCode();
    const std::optional<QJsonObject> tail =
        session.callObject(QStringLiteral("log.tail"), tailParams);
    if (!tail)
        return session.exitCode();
    const QJsonArray entries = tail->value(QStringLiteral("entries")).toArray();
    for (const QJsonValue &v : entries)
        printEntry(session, v.toObject());
    for (const QJsonObject &e : std::as_const(early)) {
        if (!entries.contains(e))
            printEntry(session, e);
    }
    tailPrinted = true;

    bool lost = false;
    QObject::connect(&session.client(), &common::control::ControlClient::disconnected, &loop, [&] {
        lost = true;
        loop.quit();
    });
    if (!stop && session.client().isConnected()) // a signal may have come during the tail
        loop.exec();
    else if (!stop)
        lost = true;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    notifier.setEnabled(false);
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    if (lost && !stop)
        return session.fail(ExitConnection,
                            Mailctl::tr("The connection to the mail daemon was closed."));
    return ExitOk;
}

} // namespace

int runLogTail(Session &session, const Invocation &inv)
{
    const Args &args = inv.args;
    QJsonObject filter;
    if (args.has("--level")) {
        const QString level = args.value("--level");
        if (!common::model::logLevelFromString(level))
            return inv.usage(
                Mailctl::tr("--level: \"%1\" is not one of %2")
                    .arg(level, common::model::logLevelNames().join(QStringLiteral(", "))));
        filter.insert(QStringLiteral("level"), level);
    }
    if (args.has("--service"))
        filter.insert(QStringLiteral("service"), args.value("--service"));
    QJsonObject tailParams = filter;
    if (args.has("-n")) {
        const std::optional<qint64> n = parseInteger(args.value("-n"), 1, 5000);
        if (!n)
            return inv.usage(
                Mailctl::tr("-n: \"%1\" is not a number from 1 to 5000").arg(args.value("-n")));
        tailParams.insert(QStringLiteral("limit"), *n);
    }
    if (args.has("--follow") || args.has("-f"))
        return follow(session, tailParams, filter);

    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("log.tail"), tailParams);
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    for (const QJsonValue &v : r->value(QStringLiteral("entries")).toArray())
        printOut(entryLine(v.toObject()));
    return ExitOk;
}

} // namespace mailctl
