// The table of mailctl's commands: names, synopses, options, positional counts, whether
// they log in, and the functions that run them. Also the usage text built from it.
#include "commands.h"

#include "console.h"

#include <QCoreApplication>

namespace mailctl {

namespace {

QList<OptionSpec> withMailOptions(QList<OptionSpec> specs)
{
    specs.append(mailOptionSpecs());
    return specs;
}

QString groupOf(const Command &c)
{
    const QString name = QLatin1String(c.name);
    return name.section(QLatin1Char(' '), 0, 0);
}

QString usageLine(const Command &c)
{
    QString line = QStringLiteral("mailctl ") + QLatin1String(c.name);
    if (*c.synopsis)
        line += QLatin1Char(' ') + QLatin1String(c.synopsis);
    return line;
}

} // namespace

QList<OptionSpec> mailOptionSpecs()
{
    return {{"--mail", "enabled|disabled|forward"},
            {"--forward", "ADDR"},
            {"--mail-server", "HOST"},
            {"--quota", "SIZE"},
            {"--quota-warn", "PERCENT"},
            {"--access", "both|pop|imap"}};
}

// One command per entry reads better than one field per line.
// clang-format off
const QList<Command> &commandTable()
{
    static const QList<Command> table{
        {"hello", "", QT_TRANSLATE_NOOP("Mailctl", "show the daemon's version and protocol (no login)"),
         {}, 0, 0, false, runHello},
        {"status", "", QT_TRANSLATE_NOOP("Mailctl", "show the server's state, services and warnings"),
         {}, 0, 0, true, runStatus},
        {"bootstrap", "[--user NAME] [--full-name X]",
         QT_TRANSLATE_NOOP("Mailctl", "create the first administrator of a new server"),
         {{"--full-name", "X"}}, 0, 0, false, runBootstrap},
        {"service list", "", QT_TRANSLATE_NOOP("Mailctl", "list the services and their state"),
         {}, 0, 0, true, runServiceList},
        {"service start", "NAME", QT_TRANSLATE_NOOP("Mailctl", "start a service"),
         {}, 1, 1, true, runServiceStart},
        {"service stop", "NAME", QT_TRANSLATE_NOOP("Mailctl", "stop a service"),
         {}, 1, 1, true, runServiceStop},
        {"settings get", "[KEY...]", QT_TRANSLATE_NOOP("Mailctl", "show settings (all by default)"),
         {}, 0, -1, true, runSettingsGet},
        {"settings set", "KEY=VALUE [KEY=VALUE...]",
         QT_TRANSLATE_NOOP("Mailctl", "change settings, all or nothing (VALUE is JSON when it parses)"),
         {}, 1, -1, true, runSettingsSet},
        {"account list", "[--filter X] [--sort FIELD] [--desc] [--offset N] [--limit N] [--all]",
         QT_TRANSLATE_NOOP("Mailctl", "list accounts (FIELD: name, fullName, state, quota, usage, created)"),
         {{"--filter", "X"}, {"--sort", "FIELD"}, {"--desc"}, {"--offset", "N"}, {"--limit", "N"}, {"--all"}},
         0, 0, true, runAccountList},
        {"account get", "NAME", QT_TRANSLATE_NOOP("Mailctl", "show one account"),
         {}, 1, 1, true, runAccountGet},
        {"account create",
         "NAME [--full-name X] [--admin] [--password] [--address A]... [MAIL OPTIONS]",
         QT_TRANSLATE_NOOP("Mailctl", "create an account (--password reads it from the terminal or stdin)"),
         withMailOptions({{"--full-name", "X"}, {"--admin"}, {"--password"}, {"--address", "A", true}}),
         1, 1, true, runAccountCreate},
        {"account update",
         "NAME [--full-name X] [--admin yes|no] [--address A]... [--no-addresses] [MAIL OPTIONS]",
         QT_TRANSLATE_NOOP("Mailctl", "change an account (--address replaces the whole list)"),
         withMailOptions({{"--full-name", "X"}, {"--admin", "yes|no"}, {"--address", "A", true},
                          {"--no-addresses"}}),
         1, 1, true, runAccountUpdate},
        {"account delete", "NAME [--yes]",
         QT_TRANSLATE_NOOP("Mailctl", "delete an account and its mail"),
         {{"--yes"}, {"-y"}}, 1, 1, true, runAccountDelete},
        {"account passwd", "NAME",
         QT_TRANSLATE_NOOP("Mailctl", "set an account's password (from the terminal or stdin)"),
         {}, 1, 1, true, runAccountPasswd},
        {"alias list", "[ACCOUNT]", QT_TRANSLATE_NOOP("Mailctl", "list aliases, of one account or all"),
         {}, 0, 1, true, runAliasList},
        {"alias add", "ADDRESS ACCOUNT", QT_TRANSLATE_NOOP("Mailctl", "deliver ADDRESS to ACCOUNT"),
         {}, 2, 2, true, runAliasAdd},
        {"alias remove", "ADDRESS", QT_TRANSLATE_NOOP("Mailctl", "remove an alias"),
         {}, 1, 1, true, runAliasRemove},
        {"domain list", "", QT_TRANSLATE_NOOP("Mailctl", "list the local domains"),
         {}, 0, 0, true, runDomainList},
        {"domain add", "NAME", QT_TRANSLATE_NOOP("Mailctl", "add a local domain"),
         {}, 1, 1, true, runDomainAdd},
        {"domain remove", "NAME", QT_TRANSLATE_NOOP("Mailctl", "remove a local domain"),
         {}, 1, 1, true, runDomainRemove},
        {"mx list", "[DOMAIN]", QT_TRANSLATE_NOOP("Mailctl", "list the MX records of the local domains, with warnings"),
         {}, 0, 1, true, runMxList},
        {"mx add", "DOMAIN HOST PREFERENCE",
         QT_TRANSLATE_NOOP("Mailctl", "add an MX record: HOST receives DOMAIN's mail; a lower PREFERENCE is tried first"),
         {}, 3, 3, true, runMxAdd},
        {"mx update", "DOMAIN HOST [--preference N] [--new-host NAME]",
         QT_TRANSLATE_NOOP("Mailctl", "change an MX record"),
         {{"--preference", "N"}, {"--new-host", "NAME"}}, 2, 2, true, runMxUpdate},
        {"mx remove", "DOMAIN HOST", QT_TRANSLATE_NOOP("Mailctl", "remove an MX record (DNS changes at the next publish)"),
         {}, 2, 2, true, runMxRemove},
        {"mx zone", "DOMAIN",
         QT_TRANSLATE_NOOP("Mailctl", "print the zone-file records to publish, with the SPF and DMARC suggestions"),
         {}, 1, 1, true, runMxZone},
        {"mx publishing", "DOMAIN --server ADDR[:PORT] --key-name NAME [--secret-stdin] [--zone Z] [--spf|--no-spf] "
                          "[--dmarc|--no-dmarc] [--dmarc-report ADDRESS] [--ttl N] | DOMAIN --clear",
         QT_TRANSLATE_NOOP("Mailctl", "where DOMAIN's records are published: the zone's primary server and its TSIG key"),
         {{"--server", "ADDR"}, {"--key-name", "NAME"}, {"--secret-stdin"}, {"--zone", "Z"}, {"--spf"}, {"--no-spf"},
          {"--dmarc"}, {"--no-dmarc"}, {"--dmarc-report", "ADDRESS"}, {"--ttl", "N"}, {"--clear"}},
         1, 1, true, runMxPublishing},
        {"mx publish", "DOMAIN",
         QT_TRANSLATE_NOOP("Mailctl", "send DOMAIN's MX records to its zone's primary server (signed dynamic update)"),
         {}, 1, 1, true, runMxPublish},
        {"mx check", "DOMAIN",
         QT_TRANSLATE_NOOP("Mailctl", "compare what DNS answers with the configured records; exits 1 when they differ"),
         {}, 1, 1, true, runMxCheck},
        {"log tail", "[-n N] [--level L] [--service S] [--follow]",
         QT_TRANSLATE_NOOP("Mailctl", "show the latest log lines; --follow keeps printing new ones"),
         {{"-n", "N"}, {"--level", "L"}, {"--service", "S"}, {"--follow"}, {"-f"}},
         0, 0, true, runLogTail},
        {"audit list", "[--limit N] [--offset N] [--actor X] [--method M]",
         QT_TRANSLATE_NOOP("Mailctl", "show who changed what, newest first"),
         {{"--limit", "N"}, {"--offset", "N"}, {"--actor", "X"}, {"--method", "M"}},
         0, 0, true, runAuditList},
        {"tls list", "", QT_TRANSLATE_NOOP("Mailctl", "list the certificates, their host names, expiry and users"),
         {}, 0, 0, true, runTlsList},
        {"tls get", "NAME [--pem]",
         QT_TRANSLATE_NOOP("Mailctl", "show one certificate (--pem: print its public chain, or its pending request)"),
         {{"--pem"}}, 1, 1, true, runTlsGet},
        {"tls create-self-signed", "NAME [--host H]... [--days N] [--rsa]",
         QT_TRANSLATE_NOOP("Mailctl", "create a key and a self-signed certificate (ECDSA P-256; --rsa: RSA 3072)"),
         {{"--host", "H", true}, {"--days", "N"}, {"--rsa"}}, 1, 1, true, runTlsCreateSelfSigned},
        {"tls create-csr", "NAME [--host H]... [--organization O] [--country CC] [--rsa] [--out FILE]",
         QT_TRANSLATE_NOOP("Mailctl", "create a key and a certificate signing request for a certificate authority"),
         {{"--host", "H", true}, {"--organization", "O"}, {"--country", "CC"}, {"--rsa"}, {"--out", "FILE"}},
         1, 1, true, runTlsCreateCsr},
        {"tls import", "NAME --certificate FILE [--key FILE]",
         QT_TRANSLATE_NOOP("Mailctl", "import a PEM certificate chain and its key (no key: completes a pending request)"),
         {{"--certificate", "FILE"}, {"--key", "FILE"}}, 1, 1, true, runTlsImport},
        {"tls assign", "SERVICE NAME", QT_TRANSLATE_NOOP("Mailctl", "choose the certificate a service presents"),
         {}, 2, 2, true, runTlsAssign},
        {"tls delete", "NAME [--yes]", QT_TRANSLATE_NOOP("Mailctl", "delete a certificate no service uses"),
         {{"--yes"}}, 1, 1, true, runTlsDelete},
        {"connections", "[--service smtp|pop3|imap]",
         QT_TRANSLATE_NOOP("Mailctl", "list the open mail connections: id, client, user, mailbox, TLS, since"),
         {{"--service", "S"}}, 0, 0, true, runConnectionList},
        {"disconnect", "ID", QT_TRANSLATE_NOOP("Mailctl", "end one mail connection (its id from mailctl connections)"),
         {}, 1, 1, true, runDisconnect},
        {"stats", "", QT_TRANSLATE_NOOP("Mailctl", "show the traffic of the last 10 minutes and today's totals"),
         {}, 0, 0, true, runStats},
        {"call", "METHOD [JSON-PARAMS]",
         QT_TRANSLATE_NOOP("Mailctl", "call any control method and print its JSON result"),
         {}, 1, 2, true, runCall},
    };
    return table;
}
// clang-format on

const Command *findCommand(const QStringList &words, int &consumed)
{
    if (words.isEmpty())
        return nullptr;
    const QString one = words.at(0);
    const QString two = words.size() > 1 ? one + QLatin1Char(' ') + words.at(1) : QString();
    for (const Command &c : commandTable()) {
        if (!two.isEmpty() && two == QLatin1String(c.name)) {
            consumed = 2;
            return &c;
        }
    }
    for (const Command &c : commandTable()) {
        if (one == QLatin1String(c.name)) {
            consumed = 1;
            return &c;
        }
    }
    return nullptr;
}

QString usageText(const QString &group)
{
    QStringList lines;
    if (group.isEmpty()) {
        lines << Mailctl::tr("usage: mailctl [--socket PATH] [--user NAME] [--json] COMMAND [ARGS]")
              << QString()
              << Mailctl::tr("Talks to the mail daemon (maild) through its control socket. The "
                             "administrator's password")
              << Mailctl::tr("is read from the terminal, or from the first line of standard input.")
              << QString() << Mailctl::tr("Commands:");
    }
    for (const Command &c : commandTable()) {
        if (!group.isEmpty() && groupOf(c) != group)
            continue;
        lines << QStringLiteral("  ") + usageLine(c)
              << QStringLiteral("      ") + QCoreApplication::translate("Mailctl", c.summary);
    }
    if (group.isEmpty() || group == QLatin1String("account")) {
        lines << QString() << Mailctl::tr("Mail options (account create, account update):")
              << QStringLiteral(
                     "  --mail enabled|disabled|forward  --forward ADDR  --mail-server HOST")
              << QStringLiteral("  --quota SIZE (bytes, or 500M, 2G...; 0 = none)  "
                                "--quota-warn PERCENT  --access both|pop|imap");
    }
    if (group.isEmpty()) {
        lines
            << QString() << Mailctl::tr("Global options:")
            << Mailctl::tr("  --socket PATH  the control socket (default: $MAILROOM_SOCKET or the "
                           "embedded instance's)")
            << Mailctl::tr(
                   "  --user NAME    the administrator to log in as (default: $MAILCTL_USER, "
                   "else your login name)")
            << Mailctl::tr("  --json         print the daemon's result as one line of JSON")
            << Mailctl::tr("  --help, --version") << QString()
            << Mailctl::tr(
                   "Exit status: 0 done, 1 the daemon refused, 2 bad arguments, 3 no connection.");
    }
    return lines.join(QLatin1Char('\n'));
}

int Invocation::usage(const QString &problem) const
{
    printError(problem);
    printErr(Mailctl::tr("usage: %1").arg(usageLine(command)));
    return ExitUsage;
}

} // namespace mailctl
