// The Server Admin window's Certificates pane against a real maild: a self-signed certificate
// created in the window and assigned to IMAP is what tls.list reports as used by imap, and
// what `openssl s_client` is shown on the IMAPS port; a signing request is made and saved to
// a file; a certificate made by openssl is imported; deleting asks first.
#include "certificatelistmodel.h"
#include "certificatespane.h"
#include "connectionmanager.h"
#include "daemonfixture.h"
#include "mainwindow.h"

#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using gui::ConnectionManager;

class TestAdminCertificates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createsAndAssignsToImap();
    void makesAndSavesASigningRequest();
    void importsACertificate();
    void deletesAfterAsking();
    void cleanupTestCase();

private:
    QJsonObject daemonCertificate(const QString &name)
    {
        const auto r = m_daemon.call(QStringLiteral("tls.list"));
        for (const QJsonValue &v : r.object().value(QStringLiteral("certificates")).toArray()) {
            if (v[QStringLiteral("name")].toString() == name)
                return v.toObject();
        }
        return {};
    }
    // The SHA-256 fingerprint of the certificate the IMAPS port presents, "AB:CD:...", or
    // empty when this attempt got none (the caller tries again).
    QString presentedFingerprint()
    {
        QProcess client;
        client.start(QStringLiteral("openssl"),
                     {QStringLiteral("s_client"), QStringLiteral("-connect"),
                      QStringLiteral("127.0.0.1:%1").arg(m_daemon.port(QStringLiteral("imaps")))});
        // Once the handshake is done and the certificate printed, stdin's end closes it.
        client.closeWriteChannel();
        if (!client.waitForFinished(15000)) {
            client.kill();
            client.waitForFinished(5000);
        }
        const QByteArray handshake = client.readAllStandardOutput();
        if (!handshake.contains("-----BEGIN CERTIFICATE-----"))
            return {};
        QProcess x509;
        x509.start(QStringLiteral("openssl"),
                   {QStringLiteral("x509"), QStringLiteral("-noout"),
                    QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
        x509.write(handshake);
        x509.closeWriteChannel();
        if (!x509.waitForFinished(15000))
            return {};
        const QString out = QString::fromLatin1(x509.readAllStandardOutput()).trimmed();
        return out.section(QLatin1Char('='), 1).trimmed().toUpper();
    }
    void selectRow(const QString &name)
    {
        const int row = m_pane->model()->rowOf(name);
        QVERIFY(row >= 0);
        m_pane->view()->setCurrentIndex(m_pane->model()->index(row, 0));
    }

    QTemporaryDir m_settingsDir;
    guitest::DaemonFixture m_daemon;
    std::unique_ptr<ConnectionManager> m_manager;
    std::unique_ptr<admin::MainWindow> m_window;
    admin::CertificatesPane *m_pane = nullptr;
};

void TestAdminCertificates::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_admincertificates"));
    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QVERIFY2(m_daemon.bootstrap(), qPrintable(m_daemon.errorString()));
    QVERIFY(m_daemon.port(QStringLiteral("imaps")) != 0);
    m_manager = std::make_unique<ConnectionManager>();
    QSignalSpy loggedIn(m_manager.get(), &ConnectionManager::loggedIn);
    m_manager->login(m_daemon.socketPath(), guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
    m_window = std::make_unique<admin::MainWindow>(m_manager.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_pane = m_window->showPane<admin::CertificatesPane>();
    QVERIFY(m_pane);
    // The daemon made its first certificate on start.
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->rowCount() >= 1, 15000);
}

void TestAdminCertificates::createsAndAssignsToImap()
{
    const QString name = QStringLiteral("gui-made");
    QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("newCertificateButton")),
                      Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = m_pane->findChild<QDialog *>(QStringLiteral("selfSignedDialog"))) &&
            dialog->isVisible(),
        5000);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("certificateNameEdit")), name);
    auto *hosts = dialog->findChild<QLineEdit *>(QStringLiteral("certificateHostsEdit"));
    hosts->clear();
    QTest::keyClicks(hosts, QStringLiteral("mail.example.org, imap.example.org"));
    guitest::saveScreenshot(dialog, QStringLiteral("adminwindow-newcertificate"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("createCertificateButton")),
                      Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!daemonCertificate(name).isEmpty(), 30000);
    const QJsonObject made = daemonCertificate(name);
    QCOMPARE(made.value(QStringLiteral("sans")).toArray(),
             (QJsonArray{QStringLiteral("mail.example.org"), QStringLiteral("imap.example.org")}));
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->rowOf(name) >= 0, 10000);

    selectRow(name);
    auto *service = m_pane->findChild<QComboBox *>(QStringLiteral("assignServiceCombo"));
    service->setCurrentIndex(service->findData(QStringLiteral("imap")));
    QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("assignCertificateButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(daemonCertificate(name)
                                 .value(QStringLiteral("usedBy"))
                                 .toArray()
                                 .contains(QStringLiteral("imap")),
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_pane->model()
            ->index(m_pane->model()->rowOf(name), admin::CertificateListModel::UsedByColumn)
            .data()
            .toString()
            .contains(QStringLiteral("imap")),
        10000);
    QVERIFY(!guitest::saveScreenshot(m_window.get(), QStringLiteral("adminwindow-certificates"))
                 .isEmpty());

    // The handshake on IMAPS shows that certificate.
    const QString fingerprint = made.value(QStringLiteral("fingerprint")).toString().toUpper();
    QVERIFY(!fingerprint.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(presentedFingerprint(), fingerprint, 60000);
}

void TestAdminCertificates::makesAndSavesASigningRequest()
{
    QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("newRequestButton")),
                      Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = m_pane->findChild<QDialog *>(QStringLiteral("selfSignedDialog"))) &&
            dialog->isVisible(),
        5000);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("certificateNameEdit")),
                     QStringLiteral("from-ca"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("createCertificateButton")),
                      Qt::LeftButton);
    QFileDialog *save = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (save = m_pane->findChild<QFileDialog *>(QStringLiteral("saveRequestDialog"))) &&
            save->isVisible(),
        30000);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("from-ca.csr"));
    save->selectFile(path);
    QMetaObject::invokeMethod(save, "accept"); // QFileDialog::accept() is protected
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 5000);
    QFile csr(path);
    QVERIFY(csr.open(QIODevice::ReadOnly));
    QVERIFY(csr.readAll().contains("-----BEGIN CERTIFICATE REQUEST-----"));
    QCOMPARE(daemonCertificate(QStringLiteral("from-ca")).value(QStringLiteral("state")).toString(),
             QStringLiteral("pending"));
}

void TestAdminCertificates::importsACertificate()
{
    // The daemon accepts only a certificate that covers its own host name.
    const QString host = m_manager->host();
    QVERIFY(!host.isEmpty());
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                   QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=") + host, QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:") + host});
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);

    m_pane->view()->clearSelection();
    QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("importCertificateButton")),
                      Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = m_pane->findChild<QDialog *>(QStringLiteral("importCertificateDialog"))) &&
            dialog->isVisible(),
        5000);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("importNameEdit")),
                     QStringLiteral("imported"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("importCertificateEdit")), cert);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("importKeyEdit")), key);
    guitest::saveScreenshot(dialog, QStringLiteral("adminwindow-importcertificate"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("importButton")),
                      Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(
        !daemonCertificate(QStringLiteral("imported")).isEmpty(),
        qPrintable(m_pane->findChild<QLabel *>(QStringLiteral("certificatesMessage"))->text()),
        15000);
    QCOMPARE(daemonCertificate(QStringLiteral("imported")).value(QStringLiteral("sans")).toArray(),
             QJsonArray{host});
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->rowOf(QStringLiteral("imported")) >= 0, 10000);
}

void TestAdminCertificates::deletesAfterAsking()
{
    // A certificate nobody uses.
    QVERIFY(m_daemon
                .call(QStringLiteral("tls.createSelfSigned"),
                      {{QStringLiteral("name"), QStringLiteral("spare")},
                       {QStringLiteral("hosts"), QJsonArray{QStringLiteral("spare.example.org")}}})
                .ok());
    m_pane->reload();
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->rowOf(QStringLiteral("spare")) >= 0, 10000);
    selectRow(QStringLiteral("spare"));
    QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("deleteCertificateButton")),
                      Qt::LeftButton);
    QPushButton *confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (confirm = m_window->findChild<QPushButton *>(QStringLiteral("confirmButton"))) &&
            confirm->isVisible(),
        5000);
    QVERIFY(!daemonCertificate(QStringLiteral("spare")).isEmpty());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(daemonCertificate(QStringLiteral("spare")).isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_pane->model()->rowOf(QStringLiteral("spare")), -1, 10000);
}

void TestAdminCertificates::cleanupTestCase()
{
    m_window.reset();
    m_manager.reset();
    QVERIFY2(m_daemon.stop(), qPrintable(m_daemon.errorString()));
}

QTEST_MAIN(TestAdminCertificates)
#include "tst_admincertificates.moc"
