// The Server Admin window's Settings pane against a real maild: a value typed in the window
// and applied is what settings.get returns; a change made through the control socket shows
// in the window without a refresh (but never over an unapplied edit); a refused value is
// explained next to its field and nothing typed is lost; local domains are added and removed.
#include "connectionmanager.h"
#include "daemonfixture.h"
#include "domainseditor.h"
#include "mainwindow.h"
#include "settingfield.h"
#include "settingspane.h"

#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using gui::ConnectionManager;

class TestAdminSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void appliesAnEdit();
    void followsChangesMadeElsewhere();
    void keepsAnUnappliedEdit();
    void showsTheRefusalNextToTheField();
    void addsAndRemovesALocalDomain();
    void cleanupTestCase();

private:
    QJsonValue daemonValue(const QString &key)
    {
        const auto r = m_daemon.call(QStringLiteral("settings.get"),
                                     {{QStringLiteral("keys"), QJsonArray{key}}});
        return r.object()
            .value(QStringLiteral("settings"))
            .toArray()
            .at(0)[QStringLiteral("value")];
    }
    bool setElsewhere(const QString &key, const QJsonValue &value)
    {
        return m_daemon
            .call(QStringLiteral("settings.set"),
                  {{QStringLiteral("values"), QJsonObject{{key, value}}}})
            .ok();
    }
    QSpinBox *spin(const QString &key) const
    {
        return qobject_cast<QSpinBox *>(m_pane->field(key)->editor());
    }
    static void typeInto(QSpinBox *box, const QString &text)
    {
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, text);
    }

    QTemporaryDir m_settingsDir;
    guitest::DaemonFixture m_daemon;
    std::unique_ptr<ConnectionManager> m_manager;
    std::unique_ptr<admin::MainWindow> m_window;
    admin::SettingsPane *m_pane = nullptr;
};

void TestAdminSettings::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_adminsettings"));
    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QVERIFY2(m_daemon.bootstrap(), qPrintable(m_daemon.errorString()));
    m_manager = std::make_unique<ConnectionManager>();
    QSignalSpy loggedIn(m_manager.get(), &ConnectionManager::loggedIn);
    m_manager->login(m_daemon.socketPath(), guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
    m_window = std::make_unique<admin::MainWindow>(m_manager.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_pane = m_window->showPane<admin::SettingsPane>();
    QVERIFY(m_pane);
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->field(QStringLiteral("smtp.maxRecipients")), 15000);
    QVERIFY(m_pane->field(QStringLiteral("server.hostname")));
    QVERIFY(!m_pane->applyButton()->isEnabled());
    QVERIFY(
        !guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-settings")).isEmpty());
}

void TestAdminSettings::appliesAnEdit()
{
    const QString key = QStringLiteral("smtp.maxRecipients");
    QCOMPARE(spin(key)->value(), int(daemonValue(key).toInteger()));
    auto *tabs = m_pane->findChild<QTabWidget *>(QStringLiteral("settingsTabs"));
    tabs->setCurrentIndex(2); // Filters & limits
    typeInto(spin(key), QStringLiteral("42"));
    QCOMPARE(spin(key)->value(), 42);
    QVERIFY(m_pane->field(key)->isModified());
    QVERIFY(m_pane->applyButton()->isEnabled());
    guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-settings-limits"));
    QTest::mouseClick(m_pane->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(daemonValue(key).toInteger(), 42, 10000);
    QTRY_VERIFY(!m_pane->field(key)->isModified());
    QVERIFY(!m_pane->applyButton()->isEnabled());
}

void TestAdminSettings::followsChangesMadeElsewhere()
{
    const QString key = QStringLiteral("smtp.maxRecipients");
    QVERIFY(setElsewhere(key, 77));
    // settings.changed is pushed; nobody clicks Refresh.
    QTRY_COMPARE_WITH_TIMEOUT(spin(key)->value(), 77, 10000);
    QVERIFY(!m_pane->field(key)->isModified());
}

void TestAdminSettings::keepsAnUnappliedEdit()
{
    const QString key = QStringLiteral("smtp.maxConnectionsPerAddress");
    typeInto(spin(key), QStringLiteral("7"));
    QVERIFY(m_pane->field(key)->isModified());
    QSignalSpy shown(m_pane, &admin::SettingsPane::settingsShown);
    QVERIFY(setElsewhere(key, 9));
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 10000);
    QTRY_COMPARE(m_pane->field(key)->info().value.toInteger(), 9);
    QCOMPARE(spin(key)->value(), 7); // the person's edit stays
    QTest::mouseClick(m_pane->revertButton(), Qt::LeftButton);
    QCOMPARE(spin(key)->value(), 9);
    QVERIFY(!m_pane->field(key)->isModified());
}

void TestAdminSettings::showsTheRefusalNextToTheField()
{
    const QString key = QStringLiteral("smtp.trustedNetworks");
    const QString other = QStringLiteral("smtp.maxRecipients");
    m_pane->findChild<QTabWidget *>(QStringLiteral("settingsTabs"))->setCurrentIndex(1);
    auto *networks = qobject_cast<QPlainTextEdit *>(m_pane->field(key)->editor());
    QVERIFY(networks);
    networks->setFocus();
    QTest::keyClicks(networks, QStringLiteral("not a network"));
    typeInto(spin(other), QStringLiteral("55"));
    QTest::mouseClick(m_pane->applyButton(), Qt::LeftButton);
    auto *error = m_pane->field(key)->findChild<QLabel *>(QStringLiteral("settingError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY(!error->text().isEmpty());
    guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-settings-refused"));
    // All or nothing: neither value was stored, and both edits are still there.
    QCOMPARE(daemonValue(other).toInteger(), 77);
    QCOMPARE(daemonValue(key).toArray().size(), 0);
    QCOMPARE(networks->toPlainText(), QStringLiteral("not a network"));
    QCOMPARE(spin(other)->value(), 55);

    // Corrected, it goes through.
    networks->setPlainText(QStringLiteral("192.0.2.0/24"));
    QTest::mouseClick(m_pane->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(daemonValue(key).toArray(),
                              QJsonArray{QStringLiteral("192.0.2.0/24")}, 10000);
    QCOMPARE(daemonValue(other).toInteger(), 55);
    QTRY_VERIFY(!error->isVisible());
}

void TestAdminSettings::addsAndRemovesALocalDomain()
{
    auto domains = [this] {
        QStringList names;
        const auto r = m_daemon.call(QStringLiteral("domain.list"));
        for (const QJsonValue &v : r.object().value(QStringLiteral("domains")).toArray())
            names.append(v[QStringLiteral("name")].toString());
        return names;
    };
    m_pane->findChild<QTabWidget *>(QStringLiteral("settingsTabs"))->setCurrentIndex(0);
    admin::DomainsEditor *editor = m_pane->domainsEditor();
    QVERIFY(editor);
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("newDomainEdit")),
                     QStringLiteral("example.net"));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("addDomainButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(domains().contains(QStringLiteral("example.net")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(editor->domains().contains(QStringLiteral("example.net")), 10000);
    guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-settings-general"));

    auto *list = editor->findChild<QListWidget *>(QStringLiteral("domainList"));
    list->setCurrentRow(int(editor->domains().indexOf(QStringLiteral("example.net"))));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("removeDomainButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!domains().contains(QStringLiteral("example.net")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->domains().contains(QStringLiteral("example.net")), 10000);
}

void TestAdminSettings::cleanupTestCase()
{
    m_window.reset();
    m_manager.reset();
    QVERIFY2(m_daemon.stop(), qPrintable(m_daemon.errorString()));
}

QTEST_MAIN(TestAdminSettings)
#include "tst_adminsettings.moc"
