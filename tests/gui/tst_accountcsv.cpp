// The CSV reader and writer of mailusers' import/export: RFC 4180 quoting, CRLF and LF,
// per-row checks with common/validation and the protocol's enums, and a round trip through
// export and import. Then the import preview model under QAbstractItemModelTester.
#include "accountcsv.h"
#include "importpreviewmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace usermgr;

class TestAccountCsv : public QObject
{
    Q_OBJECT

private slots:
    void records_data();
    void records();
    void rowChecks_data();
    void rowChecks();
    void roundTrip();
    void previewModel();
};

void TestAccountCsv::records_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<QStringList>>("expected");
    QTest::newRow("plain") << QStringLiteral("a,b\nc,d\n")
                           << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                                                 {QStringLiteral("c"), QStringLiteral("d")}};
    QTest::newRow("crlf, no final newline")
        << QStringLiteral("a,b\r\nc,d")
        << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                              {QStringLiteral("c"), QStringLiteral("d")}};
    QTest::newRow("quotes") << QStringLiteral("\"x, y\",\"say \"\"hi\"\"\"\n")
                            << QList<QStringList>{{QStringLiteral("x, y"),
                                                   QStringLiteral("say \"hi\"")}};
    QTest::newRow("newline inside quotes")
        << QStringLiteral("\"two\nlines\",z\n")
        << QList<QStringList>{{QStringLiteral("two\nlines"), QStringLiteral("z")}};
    QTest::newRow("empty fields and blank lines")
        << QStringLiteral("a,,\n\n,b\n")
        << QList<QStringList>{{QStringLiteral("a"), QString(), QString()},
                              {QString(), QStringLiteral("b")}};
}

void TestAccountCsv::records()
{
    QFETCH(QString, text);
    QFETCH(QList<QStringList>, expected);
    QCOMPARE(accountcsv::parseRecords(text), expected);
}

void TestAccountCsv::rowChecks_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::newRow("minimal") << QStringLiteral("alice") << QString();
    QTest::newRow("full") << QStringLiteral("bob,Bob,b@example.org;bb@example.org,forward,"
                                            "x@example.net,mail2.example.org,1000,pop,Long-pass-1")
                          << QString();
    QTest::newRow("bad name") << QStringLiteral("Bob Smith") << QStringLiteral("name:");
    QTest::newRow("bad state") << QStringLiteral("c,,,asleep") << QStringLiteral("mail state");
    QTest::newRow("forward without address") << QStringLiteral("c,,,forward")
                                             << QStringLiteral("forwarding needs");
    QTest::newRow("bad address") << QStringLiteral("c,,not-an-address") << QStringLiteral("address");
    QTest::newRow("negative quota") << QStringLiteral("c,,,,,,-1") << QStringLiteral("quota");
    QTest::newRow("bad access") << QStringLiteral("c,,,,,,,smtp") << QStringLiteral("access");
    QTest::newRow("short password") << QStringLiteral("c,,,,,,,,abc") << QStringLiteral("password");
    QTest::newRow("relay syntax") << QStringLiteral("c,,,forward,a%b@example.org")
                                  << QStringLiteral("forward address");
}

void TestAccountCsv::rowChecks()
{
    QFETCH(QString, row);
    QFETCH(QString, error);
    const QString text = accountcsv::columns().join(QLatin1Char(',')) + QLatin1Char('\n') + row;
    const QList<ImportRow> rows = accountcsv::parseImport(text);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().row, 1);
    if (error.isEmpty())
        QVERIFY2(rows.first().ok(), qPrintable(rows.first().errors.join(QLatin1Char(';'))));
    else
        QVERIFY2(rows.first().errors.join(QLatin1Char(';')).contains(error),
                 qPrintable(rows.first().errors.join(QLatin1Char(';'))));
}

void TestAccountCsv::roundTrip()
{
    common::model::Account a;
    a.name = QStringLiteral("dana");
    a.fullName = QStringLiteral("Dana \"D\" Scully, MD");
    a.addresses = {QStringLiteral("dana@example.org"), QStringLiteral("ds@example.org")};
    a.mail.state = common::model::MailState::Forward;
    a.mail.forwardAddress = QStringLiteral("dana@fbi.example");
    a.mail.quotaBytes = 123456;
    a.mail.access = common::model::MailAccess::ImapOnly;
    const QList<ImportRow> rows = accountcsv::parseImport(accountcsv::exportAccounts({a}));
    QCOMPARE(rows.size(), 1);
    QVERIFY(rows.first().ok());
    QCOMPARE(rows.first().account.fullName, a.fullName);
    QCOMPARE(rows.first().account.addresses, a.addresses);
    QCOMPARE(rows.first().account.mail, a.mail);
    QVERIFY(rows.first().password.isEmpty());
    QVERIFY(!accountcsv::exportAccounts({a}).contains(QStringLiteral("password")));
}

void TestAccountCsv::previewModel()
{
    ImportPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(accountcsv::parseImport(QStringLiteral("name,quotaBytes\nok1,0\nBAD,x\nok2,5\n")));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.validCount(), 2);
    QCOMPARE(model.refusedRows(), QList<int>{2});
    QVERIFY(model.index(1, ImportPreviewModel::StatusColumn).data().toString().startsWith(
        QStringLiteral("Refused")));
    model.setResult(0, {});
    model.setResult(2, QStringLiteral("taken"));
    QCOMPARE(model.index(0, ImportPreviewModel::StatusColumn).data().toString(),
             QStringLiteral("Created"));
    QCOMPARE(model.index(2, ImportPreviewModel::StatusColumn).data().toString(),
             QStringLiteral("Failed: taken"));
}

QTEST_MAIN(TestAccountCsv)
#include "tst_accountcsv.moc"
