// mailadmin: the Server Admin tool. Logs in to maild's control socket, then shows the
// server's window. Options: --socket <path>, --user <name>.
#include "apptranslations.h"
#include "commandline.h"
#include "connectionmanager.h"
#include "icons.h"
#include "logindialog.h"
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    // Before the QApplication, which aborts without a display: --help works on any terminal.
    const gui::CommandLine options = gui::parseCommandLine(
        argc, argv, QStringLiteral("mailadmin"), QT_TRANSLATE_NOOP("main", "Administer the Mailroom mail server."));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QApplication::setApplicationName(QStringLiteral("mailadmin"));
    QApplication::setApplicationVersion(QStringLiteral(MAILROOM_VERSION));
    QApplication::setWindowIcon(gui::icon(QStringLiteral("mailadmin")));
    gui::installTranslations(QStringLiteral("mailadmin"));

    gui::ConnectionManager manager;
    gui::LoginDialog login(&manager);
    if (!options.socketPath.isEmpty())
        login.setSocketPath(options.socketPath);
    if (!options.userName.isEmpty())
        login.setUserName(options.userName);
    if (login.exec() != QDialog::Accepted)
        return 0;

    admin::MainWindow window(&manager);
    window.show();
    return QApplication::exec();
}
