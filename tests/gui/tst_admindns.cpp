// The DNS pane of mailadmin against a real maild and a real named: two MX records added in the
// window (the dialog refuses an IP address with the daemon's sentence beside the field), the
// publishing target entered in the form, Publish (after asking) puts both into the zone (read
// back with dig), and Check DNS shows both as published; removing asks first. A screenshot
// of the pane is written.
#include "connectionmanager.h"
#include "daemonfixture.h"
#include "dnspane.h"
#include "mainwindow.h"
#include "mxrecordmodel.h"
#include "namedfixture.h"
#include "sidebar.h"

#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using gui::ConnectionManager;

namespace {
const QString kDomain = QStringLiteral("example.test");
const QString kHost = QStringLiteral("mail.example.test");
} // namespace

class TestAdminDns : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addsTwoRecordsPublishesAndChecks();
    void removesAfterAsking();
    void cleanupTestCase();

private:
    QDialog *openRecordDialog(const char *button)
    {
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QLatin1String(button)), Qt::LeftButton);
        QDialog *dialog = nullptr;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT((dialog = m_pane->findChild<QDialog *>(QStringLiteral("mxRecordDialog"))) &&
                                         dialog->isVisible(),
                                     5000);
        }();
        return dialog;
    }
    void addRecord(const QString &host, int preference)
    {
        QDialog *dialog = openRecordDialog("mxAddButton");
        QVERIFY(dialog);
        auto *hostEdit = dialog->findChild<QLineEdit *>(QStringLiteral("mxHostEdit"));
        hostEdit->clear();
        QTest::keyClicks(hostEdit, host);
        dialog->findChild<QSpinBox *>(QStringLiteral("mxPreferenceSpin"))->setValue(preference);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("mxSaveButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->rowOf(host) >= 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_pane->findChild<QDialog *>(QStringLiteral("mxRecordDialog")), 5000);
    }
    void acceptConfirmation()
    {
        // The box of an earlier question may linger until its deferred deletion.
        const auto visibleBox = [this]() -> QMessageBox * {
            for (QMessageBox *b : m_window->findChildren<QMessageBox *>(QStringLiteral("confirmBox"))) {
                if (b->isVisible())
                    return b;
            }
            return nullptr;
        };
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = visibleBox()), 5000);
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
    }
    QJsonObject domain()
    {
        return m_daemon.call(QStringLiteral("mx.list"), {{QStringLiteral("domain"), kDomain}})
            .object()
            .value(QStringLiteral("domains"))
            .toArray()
            .first()
            .toObject();
    }

    QTemporaryDir m_settingsDir;
    guitest::DaemonFixture m_daemon;
    guitest::NamedFixture m_named{kDomain, {QStringLiteral("mail IN A 127.0.0.2"), QStringLiteral("backup IN A 127.0.0.3")}};
    std::unique_ptr<ConnectionManager> m_manager;
    std::unique_ptr<admin::MainWindow> m_window;
    admin::DnsPane *m_pane = nullptr;
};

void TestAdminDns::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_admindns"));
    QVERIFY2(m_named.start(), qPrintable(m_named.errorString()));
    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QVERIFY2(m_daemon.bootstrap(), qPrintable(m_daemon.errorString()));
    QVERIFY(m_daemon.call(QStringLiteral("settings.set"),
                          {{QStringLiteral("values"),
                            QJsonObject{{QStringLiteral("dns.servers"), QJsonArray{m_named.server()}},
                                        {QStringLiteral("server.hostname"), kHost}}}})
                .ok());
    QVERIFY(m_daemon.call(QStringLiteral("domain.add"), {{QStringLiteral("name"), kDomain}}).ok());
    m_manager = std::make_unique<ConnectionManager>();
    QSignalSpy loggedIn(m_manager.get(), &ConnectionManager::loggedIn);
    m_manager->login(m_daemon.socketPath(), guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
    m_window = std::make_unique<admin::MainWindow>(m_manager.get());
    m_window->resize(1100, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The sidebar lists SMTP once the first status has arrived.
    QTRY_VERIFY_WITH_TIMEOUT((m_window->selectService(QStringLiteral("smtp")),
                              m_window->sidebar()->currentService() == QLatin1String("smtp")),
                             15000);
    m_pane = m_window->showPane<admin::DnsPane>();
    QVERIFY(m_pane);
    QTRY_VERIFY(m_pane->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(m_pane->currentDomain(), kDomain, 15000);
}

void TestAdminDns::addsTwoRecordsPublishesAndChecks()
{
    // An IP address is refused, with the reason beside the host field.
    QDialog *dialog = openRecordDialog("mxAddButton");
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("mxHostEdit")), QStringLiteral("192.0.2.1"));
    auto *hostError = dialog->findChild<QLabel *>(QStringLiteral("mxHostError"));
    QTRY_VERIFY(hostError->isVisible());
    QVERIFY2(hostError->text().contains(QStringLiteral("IP address")), qPrintable(hostError->text()));
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("mxSaveButton"))->isEnabled());
    dialog->reject();

    addRecord(kHost, 10);
    addRecord(QStringLiteral("backup.example.test"), 20);
    QCOMPARE(m_pane->model()->state(m_pane->model()->rowOf(kHost)), admin::MxRecordModel::State::NotPublished);
    // A duplicate is the daemon's refusal, beside the field; the dialog stays open.
    dialog = openRecordDialog("mxAddButton");
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("mxHostEdit")), kHost);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("mxSaveButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(QStringLiteral("mxHostError"))->text().contains(
                                 QStringLiteral("already")),
                             10000);
    QVERIFY(dialog->isVisible());
    dialog->reject();

    // Where to publish: typed into the form and saved.
    QTest::keyClicks(m_pane->findChild<QLineEdit *>(QStringLiteral("dnsServerEdit")), m_named.server());
    QTest::keyClicks(m_pane->findChild<QLineEdit *>(QStringLiteral("dnsKeyNameEdit")), guitest::NamedFixture::keyName());
    QTest::keyClicks(m_pane->findChild<QLineEdit *>(QStringLiteral("dnsSecretEdit")), m_named.secret());
    QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("dnsSavePublishingButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(domain().value(QStringLiteral("publishing")).toObject().value(QStringLiteral("hasSecret")).toBool(),
                             10000);
    QVERIFY(m_pane->findChild<QLineEdit *>(QStringLiteral("dnsSecretEdit"))->text().isEmpty());

    QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("mxPublishButton")), Qt::LeftButton);
    acceptConfirmation();
    QTRY_COMPARE_WITH_TIMEOUT(m_named.mx(), (QSet<QString>{QStringLiteral("10 mail.example.test"),
                                                          QStringLiteral("20 backup.example.test")}),
                              15000);
    QTRY_VERIFY_WITH_TIMEOUT(!domain().value(QStringLiteral("pendingChanges")).toBool(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_pane->model()->state(m_pane->model()->rowOf(kHost)),
                              admin::MxRecordModel::State::Published, 10000);

    QSignalSpy checked(m_pane, &admin::DnsPane::checkShown);
    QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("mxCheckButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 15000);
    for (const QString &host : {kHost, QStringLiteral("backup.example.test")}) {
        const int row = m_pane->model()->rowOf(host);
        QCOMPARE(m_pane->model()->state(row), admin::MxRecordModel::State::InDns);
        QVERIFY(m_pane->model()->index(row, admin::MxRecordModel::StateColumn).data().toString().contains(
            QStringLiteral("published")));
    }
    QCOMPARE(m_pane->model()->rowCount(), 2); // nothing unexpected
    QVERIFY(m_pane->findChild<QLabel *>(QStringLiteral("dnsMessage"))->text().contains(QStringLiteral("2 published")));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_pane->findChild<QPlainTextEdit *>(QStringLiteral("dnsZoneText"))->toPlainText().contains(QStringLiteral("v=spf1")),
        10000);
    QVERIFY(!guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-dns")).isEmpty());
}

void TestAdminDns::removesAfterAsking()
{
    const int row = m_pane->model()->rowOf(QStringLiteral("backup.example.test"));
    QVERIFY(row >= 0);
    m_pane->findChild<QTreeView *>(QStringLiteral("mxRecordView"))->setCurrentIndex(m_pane->model()->index(row, 0));
    QTRY_VERIFY(m_pane->findChild<QPushButton *>(QStringLiteral("mxRemoveButton"))->isEnabled());
    QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("mxRemoveButton")), Qt::LeftButton);
    acceptConfirmation();
    QTRY_COMPARE_WITH_TIMEOUT(domain().value(QStringLiteral("records")).toArray().size(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->rowOf(QStringLiteral("backup.example.test")) < 0, 10000);
}

void TestAdminDns::cleanupTestCase()
{
    m_window.reset();
    m_manager.reset();
    QVERIFY(m_daemon.stop());
    m_named.stop();
}

QTEST_MAIN(TestAdminDns)
#include "tst_admindns.moc"
