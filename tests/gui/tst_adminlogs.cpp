// The Server Admin window's Logs pane against a real maild: it shows the log's last lines,
// receives the line of an SMTP delivery (sent with Python's smtplib) through the pushed
// `log.entry` notifications, filters by level, service and text, holds lines back while
// paused, and saves the shown lines to a file; the Overview counts the messages of the day
// without a refresh click.
#include "connectionmanager.h"
#include "daemonfixture.h"
#include "realclients.h"
#include "logfiltermodel.h"
#include "loglistmodel.h"
#include "logspane.h"
#include "mainwindow.h"
#include "overviewpane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using gui::ConnectionManager;

class TestAdminLogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsTheTail();
    void receivesTheLineOfAnSmtpDelivery();
    void filtersPausesAndSaves();
    void overviewCountsTheMessages();
    void cleanupTestCase();

private:
    // Rows (in the source model) whose message contains text.
    int linesWith(const QString &text) const
    {
        int n = 0;
        for (int row = 0; row < m_pane->model()->rowCount(); ++row)
            n += m_pane->model()->entry(row).message.contains(text) ? 1 : 0;
        return n;
    }
    int daemonLinesWith(const QString &text)
    {
        const auto r = m_daemon.call(QStringLiteral("log.tail"), {{QStringLiteral("limit"), 5000}});
        int n = 0;
        for (const QJsonValue &v : r.object().value(QStringLiteral("entries")).toArray())
            n += v[QStringLiteral("message")].toString().contains(text) ? 1 : 0;
        return n;
    }
    bool sendMail(const QString &subject)
    {
        const QString script = QStringLiteral(
            "import smtplib, sys\n"
            "s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=30)\n"
            "s.sendmail('bob@elsewhere.test', ['alice@example.org'],\n"
            "           'From: bob@elsewhere.test\\r\\nTo: alice@example.org\\r\\n'\n"
            "           'Subject: ' + sys.argv[2] + '\\r\\n\\r\\nhello\\r\\n')\n"
            "s.quit()\n");
        return guitest::runPython(script, {QString::number(m_daemon.port(QStringLiteral("smtp"))), subject}).ok;
    }

    QTemporaryDir m_settingsDir;
    guitest::DaemonFixture m_daemon;
    std::unique_ptr<ConnectionManager> m_manager;
    std::unique_ptr<admin::MainWindow> m_window;
    admin::LogsPane *m_pane = nullptr;
};

void TestAdminLogs::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_adminlogs"));
    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QVERIFY2(m_daemon.bootstrap(), qPrintable(m_daemon.errorString()));
    QVERIFY(m_daemon
                .call(QStringLiteral("domain.add"),
                      {{QStringLiteral("name"), QStringLiteral("example.org")}})
                .ok());
    QVERIFY(m_daemon
                .call(QStringLiteral("account.create"),
                      {{QStringLiteral("name"), QStringLiteral("alice")},
                       {QStringLiteral("password"), QStringLiteral("alice's secret pw")}})
                .ok());

    m_manager = std::make_unique<ConnectionManager>();
    QSignalSpy loggedIn(m_manager.get(), &ConnectionManager::loggedIn);
    m_manager->login(m_daemon.socketPath(), guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
    m_window = std::make_unique<admin::MainWindow>(m_manager.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_pane = m_window->showPane<admin::LogsPane>();
    QVERIFY(m_pane);
}

void TestAdminLogs::showsTheTail()
{
    // The daemon logged its start and our logins before the window opened.
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->rowCount() > 0, 15000);
    QVERIFY(m_pane->filter()->rowCount() > 0);
}

void TestAdminLogs::receivesTheLineOfAnSmtpDelivery()
{
    const QString marker = QStringLiteral("accepted from");
    const int before = linesWith(marker);
    QVERIFY(sendMail(QStringLiteral("first")));
    // Pushed, not polled: nobody refreshes the pane. A generous bound, never a timing claim.
    QTRY_VERIFY_WITH_TIMEOUT(linesWith(marker) > before, 20000);

    // The SMTP entry of the sidebar shows the Logs tab filtered to SMTP.
    m_window->selectService(QStringLiteral("smtp"));
    QCOMPARE(m_window->showPane<admin::LogsPane>(), m_pane);
    QCOMPARE(m_pane->findChild<QComboBox *>(QStringLiteral("logServiceFilter"))->currentData(),
             QVariant(QStringLiteral("smtp")));
    QVERIFY(m_pane->filter()->rowCount() > 0);
    for (int row = 0; row < m_pane->filter()->rowCount(); ++row)
        QCOMPARE(m_pane->filter()->index(row, admin::LogListModel::ServiceColumn).data().toString(),
                 QStringLiteral("smtp"));
    QVERIFY(!guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-logs")).isEmpty());
}

void TestAdminLogs::filtersPausesAndSaves()
{
    const QString marker = QStringLiteral("accepted from");
    auto *search = m_pane->findChild<QLineEdit *>(QStringLiteral("logSearch"));
    QTest::keyClicks(search, marker);
    QTRY_VERIFY(m_pane->filter()->rowCount() > 0);
    QCOMPARE(m_pane->filter()->rowCount(), linesWith(marker));

    // Errors only: the deliveries are info lines.
    auto *level = m_pane->findChild<QComboBox *>(QStringLiteral("logLevelFilter"));
    level->setCurrentIndex(level->count() - 1);
    QCOMPARE(m_pane->filter()->rowCount(), 0);
    level->setCurrentIndex(1);
    QVERIFY(m_pane->filter()->rowCount() > 0);

    // Paused: a new delivery is held back, and shown on resuming.
    auto *pause = m_pane->findChild<QCheckBox *>(QStringLiteral("logPause"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(pause->isChecked());
    const int shown = linesWith(marker);
    QVERIFY(sendMail(QStringLiteral("second")));
    // Once the daemon has logged it, the notification was sent before any later answer.
    QTRY_VERIFY_WITH_TIMEOUT(daemonLinesWith(marker) > shown, 20000);
    QTest::qWait(200);
    QCOMPARE(linesWith(marker), shown);
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(linesWith(marker) > shown, 20000);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.log"));
    QString error;
    QVERIFY2(m_pane->saveTo(path, &error), qPrintable(error));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = saved.readAll().split('\n');
    QCOMPARE(lines.size() - 1, m_pane->filter()->rowCount());
    QVERIFY(lines.first().contains(" info smtp: "));
    QVERIFY(lines.first().contains(marker.toUtf8()));
    search->clear();
    m_window->selectService(QString());
}

void TestAdminLogs::overviewCountsTheMessages()
{
    if (!m_daemon.call(QStringLiteral("server.status"))
             .object()
             .contains(QStringLiteral("messagesToday")))
        QSKIP("this maild does not count the messages of the day");
    QVERIFY(m_window->showPane<admin::OverviewPane>());
    auto *today = m_window->findChild<QLabel *>(QStringLiteral("messagesTodayLabel"));
    QVERIFY(today);
    // Two deliveries above; the shown Overview asks for server.status every few seconds.
    QTRY_COMPARE_WITH_TIMEOUT(today->text(), QStringLiteral("2"), 30000);
}

void TestAdminLogs::cleanupTestCase()
{
    m_window.reset();
    m_manager.reset();
    QVERIFY2(m_daemon.stop(), qPrintable(m_daemon.errorString()));
}

QTEST_MAIN(TestAdminLogs)
#include "tst_adminlogs.moc"
