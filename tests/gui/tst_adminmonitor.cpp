// The Server Admin window's monitoring panes against a real maild: Connections lists an
// IMAP client's session and Disconnect (after asking) ends it; Accounts lists accounts by
// the mail they store, largest first, marking the one past its quota warning threshold;
// Graphs draws the last hour's figures, which count those deliveries.
#include "accountspane.h"
#include "accountusagemodel.h"
#include "connectionlistmodel.h"
#include "connectionmanager.h"
#include "connectionspane.h"
#include "daemonfixture.h"
#include "realclients.h"
#include "graphspane.h"
#include "mainwindow.h"

#include <QJsonArray>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using gui::ConnectionManager;

class TestAdminMonitor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsAndDisconnectsAnImapClient();
    void showsAccountsByUsage();
    void drawsTheLastHour();
    void cleanupTestCase();

private:
    bool sendMail(const QString &to, int bodyBytes)
    {
        const QString script =
            QStringLiteral("import smtplib, sys\n"
                           "s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=30)\n"
                           "s.sendmail('bob@elsewhere.test', [sys.argv[2]],\n"
                           "           'Subject: big\\r\\n\\r\\n' + ('x' * 98 + '\\r\\n') * "
                           "(int(sys.argv[3]) // 100))\n"
                           "s.quit()\n");
        const guitest::ClientRun run = guitest::runPython(
            script, {QString::number(m_daemon.port(QStringLiteral("smtp"))), to, QString::number(bodyBytes)});
        if (!run.ok)
            qWarning("smtplib: %s", qPrintable(run.output));
        return run.ok;
    }

    QTemporaryDir m_settingsDir;
    guitest::DaemonFixture m_daemon;
    std::unique_ptr<ConnectionManager> m_manager;
    std::unique_ptr<admin::MainWindow> m_window;
};

void TestAdminMonitor::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_adminmonitor"));
    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QVERIFY2(m_daemon.bootstrap(), qPrintable(m_daemon.errorString()));
    m_manager = std::make_unique<ConnectionManager>();
    QSignalSpy loggedIn(m_manager.get(), &ConnectionManager::loggedIn);
    m_manager->login(m_daemon.socketPath(), guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
    m_window = std::make_unique<admin::MainWindow>(m_manager.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAdminMonitor::listsAndDisconnectsAnImapClient()
{
    if (!m_daemon.call(QStringLiteral("connection.list")).ok())
        QSKIP("this maild has no connection.list");
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), m_daemon.port(QStringLiteral("imap")));
    QVERIFY(client.waitForConnected(10000));
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 10000); // the greeting

    m_window->selectService(QStringLiteral("imap"));
    auto *pane = m_window->showPane<admin::ConnectionsPane>();
    QVERIFY(pane);
    admin::ConnectionListModel *model = pane->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 15000);
    QCOMPARE(model->index(0, admin::ConnectionListModel::ServiceColumn).data().toString(),
             QStringLiteral("IMAP"));
    QVERIFY(model->index(0, admin::ConnectionListModel::ClientColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("127.0.0.1")));
    QVERIFY(!guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-connections"))
                 .isEmpty());

    pane->view()->setCurrentIndex(model->index(0, 0));
    QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("disconnectButton")),
                      Qt::LeftButton);
    QPushButton *confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (confirm = m_window->findChild<QPushButton *>(QStringLiteral("confirmButton"))) &&
            confirm->isVisible(),
        5000);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 15000);
    m_window->selectService(QString());
}

void TestAdminMonitor::showsAccountsByUsage()
{
    QVERIFY(m_daemon
                .call(QStringLiteral("domain.add"),
                      {{QStringLiteral("name"), QStringLiteral("example.org")}})
                .ok());
    const QJsonObject smallQuota{{QStringLiteral("quotaBytes"), 4000},
                                 {QStringLiteral("quotaWarnPercent"), 50}};
    for (const char *name : {"alice", "bob", "carol"}) {
        QJsonObject params{{QStringLiteral("name"), QString::fromLatin1(name)}};
        if (qstrcmp(name, "carol") == 0)
            params.insert(QStringLiteral("mail"), smallQuota);
        QVERIFY(m_daemon.call(QStringLiteral("account.create"), params).ok());
    }
    QVERIFY(sendMail(QStringLiteral("carol@example.org"), 3000)); // 75% of 4000: past 50%
    QVERIFY(sendMail(QStringLiteral("alice@example.org"), 1000));

    auto *pane = m_window->showPane<admin::AccountsPane>();
    QVERIFY(pane);
    admin::AccountUsageModel *model = pane->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 4 && // with the administrator
                                 model->rowOf(QStringLiteral("carol")) == 0 &&
                                 model->rowOf(QStringLiteral("alice")) == 1,
                             20000);
    QVERIFY(model->isPastWarning(0));
    QVERIFY(!model->isPastWarning(1));
    QVERIFY(!model->isPastWarning(model->rowOf(QStringLiteral("bob"))));
    QVERIFY(model->index(0, admin::AccountUsageModel::PercentColumn)
                .data()
                .toString()
                .contains(QStringLiteral("past the warning threshold")));
    QVERIFY(
        !guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-accounts")).isEmpty());
}

void TestAdminMonitor::drawsTheLastHour()
{
    if (!m_daemon.call(QStringLiteral("stats.get")).ok())
        QSKIP("this maild has no stats.get");
    auto *pane = m_window->showPane<admin::GraphsPane>();
    QVERIFY(pane);
    QSignalSpy shown(pane, &admin::GraphsPane::statsShown);
    pane->reload();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 15000);
    // The two deliveries of showsAccountsByUsage, in the last hour's series and today's total.
    qint64 in = 0;
    for (qint64 v : pane->stats().messagesIn)
        in += v;
    QVERIFY2(in >= 2, qPrintable(QString::number(in)));
    QVERIFY(pane->stats().todayMessagesIn >= 2);
    QVERIFY(!pane->stats().connections.isEmpty());
    QVERIFY(
        !guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-graphs")).isEmpty());
}

void TestAdminMonitor::cleanupTestCase()
{
    m_window.reset();
    m_manager.reset();
    QVERIFY2(m_daemon.stop(), qPrintable(m_daemon.errorString()));
}

QTEST_MAIN(TestAdminMonitor)
#include "tst_adminmonitor.moc"
