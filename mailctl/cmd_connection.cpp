// mailctl connections|disconnect|stats: the open mail connections (connection.list), ending
// one of them (connection.close) and the traffic of the last minutes and of today
// (stats.get) — what mailadmin's Connections and Graphs panes show.
#include "commands.h"
#include "console.h"
#include "tableprinter.h"
#include "textformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <limits>

namespace mailctl {

namespace {

constexpr int kStatsMinutes = 10;

QString localTime(const QString &iso, const char *format)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? t.toLocalTime().toString(QLatin1String(format)) : iso;
}

} // namespace

int runConnectionList(Session &session, const Invocation &inv)
{
    QJsonObject params;
    if (inv.args.has("--service"))
        params.insert(QStringLiteral("service"), inv.args.value("--service"));
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("connection.list"), params);
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    TablePrinter table({Mailctl::tr("ID"), Mailctl::tr("SERVICE"), Mailctl::tr("CLIENT"),
                        Mailctl::tr("USER"), Mailctl::tr("MAILBOX"), Mailctl::tr("TLS"),
                        Mailctl::tr("SINCE")});
    table.setRightAligned(0);
    for (const QJsonValue &v : r->value(QStringLiteral("connections")).toArray()) {
        const QJsonObject c = v.toObject();
        QString mailbox = c.value(QStringLiteral("mailbox")).toString();
        if (c.value(QStringLiteral("idle")).toBool())
            mailbox += Mailctl::tr(" (idle)");
        table.addRow({displayValue(c.value(QStringLiteral("id"))),
                      c.value(QStringLiteral("service")).toString(),
                      c.value(QStringLiteral("client")).toString(),
                      c.value(QStringLiteral("user")).toString(), mailbox,
                      yesNo(c.value(QStringLiteral("tls")).toBool()),
                      localTime(c.value(QStringLiteral("since")).toString(), "yyyy-MM-dd HH:mm:ss")});
    }
    if (table.rowCount() == 0) {
        printOut(Mailctl::tr("No open connections."));
        return ExitOk;
    }
    table.print();
    return ExitOk;
}

int runDisconnect(Session &session, const Invocation &inv)
{
    const QString text = inv.args.positional.at(0);
    const std::optional<qint64> id = parseInteger(text, 1, std::numeric_limits<qint64>::max());
    if (!id)
        return inv.usage(Mailctl::tr("\"%1\" is not a connection id (see mailctl connections)").arg(text));
    const std::optional<QJsonObject> r =
        session.callObject(QStringLiteral("connection.close"), {{QStringLiteral("id"), *id}});
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printOut(Mailctl::tr("Connection %1 closed.").arg(*id));
    return ExitOk;
}

int runStats(Session &session, const Invocation &)
{
    const std::optional<QJsonObject> r =
        session.callObject(QStringLiteral("stats.get"), {{QStringLiteral("minutes"), kStatsMinutes}});
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    const QJsonObject series = r->value(QStringLiteral("series")).toObject();
    const auto values = [&](const char *key) { return series.value(QLatin1String(key)).toArray(); };
    const QDateTime start = QDateTime::fromString(r->value(QStringLiteral("minuteStart")).toString(), Qt::ISODate);
    TablePrinter table({Mailctl::tr("MINUTE"), Mailctl::tr("MESSAGES IN"), Mailctl::tr("MESSAGES OUT"),
                        Mailctl::tr("CONNECTIONS"), Mailctl::tr("BYTES IN"), Mailctl::tr("BYTES OUT")});
    for (int column = 1; column < 6; ++column)
        table.setRightAligned(column);
    const qsizetype minutes = values("messagesIn").size();
    for (qsizetype i = 0; i < minutes; ++i) {
        const auto at = [&](const char *key) { return values(key).at(i).toInteger(); };
        table.addRow({start.isValid() ? start.addSecs(i * 60).toLocalTime().toString(QStringLiteral("HH:mm")) : QString(),
                      QString::number(at("messagesIn")), QString::number(at("messagesOut")),
                      QString::number(at("connections")), formatSize(at("bytesIn")),
                      formatSize(at("bytesOut"))});
    }
    table.print();
    const QJsonObject today = r->value(QStringLiteral("today")).toObject();
    printOut(QString());
    printFields({{Mailctl::tr("Today, messages in"), displayValue(today.value(QStringLiteral("messagesIn")))},
                 {Mailctl::tr("Today, messages out"), displayValue(today.value(QStringLiteral("messagesOut")))},
                 {Mailctl::tr("Today, connections"), displayValue(today.value(QStringLiteral("connections")))}});
    return ExitOk;
}

} // namespace mailctl
