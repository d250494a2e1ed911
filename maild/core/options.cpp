// maild's command-line options (see options.h).
#include "core/options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <unistd.h>

namespace maild::core {

std::optional<DaemonOptions> parseOptions(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "maild — the Mailroom mail daemon (SMTP, POP3, IMAP) for one organisation.\n"
        "Controlled through the socket <data-dir>/run/control.sock by mailctl, mailadmin and mailusers.\n"
        "Signals: SIGTERM/SIGINT stop cleanly; SIGHUP reloads settings and reopens the log file."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QStringLiteral("Keep everything of this instance (database, mail, run directory with the control socket, "
                       "logs) under <dir>. Default: ~/.local/share/mailroom (embedded) or /var/lib/mailroom (system)."),
        QStringLiteral("dir"));
    const QCommandLineOption profile(QStringLiteral("profile"),
        QStringLiteral("embedded: an ordinary user, high ports, loopback only; system: standard ports on all "
                       "addresses, privileges dropped after binding. Default: system when started as root, "
                       "else embedded."),
        QStringLiteral("embedded|system"));
    const QCommandLineOption user(QStringLiteral("user"),
        QStringLiteral("After binding the ports, drop privileges to this user (only when started as root). "
                       "Default for the system profile: mailroom."),
        QStringLiteral("name"));
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Listen on these addresses (comma-separated; repeatable) instead of the setting "
                       "listen.addresses."),
        QStringLiteral("addresses"));
    const QCommandLineOption port(QStringLiteral("port"),
        QStringLiteral("Use this port for a listener, e.g. smtp=2525 (sets <service>.port; repeatable)."),
        QStringLiteral("service=port"));
    const QCommandLineOption set(QStringLiteral("set"),
        QStringLiteral("Fix a setting for this run, e.g. log.level=debug (repeatable). Such settings cannot be "
                       "changed through the control socket while the daemon runs."),
        QStringLiteral("key=value"));
    const QCommandLineOption config(QStringLiteral("config"),
        QStringLiteral("Read default settings from this JSON file (an object of key: value)."),
        QStringLiteral("file"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        QStringLiteral("Same as --set log.level=<level>."), QStringLiteral("debug|info|notice|warning|error"));
    const QCommandLineOption check(QStringLiteral("check"),
        QStringLiteral("Check the options, the settings and the data directory, then exit."));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
        QStringLiteral("Do not copy log lines to standard error (they still go to the log file)."));
    const QCommandLineOption weakHashing(QStringLiteral("allow-weak-password-hashing"),
        QStringLiteral("Let auth.passwordIterations go below 100000, so that a test suite or a benchmark "
                       "does not spend its time hashing passwords. Never for real accounts; refused with the "
                       "system profile."));
    parser.addOptions({dataDir, profile, user, listen, port, set, config, logLevel, check, quiet, weakHashing});

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }

    DaemonOptions o;
    const bool root = ::geteuid() == 0;
    o.profile = root ? common::Profile::System : common::Profile::Embedded;
    if (parser.isSet(profile)) {
        const QString p = parser.value(profile);
        if (p == QLatin1String("embedded"))
            o.profile = common::Profile::Embedded;
        else if (p == QLatin1String("system"))
            o.profile = common::Profile::System;
        else {
            *error = QStringLiteral("--profile must be embedded or system, not %1").arg(p);
            return std::nullopt;
        }
    }
    o.dataDir = parser.isSet(dataDir) ? parser.value(dataDir) : common::defaultDataDir(o.profile);
    if (o.dataDir.isEmpty()) {
        *error = QStringLiteral("--data-dir is empty");
        return std::nullopt;
    }
    if (parser.isSet(user))
        o.user = parser.value(user);
    else if (root && o.profile == common::Profile::System)
        o.user = QStringLiteral("mailroom");
    if (!o.user.isEmpty() && !root) {
        *error = QStringLiteral("--user needs maild to be started as root");
        return std::nullopt;
    }
    o.configFile = parser.value(config);
    for (const QString &l : parser.values(listen))
        o.listen += l.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &p : parser.values(port)) {
        const qsizetype eq = p.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("--port expects service=port, e.g. smtp=2525, not %1").arg(p);
            return std::nullopt;
        }
        o.overrides.append({p.left(eq) + QStringLiteral(".port"), p.mid(eq + 1)});
    }
    for (const QString &s : parser.values(set)) {
        const qsizetype eq = s.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("--set expects key=value, not %1").arg(s);
            return std::nullopt;
        }
        o.overrides.append({s.left(eq), s.mid(eq + 1)});
    }
    if (parser.isSet(logLevel))
        o.overrides.append({QStringLiteral("log.level"), parser.value(logLevel)});
    o.weakPasswordHashing = parser.isSet(weakHashing);
    if (o.weakPasswordHashing && o.profile == common::Profile::System) {
        *error = QStringLiteral("--allow-weak-password-hashing is for test suites and benchmarks; the system "
                                "profile refuses it");
        return std::nullopt;
    }
    o.checkOnly = parser.isSet(check);
    o.quiet = parser.isSet(quiet);
    return o;
}

} // namespace maild::core
