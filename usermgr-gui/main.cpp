// mailusers: the Workgroup Manager tool for the accounts of the Mailroom mail server. Logs in
// to maild's control socket, then shows the accounts. Options: --socket <path>, --user <name>.
#include "apptranslations.h"
#include "connectionmanager.h"
#include "icons.h"
#include "logindialog.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QApplication::setApplicationName(QStringLiteral("mailusers"));
    QApplication::setApplicationVersion(QStringLiteral(MAILROOM_VERSION));
    QApplication::setWindowIcon(gui::icon(QStringLiteral("mailusers")));
    gui::installTranslations(QStringLiteral("mailusers"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Manage the accounts of the Mailroom mail server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption socketOption(
        QStringLiteral("socket"),
        QCoreApplication::translate("main", "The control socket of the mail daemon."),
        QCoreApplication::translate("main", "path"));
    const QCommandLineOption userOption(
        QStringLiteral("user"), QCoreApplication::translate("main", "The administrator's name."),
        QCoreApplication::translate("main", "name"));
    parser.addOption(socketOption);
    parser.addOption(userOption);
    parser.process(app);

    gui::ConnectionManager manager;
    gui::LoginDialog login(&manager);
    login.setIntroText(QCoreApplication::translate(
        "main", "Enter the name and password of an administrator to manage the accounts."));
    if (parser.isSet(socketOption))
        login.setSocketPath(parser.value(socketOption));
    if (parser.isSet(userOption))
        login.setUserName(parser.value(userOption));
    if (login.exec() != QDialog::Accepted)
        return 0;

    usermgr::MainWindow window(&manager);
    window.show();
    return QApplication::exec();
}
