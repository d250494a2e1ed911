// mailctl mx ...: the MX records of the local domains (mx.list, mx.add, mx.update, mx.remove),
// the zone fragment to publish by hand (mx.zoneText), where and with which TSIG key they are
// published (mx.setPublishing, mx.publish), and what DNS answers (mx.check).
// Security: the TSIG secret is read like a password (terminal without echo, or a stdin line
// after the administrator's password), never from argv, and never printed.
#include "commands.h"
#include "console.h"
#include "passwordprompt.h"
#include "tableprinter.h"

#include <QJsonArray>

namespace mailctl {

namespace {

QString field(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toVariant().toString();
}

void printDomain(const QJsonObject &d)
{
    const QJsonObject p = d.value(QStringLiteral("publishing")).toObject();
    printOut(Mailctl::tr("Domain %1").arg(field(d, "domain")));
    TablePrinter table({Mailctl::tr("PREF"), Mailctl::tr("HOST"), Mailctl::tr("PUBLISHED")});
    table.setRightAligned(0);
    for (const QJsonValue &v : d.value(QStringLiteral("records")).toArray()) {
        const QJsonObject r = v.toObject();
        table.addRow({field(r, "preference"), field(r, "host"),
                      r.value(QStringLiteral("published")).toBool() ? Mailctl::tr("yes") : Mailctl::tr("no")});
    }
    if (table.rowCount() == 0)
        printOut(Mailctl::tr("  (no MX records)"));
    else
        table.print();
    printOut(Mailctl::tr("TTL: %1 s").arg(field(d, "ttl")));
    if (!field(p, "server").isEmpty())
        printOut(Mailctl::tr("Published to %1 (zone %2, key %3%4)%5")
                     .arg(field(p, "server"), field(p, "zone"), field(p, "keyName"),
                          p.value(QStringLiteral("hasSecret")).toBool() ? QString() : Mailctl::tr(", no secret stored"),
                          d.value(QStringLiteral("pendingChanges")).toBool()
                              ? Mailctl::tr(": changes not yet published")
                              : Mailctl::tr(": last published %1").arg(field(d, "publishedAt"))));
    for (const QJsonValue &w : d.value(QStringLiteral("warnings")).toArray())
        printOut(Mailctl::tr("Warning: %1").arg(w.toString()));
}

int printDomainResult(Session &session, const std::optional<QJsonObject> &r)
{
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printDomain(*r);
    return ExitOk;
}

std::optional<qint64> intOption(const Invocation &inv, const char *option, qint64 min, qint64 max, int *exit)
{
    if (!inv.args.has(option))
        return std::nullopt;
    const std::optional<qint64> v = parseInteger(inv.args.value(option), min, max);
    if (!v)
        *exit = inv.usage(Mailctl::tr("%1 must be a number from %2 to %3").arg(QLatin1String(option)).arg(min).arg(max));
    return v;
}

} // namespace

int runMxList(Session &session, const Invocation &inv)
{
    QJsonObject params;
    if (!inv.args.positional.isEmpty())
        params.insert(QStringLiteral("domain"), inv.args.positional.at(0));
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("mx.list"), params);
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    const QJsonArray domains = r->value(QStringLiteral("domains")).toArray();
    if (domains.isEmpty())
        printOut(Mailctl::tr("No local domains."));
    for (const QJsonValue &d : domains)
        printDomain(d.toObject());
    return ExitOk;
}

int runMxAdd(Session &session, const Invocation &inv)
{
    const std::optional<qint64> preference = parseInteger(inv.args.positional.at(2), 0, 65535);
    if (!preference)
        return inv.usage(Mailctl::tr("PREFERENCE must be a number from 0 to 65535 (a lower one is tried first)"));
    const QJsonObject params{{QStringLiteral("domain"), inv.args.positional.at(0)},
                             {QStringLiteral("host"), inv.args.positional.at(1)},
                             {QStringLiteral("preference"), *preference}};
    return printDomainResult(session, session.callObject(QStringLiteral("mx.add"), params));
}

int runMxUpdate(Session &session, const Invocation &inv)
{
    int exit = ExitOk;
    QJsonObject params{{QStringLiteral("domain"), inv.args.positional.at(0)},
                       {QStringLiteral("host"), inv.args.positional.at(1)}};
    if (const auto p = intOption(inv, "--preference", 0, 65535, &exit))
        params.insert(QStringLiteral("preference"), *p);
    if (exit != ExitOk)
        return exit;
    if (inv.args.has("--new-host"))
        params.insert(QStringLiteral("newHost"), inv.args.value("--new-host"));
    if (params.size() == 2)
        return inv.usage(Mailctl::tr("nothing to change: give --preference or --new-host"));
    return printDomainResult(session, session.callObject(QStringLiteral("mx.update"), params));
}

int runMxRemove(Session &session, const Invocation &inv)
{
    return printDomainResult(session, session.callObject(QStringLiteral("mx.remove"),
                                                         {{QStringLiteral("domain"), inv.args.positional.at(0)},
                                                          {QStringLiteral("host"), inv.args.positional.at(1)}}));
}

int runMxZone(Session &session, const Invocation &inv)
{
    const std::optional<QJsonObject> r =
        session.callObject(QStringLiteral("mx.zoneText"), {{QStringLiteral("domain"), inv.args.positional.at(0)}});
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        std::fputs(qUtf8Printable(r->value(QStringLiteral("text")).toString()), stdout);
    return ExitOk;
}

int runMxPublishing(Session &session, const Invocation &inv)
{
    QJsonObject params{{QStringLiteral("domain"), inv.args.positional.at(0)}};
    if (inv.args.has("--clear")) {
        params.insert(QStringLiteral("server"), QString());
    } else {
        if (!inv.args.has("--server"))
            return inv.usage(Mailctl::tr("give --server ADDRESS[:PORT] of the zone's primary DNS server (or --clear)"));
        params.insert(QStringLiteral("server"), inv.args.value("--server"));
        if (inv.args.has("--zone"))
            params.insert(QStringLiteral("zone"), inv.args.value("--zone"));
        if (inv.args.has("--key-name"))
            params.insert(QStringLiteral("keyName"), inv.args.value("--key-name"));
    }
    for (const auto &[on, off, key] : {std::tuple{"--spf", "--no-spf", "includeSpf"},
                                       std::tuple{"--dmarc", "--no-dmarc", "includeDmarc"}}) {
        if (inv.args.has(on))
            params.insert(QLatin1String(key), true);
        if (inv.args.has(off))
            params.insert(QLatin1String(key), false);
    }
    if (inv.args.has("--dmarc-report"))
        params.insert(QStringLiteral("dmarcReport"), inv.args.value("--dmarc-report"));
    int exit = ExitOk;
    if (const auto ttl = intOption(inv, "--ttl", 60, 604800, &exit))
        params.insert(QStringLiteral("ttl"), *ttl);
    if (exit != ExitOk)
        return exit;
    if (inv.args.has("--secret-stdin")) {
        // After the administrator's password: log in first, then read the secret.
        if (!session.open())
            return session.exitCode();
        const std::optional<QString> secret = readPassword(Mailctl::tr("TSIG secret (base64): "));
        if (!secret || secret->isEmpty())
            return inv.usage(Mailctl::tr("no secret was given"));
        params.insert(QStringLiteral("secret"), *secret);
    }
    return printDomainResult(session, session.callObject(QStringLiteral("mx.setPublishing"), params));
}

int runMxPublish(Session &session, const Invocation &inv)
{
    const QString domain = inv.args.positional.at(0);
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("mx.publish"), {{QStringLiteral("domain"), domain}});
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printOut(Mailctl::tr("Published %1 MX record(s) of %2 to %3.").arg(field(*r, "records"), domain, field(*r, "server")));
    return ExitOk;
}

int runMxCheck(Session &session, const Invocation &inv)
{
    const std::optional<QJsonObject> r =
        session.callObject(QStringLiteral("mx.check"), {{QStringLiteral("domain"), inv.args.positional.at(0)}});
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    printOut(Mailctl::tr("What %1 answers for %2:").arg(field(*r, "server"), field(*r, "domain")));
    TablePrinter table({Mailctl::tr("PREF"), Mailctl::tr("HOST"), Mailctl::tr("STATE"), Mailctl::tr("TTL"),
                        Mailctl::tr("ADDRESSES")});
    table.setRightAligned(0);
    QHash<QString, QString> addresses;
    for (const QJsonValue &v : r->value(QStringLiteral("hosts")).toArray()) {
        const QJsonObject h = v.toObject();
        QStringList list;
        for (const QJsonValue &a : h.value(QStringLiteral("addresses")).toArray())
            list.append(a.toString());
        addresses.insert(field(h, "host"), list.isEmpty() ? field(h, "error") : list.join(QStringLiteral(", ")));
    }
    for (const char *section : {"records", "unexpected"}) {
        for (const QJsonValue &v : r->value(QLatin1String(section)).toArray()) {
            const QJsonObject row = v.toObject();
            table.addRow({field(row, "preference"), field(row, "host"), field(row, "state"), field(row, "ttl"),
                          addresses.value(field(row, "host"))});
        }
    }
    table.print();
    printOut(r->value(QStringLiteral("differs")).toBool() ? Mailctl::tr("DNS differs from what is configured.")
                                                          : Mailctl::tr("DNS answers what is configured."));
    return r->value(QStringLiteral("differs")).toBool() ? ExitDaemonError : ExitOk;
}

} // namespace mailctl
