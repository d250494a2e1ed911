// The Server Admin window against a real maild: it shows what hello and server.status say,
// follows service.state notifications, stops and starts a service from its toolbar (asking
// first), says so when the daemon goes away, and logs in again by itself when a daemon comes
// back on the same data directory.
#include "connectionmanager.h"
#include "connectionstatus.h"
#include "daemonfixture.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "serviceactions.h"
#include "servicelistmodel.h"
#include "sidebar.h"

#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

using gui::ConnectionManager;

class TestAdminWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsTheServer();
    void followsServiceNotifications();
    void followsServiceChangesMadeElsewhere();
    void stopsAndStartsSmtpFromTheToolbar();
    void survivesDaemonRestart();
    void asksAgainWhenThePasswordChanged();
    void cleanupTestCase();

private:
    QString connectionText() const
    {
        return m_window->findChild<gui::ConnectionStatus *>(QStringLiteral("connectionStatus"))
            ->text();
    }
    QString label(const char *name) const
    {
        return m_window->findChild<QLabel *>(QString::fromLatin1(name))->text();
    }

    QString daemonState(const QString &service)
    {
        const auto r = m_daemon.call(QStringLiteral("service.list"));
        for (const QJsonValue &v : r.object().value(QStringLiteral("services")).toArray()) {
            if (v[QStringLiteral("name")].toString() == service)
                return v[QStringLiteral("state")].toString();
        }
        return {};
    }
    static bool portAccepts(quint16 port)
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return socket.waitForConnected(3000);
    }
    void clickToolButton(QAction *action)
    {
        auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("serviceToolBar"));
        QVERIFY(toolBar);
        QWidget *button = toolBar->widgetForAction(action);
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    QTemporaryDir m_settingsDir;
    guitest::DaemonFixture m_daemon;
    std::unique_ptr<ConnectionManager> m_manager;
    std::unique_ptr<admin::MainWindow> m_window;
};

void TestAdminWindow::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_adminwindow"));
    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QVERIFY2(m_daemon.bootstrap(), qPrintable(m_daemon.errorString()));

    m_manager = std::make_unique<ConnectionManager>();
    m_manager->setReconnectInterval(500); // the default 2 s works too; the test is faster
    QSignalSpy loggedIn(m_manager.get(), &ConnectionManager::loggedIn);
    m_manager->login(m_daemon.socketPath(), guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
}

void TestAdminWindow::showsTheServer()
{
    m_window = std::make_unique<admin::MainWindow>(m_manager.get());
    QSignalSpy refreshed(m_window.get(), &admin::MainWindow::statusRefreshed);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    // At once, from hello.
    const QString version = m_manager->daemonVersion();
    QVERIFY(!version.isEmpty());
    QCOMPARE(label("daemonVersionLabel"), version);
    const QString host = m_manager->host();
    QVERIFY(!host.isEmpty());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Mail Server — %1").arg(host));

    // Then from server.status.
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 10000);
    QCOMPARE(label("hostLabel"), host);
    QCOMPARE(QFileInfo(label("dataDirLabel")).canonicalFilePath(),
             QFileInfo(m_daemon.dataDir()).canonicalFilePath());
    QCOMPARE(m_window->status().pid, m_daemon.pid());
    QVERIFY(!label("uptimeLabel").isEmpty());
    QVERIFY(connectionText().startsWith(QStringLiteral("Connected to ")));
    QVERIFY(connectionText().contains(m_daemon.socketPath()));
    // Nothing is outstanding once the answers are in: the busy indicator is hidden.
    auto *busy = m_window->findChild<QWidget *>(QStringLiteral("busyIndicator"));
    QVERIFY(busy);
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible(), 10000);

    auto *stack = m_window->findChild<QStackedWidget *>(QStringLiteral("servicesStack"));
    auto *noServices = m_window->findChild<QLabel *>(QStringLiteral("noServicesLabel"));
    if (m_window->serviceModel()->rowCount() == 0) {
        QCOMPARE(stack->currentWidget(), noServices);
        QCOMPARE(noServices->text(), QStringLiteral("No mail services are registered yet."));
    } else {
        QCOMPARE(stack->currentWidget(),
                 m_window->findChild<QTreeView *>(QStringLiteral("serviceView")));
    }
    QVERIFY(!guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow")).isEmpty());
}

void TestAdminWindow::followsServiceNotifications()
{
    // What maild sends when a service changes state: the window's rows follow it.
    admin::ServiceListModel *model = m_window->serviceModel();
    const int before = model->rowCount();
    const QJsonObject running{
        {QStringLiteral("name"), QStringLiteral("test-smtp")},
        {QStringLiteral("displayName"), QStringLiteral("SMTP (test)")},
        {QStringLiteral("state"), QStringLiteral("running")},
        {QStringLiteral("enabled"), true},
        {QStringLiteral("listeners"), QJsonArray{QStringLiteral("127.0.0.1:2525")}},
        {QStringLiteral("error"), QString()}};
    emit m_manager->client()->notificationReceived(QStringLiteral("service.state"), running);
    QCOMPARE(model->rowCount(), before + 1);
    const int row = model->rowOf(QStringLiteral("test-smtp"));
    QCOMPARE(model->index(row, admin::ServiceListModel::StateColumn).data().toString(),
             QStringLiteral("Running"));
    QCOMPARE(
        m_window->findChild<QStackedWidget *>(QStringLiteral("servicesStack"))->currentWidget(),
        m_window->findChild<QTreeView *>(QStringLiteral("serviceView")));

    QJsonObject failed = running;
    failed[QStringLiteral("state")] = QStringLiteral("failed");
    failed[QStringLiteral("error")] = QStringLiteral("port 2525 is in use");
    emit m_manager->client()->notificationReceived(QStringLiteral("service.state"), failed);
    QCOMPARE(model->rowCount(), before + 1);
    QCOMPARE(model->index(row, admin::ServiceListModel::StateColumn).data().toString(),
             QStringLiteral("Failed"));
    QCOMPARE(model->index(row, admin::ServiceListModel::ErrorColumn).data().toString(),
             QStringLiteral("port 2525 is in use"));

    // A refresh shows the daemon's real list again.
    QSignalSpy refreshed(m_window.get(), &admin::MainWindow::statusRefreshed);
    m_window->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 10000);
    QCOMPARE(model->rowOf(QStringLiteral("test-smtp")), -1);
}

void TestAdminWindow::followsServiceChangesMadeElsewhere()
{
    // Another administrator (mailctl, another window) stops and starts a service: the
    // daemon's service.state notifications update this window's row.
    admin::ServiceListModel *model = m_window->serviceModel();
    QString name;
    for (int row = 0; row < model->rowCount() && name.isEmpty(); ++row) {
        if (model->service(row).state == common::model::ServiceState::Running)
            name = model->service(row).name;
    }
    if (name.isEmpty())
        QSKIP("the daemon runs no service yet");
    auto r = m_daemon.call(QStringLiteral("service.stop"), {{QStringLiteral("name"), name}});
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message : QString()));
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(model->rowOf(name), admin::ServiceListModel::StateColumn).data().toString(),
        QStringLiteral("Stopped"), 10000);
    guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-servicestopped"));
    r = m_daemon.call(QStringLiteral("service.start"), {{QStringLiteral("name"), name}});
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message : QString()));
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(model->rowOf(name), admin::ServiceListModel::StateColumn).data().toString(),
        QStringLiteral("Running"), 10000);
}

void TestAdminWindow::stopsAndStartsSmtpFromTheToolbar()
{
    const quint16 port = m_daemon.port(QStringLiteral("smtp"));
    QVERIFY(port != 0);
    QTRY_COMPARE_WITH_TIMEOUT(daemonState(QStringLiteral("smtp")), QStringLiteral("running"),
                              10000);
    QVERIFY(portAccepts(port));

    m_window->selectService(QStringLiteral("smtp"));
    QCOMPARE(m_window->sidebar()->currentService(), QStringLiteral("smtp"));
    admin::ServiceActions *actions = m_window->serviceActions();
    QTRY_VERIFY_WITH_TIMEOUT(actions->stopAction()->isEnabled(), 10000);
    QVERIFY(!actions->startAction()->isEnabled());
    guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-smtp"));

    // Stopping asks first; Cancel would leave it running.
    clickToolButton(actions->stopAction());
    QPushButton *confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (confirm = m_window->findChild<QPushButton *>(QStringLiteral("confirmButton"))) &&
            confirm->isVisible(),
        5000);
    QCOMPARE(daemonState(QStringLiteral("smtp")), QStringLiteral("running"));
    guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-confirmstop"));
    QTest::mouseClick(confirm, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(daemonState(QStringLiteral("smtp")), QStringLiteral("stopped"),
                              10000);
    QVERIFY(!portAccepts(port));
    // The buttons follow what the daemon pushed.
    QTRY_VERIFY_WITH_TIMEOUT(actions->startAction()->isEnabled(), 10000);
    QVERIFY(!actions->stopAction()->isEnabled());

    clickToolButton(actions->startAction());
    QTRY_COMPARE_WITH_TIMEOUT(daemonState(QStringLiteral("smtp")), QStringLiteral("running"),
                              10000);
    QTRY_VERIFY_WITH_TIMEOUT(portAccepts(port), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(actions->stopAction()->isEnabled(), 10000);
    m_window->selectService(QString());
}

void TestAdminWindow::survivesDaemonRestart()
{
    QSignalSpy lost(m_manager.get(), &ConnectionManager::connectionLost);
    QSignalSpy reconnected(m_manager.get(), &ConnectionManager::reconnected);
    QSignalSpy refreshed(m_window.get(), &admin::MainWindow::statusRefreshed);
    const qint64 oldPid = m_daemon.pid();

    QVERIFY2(m_daemon.stop(), qPrintable(m_daemon.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(connectionText(), QStringLiteral("Connection lost — reconnecting…"),
                              5000);
    QCOMPARE(m_manager->state(), ConnectionManager::State::Reconnecting);
    guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-reconnecting"));
    // A few attempts fail while nothing listens; the window stays as it was.
    QTest::qWait(1500);
    QCOMPARE(reconnected.count(), 0);
    QVERIFY(m_window->isVisible());

    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.count(), 1, 15000);
    QVERIFY(m_manager->isLoggedIn());
    QTRY_VERIFY_WITH_TIMEOUT(connectionText().startsWith(QStringLiteral("Connected to ")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 10000);
    QVERIFY(m_window->status().pid != oldPid);
    QCOMPARE(m_window->status().pid, m_daemon.pid());
    QCOMPARE(label("daemonVersionLabel"), m_manager->daemonVersion());
    guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-reconnected"));
}

void TestAdminWindow::asksAgainWhenThePasswordChanged()
{
    // Another administrator changes our password, then the daemon restarts: the remembered
    // password no longer works, so the window asks for the new one instead of retrying.
    const QString newPassword = QStringLiteral("a brand new passphrase");
    const auto changed = m_daemon.call(QStringLiteral("account.setPassword"),
                                       {{QStringLiteral("name"), guitest::adminUser()},
                                        {QStringLiteral("password"), newPassword}});
    QVERIFY2(changed.ok(), qPrintable(changed.error ? changed.error->message : QString()));
    m_daemon.setPassword(newPassword);

    QSignalSpy failed(m_manager.get(), &ConnectionManager::reconnectFailed);
    QVERIFY(m_daemon.stop());
    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
    QCOMPARE(failed.at(0).at(0).value<ConnectionManager::FailureKind>(),
             ConnectionManager::FailureKind::WrongPassword);
    QCOMPARE(m_manager->state(), ConnectionManager::State::Disconnected);
    QVERIFY(connectionText().startsWith(QStringLiteral("Disconnected: Wrong name or password")));

    gui::LoginDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = m_window->findChild<gui::LoginDialog *>()) && dialog->isVisible(), 5000);
    QCOMPARE(dialog->socketPath(), m_daemon.socketPath());
    QCOMPARE(dialog->userName(), guitest::adminUser());
    guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-loginagain"));
    guitest::saveScreenshot(dialog, QStringLiteral("adminwindow-loginagain-dialog"));

    QSignalSpy refreshed(m_window.get(), &admin::MainWindow::statusRefreshed);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), newPassword);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("loginButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_manager->isLoggedIn(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 10000);
    QVERIFY(connectionText().startsWith(QStringLiteral("Connected to ")));
}

void TestAdminWindow::cleanupTestCase()
{
    m_window.reset();
    m_manager.reset();
    QVERIFY2(m_daemon.stop(), qPrintable(m_daemon.errorString()));
}

QTEST_MAIN(TestAdminWindow)
#include "tst_adminwindow.moc"
