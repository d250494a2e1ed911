// Command line of the GUI tools (see commandline.h).
#include "commandline.h"

#include "apptranslations.h"
#include "paths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>
#include <cstdlib>

namespace gui {

CommandLine parseCommandLine(int argc, char *argv[], const QString &catalogue, const char *description)
{
    // A QCoreApplication needs no display; the QApplication comes after it is gone.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(catalogue);
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILROOM_VERSION));
    installTranslations(catalogue);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", description) + QStringLiteral("\n\n") +
        QCoreApplication::translate("main", "The mail daemon is reached through its control socket: the path given with --socket, "
           "else $MAILROOM_SOCKET, else the path used at the last login, else the embedded "
           "daemon's socket (%1).")
            .arg(common::controlSocketPath(common::defaultDataDir(common::Profile::Embedded))) +
        QStringLiteral("\n") +
        QCoreApplication::translate("main", "The language follows the locale: LANG=fr_FR.UTF-8 for French, LANG=de_DE.UTF-8 for "
           "German, LANG=C.UTF-8 for English."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption socketOption(QStringLiteral("socket"), QCoreApplication::translate("main", "The control socket of the mail daemon."),
                                          QCoreApplication::translate("main", "path"));
    const QCommandLineOption userOption(QStringLiteral("user"), QCoreApplication::translate("main", "The administrator's name."), QCoreApplication::translate("main", "name"));
    parser.addOption(socketOption);
    parser.addOption(userOption);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "%s: %s\n", qUtf8Printable(catalogue), qUtf8Printable(parser.errorText()));
        std::fprintf(stderr, "%s\n", qUtf8Printable(QCoreApplication::translate("main", "Try '%1 --help'.").arg(catalogue)));
        std::exit(2);
    }
    if (parser.isSet(help))
        parser.showHelp(0);
    if (parser.isSet(version))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "%s: %s\n", qUtf8Printable(catalogue),
                     qUtf8Printable(QCoreApplication::translate("main", "unexpected argument: %1").arg(parser.positionalArguments().first())));
        std::exit(2);
    }
    return {parser.value(socketOption), parser.value(userOption)};
}

} // namespace gui
