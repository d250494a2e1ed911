// mailctl tls ...: the server's certificates (tls.list, tls.get, tls.createSelfSigned,
// tls.createCsr, tls.import, tls.assign, tls.delete). Certificates, keys and CSRs travel
// as files; a private key is read from a file and sent once, never printed.
#include "commands.h"
#include "console.h"
#include "tableprinter.h"

#include <QFile>
#include <QJsonArray>

namespace mailctl {

namespace {

QJsonArray hostsOf(const Invocation &inv)
{
    return QJsonArray::fromStringList(inv.args.values("--host"));
}

std::optional<QString> readText(const Invocation &inv, const char *option, int *exit)
{
    const QString path = inv.args.value(option);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *exit = inv.usage(Mailctl::tr("cannot read %1 (%2): %3").arg(path, QLatin1String(option), f.errorString()));
        return std::nullopt;
    }
    return QString::fromLatin1(f.readAll());
}

void printCertificate(const QJsonObject &c)
{
    const auto field = [&c](const char *key) { return c.value(QLatin1String(key)).toVariant().toString(); };
    QStringList sans;
    for (const QJsonValue &v : c.value(QStringLiteral("sans")).toArray())
        sans.append(v.toString());
    QStringList usedBy;
    for (const QJsonValue &v : c.value(QStringLiteral("usedBy")).toArray())
        usedBy.append(v.toString());
    printOut(Mailctl::tr("Name:        %1").arg(field("name")));
    printOut(Mailctl::tr("State:       %1").arg(field("state")));
    printOut(Mailctl::tr("Subject:     %1").arg(field("subject")));
    printOut(Mailctl::tr("Issuer:      %1").arg(field("issuer")));
    printOut(Mailctl::tr("Host names:  %1").arg(sans.join(QStringLiteral(", "))));
    printOut(Mailctl::tr("Valid:       %1 to %2 (%3 days left)").arg(field("notBefore"), field("notAfter"), field("daysLeft")));
    printOut(Mailctl::tr("Key:         %1").arg(field("keyType")));
    printOut(Mailctl::tr("SHA-256:     %1").arg(field("fingerprint")));
    printOut(Mailctl::tr("Used by:     %1").arg(usedBy.join(QStringLiteral(", "))));
}

int printResult(Session &session, const std::optional<QJsonObject> &r, const QString &done)
{
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printOut(done);
    return ExitOk;
}

} // namespace

int runTlsList(Session &session, const Invocation &)
{
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("tls.list"));
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    TablePrinter table({Mailctl::tr("NAME"), Mailctl::tr("STATE"), Mailctl::tr("HOSTS"), Mailctl::tr("EXPIRES"),
                        Mailctl::tr("DAYS"), Mailctl::tr("USED BY")});
    for (const QJsonValue &v : r->value(QStringLiteral("certificates")).toArray()) {
        const QJsonObject c = v.toObject();
        QStringList sans, usedBy;
        for (const QJsonValue &s : c.value(QStringLiteral("sans")).toArray())
            sans.append(s.toString());
        for (const QJsonValue &s : c.value(QStringLiteral("usedBy")).toArray())
            usedBy.append(s.toString());
        table.addRow({c.value(QStringLiteral("name")).toString(), c.value(QStringLiteral("state")).toString(),
                      sans.join(QLatin1Char(',')), c.value(QStringLiteral("notAfter")).toString(),
                      c.contains(QStringLiteral("daysLeft")) ? QString::number(c.value(QStringLiteral("daysLeft")).toInteger()) : QString(),
                      usedBy.join(QLatin1Char(','))});
    }
    table.print();
    return ExitOk;
}

int runTlsGet(Session &session, const Invocation &inv)
{
    const std::optional<QJsonObject> r =
        session.callObject(QStringLiteral("tls.get"), {{QStringLiteral("name"), inv.args.positional.at(0)}});
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
    } else if (inv.args.has("--pem")) {
        // The public chain, or the request while it is pending: for files and pipes.
        const QString csr = r->value(QStringLiteral("csr")).toString();
        std::fputs(qPrintable(csr.isEmpty() ? r->value(QStringLiteral("certificatePem")).toString() : csr), stdout);
    } else {
        printCertificate(*r);
    }
    return ExitOk;
}

int runTlsCreateSelfSigned(Session &session, const Invocation &inv)
{
    QJsonObject params{{QStringLiteral("name"), inv.args.positional.at(0)}};
    if (inv.args.has("--host"))
        params.insert(QStringLiteral("hosts"), hostsOf(inv));
    if (inv.args.has("--days")) {
        bool ok = false;
        const int days = inv.args.value("--days").toInt(&ok);
        if (!ok)
            return inv.usage(Mailctl::tr("--days expects a number of days"));
        params.insert(QStringLiteral("days"), days);
    }
    if (inv.args.has("--rsa"))
        params.insert(QStringLiteral("keyType"), QStringLiteral("rsa"));
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("tls.createSelfSigned"), params);
    if (r && !session.json()) {
        printCertificate(*r);
        return ExitOk;
    }
    return printResult(session, r, {});
}

int runTlsCreateCsr(Session &session, const Invocation &inv)
{
    QJsonObject params{{QStringLiteral("name"), inv.args.positional.at(0)}};
    if (inv.args.has("--host"))
        params.insert(QStringLiteral("hosts"), hostsOf(inv));
    if (inv.args.has("--organization"))
        params.insert(QStringLiteral("organization"), inv.args.value("--organization"));
    if (inv.args.has("--country"))
        params.insert(QStringLiteral("country"), inv.args.value("--country"));
    if (inv.args.has("--rsa"))
        params.insert(QStringLiteral("keyType"), QStringLiteral("rsa"));
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("tls.createCsr"), params);
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    const QByteArray csr = r->value(QStringLiteral("csr")).toString().toLatin1();
    if (!inv.args.has("--out")) {
        std::fputs(csr.constData(), stdout);
        return ExitOk;
    }
    QFile out(inv.args.value("--out"));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(csr) != csr.size())
        return session.fail(ExitDaemonError, Mailctl::tr("cannot write %1: %2").arg(out.fileName(), out.errorString()));
    printOut(Mailctl::tr("Wrote the certificate request to %1; send it to your certificate authority, then run "
                         "'mailctl tls import %2 --certificate FILE'.")
                 .arg(out.fileName(), inv.args.positional.at(0)));
    return ExitOk;
}

int runTlsImport(Session &session, const Invocation &inv)
{
    if (!inv.args.has("--certificate"))
        return inv.usage(Mailctl::tr("--certificate FILE is required"));
    int exit = ExitOk;
    const std::optional<QString> certificate = readText(inv, "--certificate", &exit);
    if (!certificate)
        return exit;
    QJsonObject params{{QStringLiteral("name"), inv.args.positional.at(0)}, {QStringLiteral("certificate"), *certificate}};
    if (inv.args.has("--key")) {
        const std::optional<QString> key = readText(inv, "--key", &exit);
        if (!key)
            return exit;
        params.insert(QStringLiteral("key"), *key);
    }
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("tls.import"), params);
    if (r && !session.json()) {
        printCertificate(*r);
        return ExitOk;
    }
    return printResult(session, r, {});
}

int runTlsAssign(Session &session, const Invocation &inv)
{
    const QString service = inv.args.positional.at(0);
    const QString name = inv.args.positional.at(1);
    return printResult(session,
                       session.callObject(QStringLiteral("tls.assign"),
                                          {{QStringLiteral("service"), service}, {QStringLiteral("name"), name}}),
                       Mailctl::tr("%1 now presents the certificate %2 to new connections.").arg(service, name));
}

int runTlsDelete(Session &session, const Invocation &inv)
{
    const QString name = inv.args.positional.at(0);
    const bool yes = inv.args.has("--yes");
    if (!yes && !stdinIsTerminal())
        return inv.usage(Mailctl::tr("refusing to delete %1 without --yes when standard input is not a terminal").arg(name));
    if (!yes && !askYesNo(Mailctl::tr("Delete the certificate %1 and its private key? [y/N]").arg(name))) {
        printErr(Mailctl::tr("Nothing deleted."));
        return ExitDaemonError;
    }
    return printResult(session, session.callObject(QStringLiteral("tls.delete"), {{QStringLiteral("name"), name}}),
                       Mailctl::tr("Deleted the certificate %1.").arg(name));
}

} // namespace mailctl
