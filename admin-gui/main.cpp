// mailadmin: the Server Admin tool. Logs in to maild's control socket, then shows the
// server's window. Options: --socket <path>, --user <name>.
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
    QApplication::setApplicationName(QStringLiteral("mailadmin"));
    QApplication::setApplicationVersion(QStringLiteral(MAILROOM_VERSION));
    QApplication::setWindowIcon(gui::icon(QStringLiteral("mailadmin")));
    gui::installTranslations(QStringLiteral("mailadmin"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Administer the Mailroom mail server."));
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
    if (parser.isSet(socketOption))
        login.setSocketPath(parser.value(socketOption));
    if (parser.isSet(userOption))
        login.setUserName(parser.value(userOption));
    if (login.exec() != QDialog::Accepted)
        return 0;

    admin::MainWindow window(&manager);
    window.show();
    return QApplication::exec();
}
