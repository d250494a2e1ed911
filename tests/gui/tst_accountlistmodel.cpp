// AccountListModel against a real maild holding 250 accounts (created in one JSON-RPC
// batch): it pages to the last row, filters on the daemon, follows account.changed
// notifications, and passes QAbstractItemModelTester throughout. Then the mailusers window
// on top of it, with its find field.
#include "accountlistmodel.h"
#include "connectionmanager.h"
#include "daemonfixture.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using usermgr::AccountListModel;

namespace {
constexpr int kCreated = 250;
constexpr int kAccounts = kCreated + 1; // plus the administrator

QString userName(int i)
{
    return QStringLiteral("user%1").arg(i, 4, 10, QLatin1Char('0'));
}
} // namespace

class TestAccountListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pagesToTheLastRow_data();
    void pagesToTheLastRow();
    void filters();
    void followsChanges();
    void usersWindow();
    void cleanupTestCase();

private:
    // Fetches until everything is loaded, waiting for each page; returns the pages fetched.
    int fetchAll(AccountListModel &model);
    static bool waitIdle(AccountListModel &model)
    {
        return QTest::qWaitFor([&] { return !model.isLoading(); }, 15000);
    }

    QTemporaryDir m_settingsDir;
    guitest::DaemonFixture m_daemon;
    std::unique_ptr<gui::ConnectionManager> m_manager;
};

void TestAccountListModel::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_accountlistmodel"));
    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QVERIFY2(m_daemon.bootstrap(), qPrintable(m_daemon.errorString()));

    QJsonArray creates;
    for (int i = 1; i <= kCreated; ++i) {
        QJsonObject params{{QStringLiteral("name"), userName(i)},
                           {QStringLiteral("fullName"), QStringLiteral("Test Person %1").arg(i)}};
        if (i % 10 == 0)
            params.insert(QStringLiteral("mail"),
                          QJsonObject{{QStringLiteral("quotaBytes"), qint64(1) << 30}});
        else if (i % 25 == 1)
            params.insert(QStringLiteral("mail"),
                          QJsonObject{{QStringLiteral("state"), QStringLiteral("disabled")}});
        else if (i % 49 == 0)
            params.insert(QStringLiteral("mail"),
                          QJsonObject{{QStringLiteral("state"), QStringLiteral("forward")},
                                      {QStringLiteral("forwardAddress"),
                                       QStringLiteral("archive@example.org")}});
        creates.append(QJsonObject{{QStringLiteral("method"), QStringLiteral("account.create")},
                                   {QStringLiteral("params"), params}});
    }
    const QJsonArray answers = m_daemon.batch(creates);
    QVERIFY2(answers.size() == kCreated, qPrintable(m_daemon.errorString()));
    for (const QJsonValue &a : answers) {
        QVERIFY2(a.toObject().contains(QStringLiteral("result")),
                 QJsonDocument(a.toObject()).toJson().constData());
    }

    // Logged in after the batch, so its account.changed notifications do not reach us.
    m_manager = std::make_unique<gui::ConnectionManager>();
    QSignalSpy loggedIn(m_manager.get(), &gui::ConnectionManager::loggedIn);
    m_manager->login(m_daemon.socketPath(), guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
}

int TestAccountListModel::fetchAll(AccountListModel &model)
{
    int pages = 0;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        ++pages;
        if (!waitIdle(model))
            return -1;
    }
    return pages;
}

void TestAccountListModel::pagesToTheLastRow_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("default page") << 100;
    QTest::newRow("small pages") << 7;
    QTest::newRow("one page") << 1000;
}

void TestAccountListModel::pagesToTheLastRow()
{
    QFETCH(int, pageSize);
    AccountListModel model(m_manager->client());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(pageSize);
    QSignalSpy pages(&model, &AccountListModel::pageLoaded);
    model.reload();
    QVERIFY(waitIdle(model));
    QCOMPARE(model.totalCount(), kAccounts);
    QCOMPARE(model.rowCount(), qMin(pageSize, kAccounts));
    QCOMPARE(model.canFetchMore({}), pageSize < kAccounts);

    QVERIFY(fetchAll(model) >= 0);
    QCOMPARE(model.rowCount(), kAccounts);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(pages.count(), (kAccounts + pageSize - 1) / pageSize);
    QCOMPARE(model.index(0, AccountListModel::NameColumn).data().toString(), guitest::adminUser());
    QCOMPARE(model.index(kAccounts - 1, AccountListModel::NameColumn).data().toString(),
             userName(kCreated));
    // Sorted by name, each account once: the pages fit together without gaps or overlaps.
    for (int row = 2; row < kAccounts; ++row)
        QCOMPARE(model.account(row).name, userName(row));
    QCOMPARE(model.index(1, AccountListModel::FullNameColumn).data().toString(),
             QStringLiteral("Test Person 1"));
    QCOMPARE(model.index(1, AccountListModel::MailColumn).data().toString(),
             QStringLiteral("Disabled"));
    QCOMPARE(model.index(2, AccountListModel::MailColumn).data().toString(),
             QStringLiteral("Enabled"));
    QCOMPARE(model.index(2, AccountListModel::QuotaColumn).data().toString(),
             QStringLiteral("None"));
    QVERIFY(model.index(10, AccountListModel::QuotaColumn).data().toString() !=
            QStringLiteral("None"));
    QCOMPARE(model.index(49, AccountListModel::MailColumn).data().toString(),
             QStringLiteral("Forwarded to archive@example.org"));
}

void TestAccountListModel::filters()
{
    AccountListModel model(m_manager->client());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(QStringLiteral("user012"));
    QVERIFY(waitIdle(model));
    QCOMPARE(model.totalCount(), 10);
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(!model.canFetchMore({}));
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.account(row).name.startsWith(QStringLiteral("user012")));

    // Full names match too.
    model.setFilter(QStringLiteral("Test Person 249"));
    QVERIFY(waitIdle(model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.account(0).name, userName(249));

    model.setFilter(QStringLiteral("nobody-has-this-name"));
    QVERIFY(waitIdle(model));
    QCOMPARE(model.totalCount(), 0);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));

    model.setFilter(QString());
    QVERIFY(waitIdle(model));
    QCOMPARE(model.totalCount(), kAccounts);
    QCOMPARE(model.rowCount(), 100);
}

void TestAccountListModel::followsChanges()
{
    AccountListModel model(m_manager->client());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QVERIFY(waitIdle(model));
    QVERIFY(fetchAll(model) >= 0);
    QCOMPARE(model.rowCount(), kAccounts);

    // Changed through another connection (as mailctl or another admin would).
    auto r = m_daemon.call(QStringLiteral("account.update"),
                           {{QStringLiteral("name"), userName(5)},
                            {QStringLiteral("fullName"), QStringLiteral("Renamed Person")}});
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message : QString()));
    QTRY_COMPARE_WITH_TIMEOUT(
        model.index(model.rowOf(userName(5)), AccountListModel::FullNameColumn).data().toString(),
        QStringLiteral("Renamed Person"), 10000);

    r = m_daemon.call(QStringLiteral("account.delete"), {{QStringLiteral("name"), userName(6)}});
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message : QString()));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(userName(6)), -1, 10000);
    QCOMPARE(model.totalCount(), kAccounts - 1);

    r = m_daemon.call(QStringLiteral("account.create"),
                      {{QStringLiteral("name"), QStringLiteral("zz-newcomer")}});
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message : QString()));
    // A new account may sort anywhere: the model reloads once the burst is over.
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.totalCount() == kAccounts, 10000);
    QVERIFY(fetchAll(model) >= 0);
    QCOMPARE(model.account(model.rowCount() - 1).name, QStringLiteral("zz-newcomer"));
}

void TestAccountListModel::usersWindow()
{
    usermgr::MainWindow window(m_manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Accounts — %1").arg(m_manager->host()));
    AccountListModel *model = window.accountModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->totalCount() > 0 && !model->isLoading(), 10000);
    auto *count = window.findChild<QLabel *>(QStringLiteral("accountCountLabel"));
    QVERIFY2(count->text().startsWith(QStringLiteral("Accounts: ")), qPrintable(count->text()));
    auto *table = window.findChild<QTableView *>(QStringLiteral("accountTable"));
    QCOMPARE(table->model(), model);
    QVERIFY(!guitest::saveScreenshot(&window, QStringLiteral("userswindow")).isEmpty());

    // Scrolling to the bottom, as a person would, pages in the rest.
    for (int i = 0; i < 10 && model->canFetchMore({}); ++i) {
        const int before = model->rowCount();
        table->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > before, 10000);
    }
    QCOMPARE(model->rowCount(), model->totalCount());
    QCOMPARE(count->text(), QStringLiteral("Accounts: %1").arg(model->totalCount()));

    auto *find = window.findChild<QLineEdit *>(QStringLiteral("findEdit"));
    QTest::keyClicks(find, QStringLiteral("user012"));
    QTRY_COMPARE_WITH_TIMEOUT(model->filter(), QStringLiteral("user012"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->totalCount() == 10, 10000);
    QCOMPARE(count->text(), QStringLiteral("Accounts: 10"));
    QVERIFY(!guitest::saveScreenshot(&window, QStringLiteral("userswindow-find")).isEmpty());
}

void TestAccountListModel::cleanupTestCase()
{
    m_manager.reset();
    QVERIFY2(m_daemon.stop(), qPrintable(m_daemon.errorString()));
}

QTEST_MAIN(TestAccountListModel)
#include "tst_accountlistmodel.moc"
