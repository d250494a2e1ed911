// maild's entry point: parse the command line, run the daemon's startup sequence, then the
// event loop. Exit codes: 0 clean stop, 1 startup failure, 2 usage error.
#include "core/daemon.h"
#include "core/options.h"

#include <QCoreApplication>
#include <QThreadPool>
#include <cstdio>

int main(int argc, char **argv)
{
    // Qt's plain UNIX event dispatcher keeps socket notifiers in a hash; the GLib one keeps
    // lists that cost O(connections) per change, which shows with thousands of IMAP clients.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("maild"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILROOM_VERSION));

    QString error;
    const auto options = maild::core::parseOptions(QCoreApplication::arguments(), &error);
    if (!options) {
        std::fprintf(stderr, "maild: %s\nTry 'maild --help'.\n", qUtf8Printable(error));
        return 2;
    }
    maild::core::Daemon daemon(*options);
    if (options->checkOnly) {
        error = daemon.check();
        if (!error.isEmpty()) {
            std::fprintf(stderr, "maild: %s\n", qUtf8Printable(error));
            return 1;
        }
        std::printf("maild: configuration OK\n");
        return 0;
    }
    error = daemon.start();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "maild: %s\n", qUtf8Printable(error));
        return 1;
    }
    const int status = QCoreApplication::exec();
    // Join the worker threads that hashed passwords, so that their per-thread OpenSSL state
    // is released before exit instead of lingering in idle threads.
    QThreadPool::globalInstance()->waitForDone();
    return status;
}
