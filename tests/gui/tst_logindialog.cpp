// The login window against a real maild: typing and clicking as a person would, then the
// outcome for a right password, a wrong one, a missing or dead socket, a daemon without
// administrator, and too many failures. Also: the password is never written to QSettings.
#include "connectionmanager.h"
#include "daemonfixture.h"
#include "logindialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using gui::ConnectionManager;
using gui::LoginDialog;

class TestLoginDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void logsIn();
    void wrongPassword();
    void missingSocket();
    void deadSocket();
    void emptyFieldsAreRefusedLocally();
    void needsBootstrap();
    void rateLimited();
    void cleanupTestCase();

private:
    // Types name and password into the dialog's fields and clicks Log In.
    void fillAndClick(LoginDialog &dialog, const QString &user, const QString &password);
    template <typename T> T *child(QWidget &w, const char *name)
    {
        T *c = w.findChild<T *>(QString::fromLatin1(name));
        if (!c)
            qFatal("no child %s", name);
        return c;
    }

    guitest::DaemonFixture m_daemon;
    QTemporaryDir m_settingsDir;
};

void TestLoginDialog::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_logindialog"));
    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QVERIFY2(m_daemon.bootstrap(), qPrintable(m_daemon.errorString()));
}

void TestLoginDialog::init()
{
    QSettings().clear();
}

void TestLoginDialog::fillAndClick(LoginDialog &dialog, const QString &user,
                                   const QString &password)
{
    auto *userEdit = child<QLineEdit>(dialog, "userEdit");
    auto *passwordEdit = child<QLineEdit>(dialog, "passwordEdit");
    userEdit->clear();
    QTest::keyClicks(userEdit, user);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    QTest::mouseClick(child<QPushButton>(dialog, "loginButton"), Qt::LeftButton);
}

void TestLoginDialog::logsIn()
{
    ConnectionManager manager;
    QSignalSpy loggedIn(&manager, &ConnectionManager::loggedIn);
    LoginDialog dialog(&manager);
    dialog.setSocketPath(m_daemon.socketPath());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(child<QLineEdit>(dialog, "passwordEdit")->echoMode(), QLineEdit::Password);

    auto *userEdit = child<QLineEdit>(dialog, "userEdit");
    QTest::keyClicks(userEdit, guitest::adminUser());
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), guitest::adminPassword());
    guitest::saveScreenshot(&dialog, QStringLiteral("logindialog"));
    QTest::mouseClick(child<QPushButton>(dialog, "loginButton"), Qt::LeftButton);
    // The login runs asynchronously: the dialog is busy, not frozen.
    QVERIFY(dialog.isBusy() || loggedIn.count() == 1);

    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(manager.isLoggedIn());
    QVERIFY(!manager.daemonVersion().isEmpty());
    QVERIFY(!manager.helloResult().value(QStringLiteral("needsBootstrap")).toBool());
    QVERIFY(child<QLineEdit>(dialog, "passwordEdit")->text().isEmpty());
    QVERIFY(!child<QProgressBar>(dialog, "busyIndicator")->isVisible());

    // The session works: the client answers a call that needs a login.
    std::optional<common::control::Reply> status;
    manager.client()->call(QStringLiteral("server.status"), {},
                           [&](const common::control::Reply &r) { status = r; });
    QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 10000);
    QVERIFY2(status->ok(), qPrintable(status->error ? status->error->message : QString()));

    // Socket path and name are remembered; the password nowhere.
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("login/socketPath")).toString(), m_daemon.socketPath());
    QCOMPARE(settings.value(QStringLiteral("login/user")).toString(), guitest::adminUser());
    const QStringList keys = settings.allKeys();
    for (const QString &key : keys) {
        QVERIFY2(!key.contains(QStringLiteral("password"), Qt::CaseInsensitive), qPrintable(key));
        QVERIFY(!settings.value(key).toString().contains(guitest::adminPassword()));
    }
    // A new dialog starts from what was remembered.
    LoginDialog again(&manager);
    QCOMPARE(again.socketPath(), m_daemon.socketPath());
    QCOMPARE(again.userName(), guitest::adminUser());
}

void TestLoginDialog::wrongPassword()
{
    ConnectionManager manager;
    QSignalSpy failed(&manager, &ConnectionManager::loginFailed);
    LoginDialog dialog(&manager);
    dialog.setSocketPath(m_daemon.socketPath());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillAndClick(dialog, guitest::adminUser(), QStringLiteral("not the password"));

    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
    QCOMPARE(failed.at(0).at(0).value<ConnectionManager::FailureKind>(),
             ConnectionManager::FailureKind::WrongPassword);
    auto *status = child<QLabel>(dialog, "statusLabel");
    QVERIFY2(status->text().contains(QStringLiteral("Wrong name or password")),
             qPrintable(status->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted
    QVERIFY(!manager.isLoggedIn());
    QCOMPARE(manager.state(), ConnectionManager::State::Disconnected);
    QVERIFY(child<QPushButton>(dialog, "loginButton")->isEnabled());
    QVERIFY(child<QLineEdit>(dialog, "passwordEdit")->isEnabled());
    guitest::saveScreenshot(&dialog, QStringLiteral("logindialog-wrongpassword"));

    // The same dialog then succeeds with the right password.
    QSignalSpy loggedIn(&manager, &ConnectionManager::loggedIn);
    fillAndClick(dialog, guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestLoginDialog::missingSocket()
{
    QTemporaryDir empty;
    ConnectionManager manager;
    QSignalSpy failed(&manager, &ConnectionManager::loginFailed);
    LoginDialog dialog(&manager);
    auto *pathEdit = child<QLineEdit>(dialog, "socketPathEdit");
    pathEdit->clear();
    QTest::keyClicks(pathEdit, empty.path() + QStringLiteral("/run/control.sock"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillAndClick(dialog, guitest::adminUser(), guitest::adminPassword());

    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(failed.at(0).at(0).value<ConnectionManager::FailureKind>(),
             ConnectionManager::FailureKind::NotRunning);
    const QString text = child<QLabel>(dialog, "statusLabel")->text();
    QVERIFY2(text.contains(QStringLiteral("not running")), qPrintable(text));
    QVERIFY2(text.contains(empty.path()), qPrintable(text));
    QVERIFY(!dialog.isBusy());
    QVERIFY(dialog.isVisible());
    guitest::saveScreenshot(&dialog, QStringLiteral("logindialog-notrunning"));
}

void TestLoginDialog::deadSocket()
{
    // A socket file nobody listens on: what a crashed daemon leaves behind.
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/control.sock");
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const QByteArray encoded = path.toLocal8Bit();
    QVERIFY(size_t(encoded.size()) < sizeof(addr.sun_path));
    memcpy(addr.sun_path, encoded.constData(), size_t(encoded.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
    ::close(fd);

    ConnectionManager manager;
    QSignalSpy failed(&manager, &ConnectionManager::loginFailed);
    LoginDialog dialog(&manager);
    dialog.setSocketPath(path);
    dialog.show();
    fillAndClick(dialog, guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(failed.at(0).at(0).value<ConnectionManager::FailureKind>(),
             ConnectionManager::FailureKind::NotRunning);
    QVERIFY(child<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("not running")));
}

void TestLoginDialog::emptyFieldsAreRefusedLocally()
{
    ConnectionManager manager;
    QSignalSpy state(&manager, &ConnectionManager::stateChanged);
    LoginDialog dialog(&manager);
    dialog.setSocketPath(m_daemon.socketPath());
    dialog.show();
    fillAndClick(dialog, guitest::adminUser(), QString());
    QCOMPARE(child<QLabel>(dialog, "statusLabel")->text(), QStringLiteral("Enter the password."));
    fillAndClick(dialog, QString(), QStringLiteral("x"));
    QCOMPARE(child<QLabel>(dialog, "statusLabel")->text(),
             QStringLiteral("Enter the administrator's name."));
    QCOMPARE(state.count(), 0); // nothing was sent
}

void TestLoginDialog::needsBootstrap()
{
    guitest::DaemonFixture fresh;
    QVERIFY2(fresh.start(), qPrintable(fresh.errorString()));
    ConnectionManager manager;
    QSignalSpy bootstrap(&manager, &ConnectionManager::needsBootstrap);
    QSignalSpy failed(&manager, &ConnectionManager::loginFailed);
    LoginDialog dialog(&manager);
    dialog.setSocketPath(fresh.socketPath());
    dialog.show();
    fillAndClick(dialog, guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(bootstrap.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<ConnectionManager::FailureKind>(),
             ConnectionManager::FailureKind::NeedsBootstrap);
    QCOMPARE(child<QLabel>(dialog, "statusLabel")->text(),
             QStringLiteral("This server has no administrator yet. Run `mailctl bootstrap` as "
                            "the user that runs maild."));
    guitest::saveScreenshot(&dialog, QStringLiteral("logindialog-needsbootstrap"));
    // The GUI never bootstraps: the daemon still has no administrator.
    common::control::ControlClient probe;
    QVERIFY(probe.connectAndWait(fresh.socketPath()).isEmpty());
    const auto hello = probe.callAndWait(QStringLiteral("hello"));
    QVERIFY(hello.ok());
    QVERIFY(hello.object().value(QStringLiteral("needsBootstrap")).toBool());
}

void TestLoginDialog::rateLimited()
{
    ConnectionManager manager;
    LoginDialog dialog(&manager);
    dialog.setSocketPath(m_daemon.socketPath());
    dialog.show();
    auto *status = child<QLabel>(dialog, "statusLabel");
    auto *loginButton = child<QPushButton>(dialog, "loginButton");
    // Failures are counted per name: hammer a name nobody uses until the daemon locks it.
    bool limited = false;
    for (int i = 0; i < 30 && !limited; ++i) {
        fillAndClick(dialog, QStringLiteral("mallory"), QStringLiteral("guess %1").arg(i));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 15000);
        limited = status->text().startsWith(QStringLiteral("Too many failed attempts"));
    }
    QVERIFY2(limited, qPrintable(status->text()));
    QVERIFY(manager.retryAfterSeconds() > 0);
    QVERIFY2(status->text().contains(QStringLiteral("try again in")), qPrintable(status->text()));
    QVERIFY(!loginButton->isEnabled()); // until the wait is over
    guitest::saveScreenshot(&dialog, QStringLiteral("logindialog-ratelimited"));
    // The countdown ticks.
    const QString before = status->text();
    QTRY_VERIFY_WITH_TIMEOUT(status->text() != before, 3000);
}

void TestLoginDialog::cleanupTestCase()
{
    QVERIFY2(m_daemon.stop(), qPrintable(m_daemon.errorString()));
}

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
