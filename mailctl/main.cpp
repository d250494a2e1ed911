// mailctl: the terminal client of maild's control socket. Parses the global options and
// the command words, checks the command's arguments against the table (commands.h), then
// runs it. Exit status: 0 done, 1 the daemon refused, 2 bad arguments, 3 no connection.
#include "commands.h"
#include "console.h"

#include <QCoreApplication>

using namespace mailctl;

namespace {

int runCommand(const Command &command, const QStringList &rest, GlobalOptions globals)
{
    Invocation inv{command, {}};
    if (auto problem = parseArgs(rest, command.options, globals, inv.args))
        return inv.usage(*problem);
    if (globals.help) {
        printOut(usageText(QLatin1String(command.name)));
        return ExitOk;
    }
    const qsizetype n = inv.args.positional.size();
    if (n < command.minPositional)
        return inv.usage(Mailctl::tr("missing arguments"));
    if (command.maxPositional >= 0 && n > command.maxPositional)
        return inv.usage(Mailctl::tr("unexpected argument \"%1\"")
                             .arg(inv.args.positional.at(command.maxPositional)));
    Session session(globals);
    session.setLoginRequired(command.login);
    return command.run(session, inv);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mailctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILROOM_VERSION));

    QStringList words = QCoreApplication::arguments().mid(1);
    GlobalOptions globals = GlobalOptions::defaults();
    qsizetype commandIndex = 0;
    if (auto problem = parseLeadingGlobals(words, globals, commandIndex)) {
        printError(*problem);
        printErr(Mailctl::tr("Try \"mailctl --help\"."));
        return ExitUsage;
    }
    words = words.mid(commandIndex);
    if (globals.version) {
        printOut(QStringLiteral("mailctl ") + QCoreApplication::applicationVersion());
        return ExitOk;
    }
    if (words.isEmpty()) {
        if (globals.help) {
            printOut(usageText());
            return ExitOk;
        }
        printErr(usageText());
        return ExitUsage;
    }
    int consumed = 0;
    const Command *command = findCommand(words, consumed);
    if (!command) {
        const QString groupUsage = usageText(words.first());
        const bool groupHelp =
            globals.help || (words.size() > 1 && (words.at(1) == QLatin1String("--help") ||
                                                  words.at(1) == QLatin1String("-h")));
        if (!groupUsage.isEmpty() && groupHelp) {
            printOut(groupUsage);
            return ExitOk;
        }
        if (!groupUsage.isEmpty()) {
            printError(words.size() > 1
                           ? Mailctl::tr("unknown command \"%1 %2\"").arg(words.at(0), words.at(1))
                           : Mailctl::tr("\"%1\" needs a subcommand").arg(words.at(0)));
            printErr(groupUsage);
        } else {
            printError(
                Mailctl::tr("unknown command \"%1\"; try \"mailctl --help\"").arg(words.first()));
        }
        return ExitUsage;
    }
    return runCommand(*command, words.mid(consumed), globals);
}
