// mailusers: the Workgroup Manager tool for the accounts of the Mailroom mail server. Logs in
// to maild's control socket, then shows the accounts. Options: --socket <path>, --user <name>.
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
        argc, argv, QStringLiteral("mailusers"), QT_TRANSLATE_NOOP("main", "Manage the accounts of the Mailroom mail server."));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QApplication::setApplicationName(QStringLiteral("mailusers"));
    QApplication::setApplicationVersion(QStringLiteral(MAILROOM_VERSION));
    QApplication::setWindowIcon(gui::icon(QStringLiteral("mailusers")));
    gui::installTranslations(QStringLiteral("mailusers"));

    gui::ConnectionManager manager;
    gui::LoginDialog login(&manager);
    login.setIntroText(QCoreApplication::translate(
        "main", "Enter the name and password of an administrator to manage the accounts."));
    if (!options.socketPath.isEmpty())
        login.setSocketPath(options.socketPath);
    if (!options.userName.isEmpty())
        login.setUserName(options.userName);
    if (login.exec() != QDialog::Accepted)
        return 0;

    usermgr::MainWindow window(&manager);
    window.show();
    return QApplication::exec();
}
