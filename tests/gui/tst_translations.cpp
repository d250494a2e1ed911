// The French and German catalogues: every .ts entry translated (none unfinished, none
// empty), the .qm files CMake builds load, and the login window really speaks them.
#include "connectionmanager.h"
#include "daemonfixture.h"
#include "logindialog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
    void loginDialogSpeaks_data();
    void loginDialogSpeaks();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"mailadmin_fr", "mailadmin_de", "mailusers_fr", "mailusers_de"})
        QTest::newRow(name) << QStringLiteral(MAILROOM_TS_DIR "/%1.ts").arg(QLatin1String(name));
}

void TestTranslations::complete()
{
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    QXmlStreamReader xml(&f);
    int messages = 0;
    QString context;
    QString source;
    QStringList problems;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!type.isEmpty())
                problems.append(QStringLiteral("%1: \"%2\" is %3").arg(context, source, type));
            else if (text.trimmed().isEmpty())
                problems.append(QStringLiteral("%1: \"%2\" is empty").arg(context, source));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 50);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::loginDialogSpeaks_data()
{
    QTest::addColumn<QString>("qm");
    QTest::addColumn<QString>("loginButton");
    QTest::addColumn<QString>("notRunning");
    QTest::newRow("mailadmin fr") << QStringLiteral(MAILADMIN_QM_DIR "/mailadmin_fr.qm")
                                  << QStringLiteral("Se connecter")
                                  << QStringLiteral("Le démon de messagerie ne fonctionne pas");
    QTest::newRow("mailadmin de") << QStringLiteral(MAILADMIN_QM_DIR "/mailadmin_de.qm")
                                  << QStringLiteral("Anmelden")
                                  << QStringLiteral("Der Mail-Daemon läuft nicht");
    QTest::newRow("mailusers fr") << QStringLiteral(MAILUSERS_QM_DIR "/mailusers_fr.qm")
                                  << QStringLiteral("Se connecter")
                                  << QStringLiteral("Le démon de messagerie ne fonctionne pas");
    QTest::newRow("mailusers de") << QStringLiteral(MAILUSERS_QM_DIR "/mailusers_de.qm")
                                  << QStringLiteral("Anmelden")
                                  << QStringLiteral("Der Mail-Daemon läuft nicht");
}

void TestTranslations::loginDialogSpeaks()
{
    QFETCH(QString, qm);
    QFETCH(QString, loginButton);
    QFETCH(QString, notRunning);
    QTranslator translator;
    QVERIFY2(translator.load(qm), qPrintable(qm));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    gui::ConnectionManager manager;
    gui::LoginDialog dialog(&manager);
    QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("loginButton"))->text(), loginButton);
    QTemporaryDir empty;
    dialog.setSocketPath(empty.path() + QStringLiteral("/control.sock"));
    dialog.setUserName(QStringLiteral("admin"));
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit")),
                     QStringLiteral("secret"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("loginButton")),
                      Qt::LeftButton);
    const QString status = dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    QVERIFY2(status.startsWith(notRunning), qPrintable(status));
    guitest::saveScreenshot(&dialog,
                            QStringLiteral("logindialog-%1").arg(QFileInfo(qm).baseName()));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
