// The mailusers window against a real maild: create an account by typing into the editor,
// set a quota, fill the mailbox over SMTP until the daemon refuses more and see the usage
// bar pass 100 %, change the quota of three accounts at once, import a CSV file with a bad
// row (nothing written before Import), export, duplicate, the unsaved-edits and delete
// questions, and screenshots of the list and Mail tab.
// Everything the window claims is checked through a separate control connection.
#include "accountcsv.h"
#include "accounteditor.h"
#include "accountlistmodel.h"
#include "connectionmanager.h"
#include "daemonfixture.h"
#include "realclients.h"
#include "importdialog.h"
#include "importpreviewmodel.h"
#include "mailtab.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using usermgr::AccountEditor;
using usermgr::AccountListModel;

namespace {
constexpr qint64 kMB = qint64(1) << 20;

// One SMTP reply (multi-line replies read to their last line); its code, 0 on timeout.
int readReply(QTcpSocket &socket, QByteArray *text = nullptr)
{
    while (true) {
        while (!socket.canReadLine()) {
            if (!socket.waitForReadyRead(10000))
                return 0;
        }
        const QByteArray line = socket.readLine();
        if (text)
            *text += line;
        if (line.size() >= 4 && line.at(3) == ' ')
            return line.left(3).toInt();
    }
}

int command(QTcpSocket &socket, const QByteArray &line, QByteArray *text = nullptr)
{
    socket.write(line + "\r\n");
    return readReply(socket, text);
}
} // namespace

class TestUsersWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createsAnAccount();
    void showsDaemonErrorsBesideTheField();
    void duplicatesAnAccount();
    void setsQuotaAndShowsUsagePastIt();
    void editsThreeAccountsAtOnce();
    void importsCsvAfterPreview();
    void exportsCsv();
    void sortsOnTheDaemon();
    void asksBeforeDroppingEdits();
    void deletesAfterAsking();
    void screenshots();
    void cleanupTestCase();

private:
    bool waitForRow(const QString &name);
    bool select(const QStringList &names);
    bool waitEditorIdle() { return QTest::qWaitFor([this] { return !m_window->editor()->isBusy(); }, 30000); }
    template<typename T>
    T *child(const char *name)
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }
    void clickAction(const char *name);
    // Answers the next message box by clicking the button with that text; returns its text.
    void answerNextBox(const QString &button, QString *text);
    // On the indicator: a radio button stretched across the form is hit on its text only.
    void clickRadio(const char *name)
    {
        auto *radio = child<QRadioButton>(name);
        QVERIFY(radio);
        QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(6, radio->height() / 2));
    }
    bool setQuotaInWindow(int megabytes);
    int deliverToDave(QByteArray *last);
    common::model::Account get(const QString &name);

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_files;
    guitest::DaemonFixture m_daemon;
    std::unique_ptr<gui::ConnectionManager> m_manager;
    std::unique_ptr<usermgr::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestUsersWindow::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("Mailroom"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_userswindow"));
    QVERIFY2(m_daemon.start(), qPrintable(m_daemon.errorString()));
    QVERIFY2(m_daemon.bootstrap(), qPrintable(m_daemon.errorString()));
    QVERIFY(m_daemon.port(QStringLiteral("smtp")) > 0);
    QVERIFY(m_daemon.call(QStringLiteral("domain.add"), {{QStringLiteral("name"), QStringLiteral("example.org")}}).ok());

    m_manager = std::make_unique<gui::ConnectionManager>();
    QSignalSpy loggedIn(m_manager.get(), &gui::ConnectionManager::loggedIn);
    m_manager->login(m_daemon.socketPath(), guitest::adminUser(), guitest::adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
    m_window = std::make_unique<usermgr::MainWindow>(m_manager.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->accountModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(waitForRow(guitest::adminUser()));
    QTRY_COMPARE(m_window->accountModel()->localDomains(), QStringList{QStringLiteral("example.org")});
    QCOMPARE(m_window->accountModel()
                 ->index(0, AccountListModel::AddressColumn)
                 .data()
                 .toString(),
             QStringLiteral("admin@example.org"));
}

bool TestUsersWindow::waitForRow(const QString &name)
{
    return QTest::qWaitFor(
        [&] {
            return !m_window->accountModel()->isLoading() &&
                   m_window->accountModel()->rowOf(name) >= 0;
        },
        15000);
}

bool TestUsersWindow::select(const QStringList &names)
{
    AccountListModel *model = m_window->accountModel();
    QItemSelection selection;
    for (const QString &name : names) {
        if (!waitForRow(name))
            return false;
        const int row = model->rowOf(name);
        selection.select(model->index(row, 0), model->index(row, AccountListModel::ColumnCount - 1));
    }
    m_window->table()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    return waitEditorIdle() && m_window->editor()->accountNames() == names;
}

void TestUsersWindow::clickAction(const char *name)
{
    auto *action = m_window->findChild<QAction *>(QLatin1String(name));
    QVERIFY(action);
    auto *toolbar = m_window->findChild<QToolBar *>(QStringLiteral("accountToolBar"));
    QVERIFY(toolbar);
    auto *button = qobject_cast<QToolButton *>(toolbar->widgetForAction(action));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

common::model::Account TestUsersWindow::get(const QString &name)
{
    const common::control::Reply reply =
        m_daemon.call(QStringLiteral("account.get"), {{QStringLiteral("name"), name}});
    return reply.ok() ? common::model::Account::fromJson(reply.object()) : common::model::Account();
}

void TestUsersWindow::createsAnAccount()
{
    clickAction("newAction");
    AccountEditor *editor = m_window->editor();
    QCOMPARE(editor->mode(), AccountEditor::Mode::New);
    auto *name = child<QLineEdit>("shortNameEdit");
    QVERIFY(!name->isReadOnly());
    QTest::keyClicks(name, QStringLiteral("carol"));
    QTest::keyClicks(child<QLineEdit>("fullNameEdit"), QStringLiteral("Carol Danvers"));
    QTest::keyClicks(child<QLineEdit>("passwordEdit"), QStringLiteral("short"));
    QVERIFY(child<QLabel>("passwordStrengthLabel")->text().contains(QStringLiteral("short")));
    QTest::keyClicks(child<QLineEdit>("passwordEdit"), QStringLiteral("-Enough-2026"));
    QTest::keyClicks(child<QLineEdit>("confirmPasswordEdit"), QStringLiteral("short-Enough-2026"));
    QVERIFY(child<QLabel>("passwordStrengthLabel")->text().startsWith(QStringLiteral("Strong")));

    editor->tabs()->setCurrentWidget(editor->mailTab());
    QCoreApplication::processEvents(); // lays the tab out
    clickRadio("mailForwardRadio");
    auto *forward = child<QLineEdit>("forwardEdit");
    QVERIFY(forward->isEnabled());
    QTest::keyClicks(forward, QStringLiteral("carol@elsewhere.test"));
    clickRadio("accessPopRadio");
    QVERIFY(child<QRadioButton>("accessPopRadio")->isChecked());
    QVERIFY(editor->isModified());
    // Nothing reaches the daemon before Save.
    QVERIFY(get(QStringLiteral("carol")).name.isEmpty());
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QVERIFY(waitEditorIdle());
    QCOMPARE(editor->mode(), AccountEditor::Mode::Single);
    QVERIFY(!editor->isModified());

    const common::model::Account carol = get(QStringLiteral("carol"));
    QCOMPARE(carol.name, QStringLiteral("carol"));
    QCOMPARE(carol.fullName, QStringLiteral("Carol Danvers"));
    QVERIFY(carol.hasPassword);
    QVERIFY(carol.mail.state == common::model::MailState::Forward);
    QCOMPARE(carol.mail.forwardAddress, QStringLiteral("carol@elsewhere.test"));
    QVERIFY(carol.mail.access == common::model::MailAccess::PopOnly);
    // mailctl sees it too; a real IMAP login is refused, a real POP3 login works.
    const QString shown = guitest::mailctl(m_daemon.socketPath(), {QStringLiteral("--json"), QStringLiteral("account"),
                                                                    QStringLiteral("get"), QStringLiteral("carol")})
                              .output;
    QVERIFY2(shown.contains(QStringLiteral("\"forward\"")) && shown.contains(QStringLiteral("carol@elsewhere.test")) &&
                 shown.contains(QStringLiteral("\"pop\"")),
             qPrintable(shown));
    const QString imap = guitest::clientLogin(QStringLiteral("imap"), m_daemon.port(QStringLiteral("imap")),
                                     QStringLiteral("carol"), QStringLiteral("short-Enough-2026"));
    QVERIFY2(imap.startsWith(QStringLiteral("NO")) && imap.contains(QStringLiteral("AUTHORIZATIONFAILED")), qPrintable(imap));
    const QString pop3 = guitest::clientLogin(QStringLiteral("pop3"), m_daemon.port(QStringLiteral("pop3")),
                                     QStringLiteral("carol"), QStringLiteral("short-Enough-2026"));
    QVERIFY2(pop3.startsWith(QStringLiteral("OK")), qPrintable(pop3));
    // The list follows account.changed and shows the new row selected.
    QVERIFY(waitForRow(QStringLiteral("carol")));
    QTRY_COMPARE(m_window->table()->selectionModel()->selectedRows().size(), 1);
}

void TestUsersWindow::showsDaemonErrorsBesideTheField()
{
    QVERIFY(select({QStringLiteral("carol")}));
    AccountEditor *editor = m_window->editor();
    editor->tabs()->setCurrentIndex(0);
    QTest::mouseClick(child<QPushButton>("addAliasButton"), Qt::LeftButton);
    auto *aliases = child<QListWidget>("aliasList");
    QCOMPARE(aliases->count(), 1);
    aliases->item(0)->setText(QStringLiteral("carol@not-local.test"));
    QVERIFY(editor->isModified());
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    auto *error = child<QLabel>("aliasError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QVERIFY(editor->isModified()); // the edit is kept
    QCOMPARE(aliases->item(0)->text(), QStringLiteral("carol@not-local.test"));
    QVERIFY(get(QStringLiteral("carol")).addresses.isEmpty());

    // A local address passes.
    aliases->item(0)->setText(QStringLiteral("captain@example.org"));
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QVERIFY(waitEditorIdle());
    QTRY_VERIFY(!editor->isModified());
    QVERIFY(!error->isVisible());
    QCOMPARE(get(QStringLiteral("carol")).addresses, QStringList{QStringLiteral("captain@example.org")});
}

void TestUsersWindow::duplicatesAnAccount()
{
    QVERIFY(select({QStringLiteral("carol")}));
    clickAction("duplicateAction");
    AccountEditor *editor = m_window->editor();
    QCOMPARE(editor->mode(), AccountEditor::Mode::New);
    QVERIFY(child<QLineEdit>("shortNameEdit")->text().isEmpty());
    QVERIFY(child<QListWidget>("aliasList")->count() == 0); // addresses are unique
    QTest::keyClicks(child<QLineEdit>("shortNameEdit"), QStringLiteral("carol2"));
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QVERIFY(waitEditorIdle());
    QTRY_COMPARE(editor->mode(), AccountEditor::Mode::Single);
    const common::model::Account copy = get(QStringLiteral("carol2"));
    QVERIFY(copy.mail.state == common::model::MailState::Forward);
    QCOMPARE(copy.mail.forwardAddress, QStringLiteral("carol@elsewhere.test"));
    QVERIFY(copy.mail.access == common::model::MailAccess::PopOnly);
    QVERIFY(!copy.hasPassword);
    QVERIFY(m_daemon.call(QStringLiteral("account.delete"), {{QStringLiteral("name"), QStringLiteral("carol2")}}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->accountModel()->rowOf(QStringLiteral("carol2")), -1, 15000);
}

bool TestUsersWindow::setQuotaInWindow(int megabytes)
{
    AccountEditor *editor = m_window->editor();
    editor->tabs()->setCurrentWidget(editor->mailTab());
    auto *spin = child<QSpinBox>("quotaSpin");
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(megabytes));
    if (spin->value() != megabytes ||
        child<QComboBox>("quotaUnitCombo")->currentText() != QStringLiteral("MB"))
        return false;
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    return waitEditorIdle() && QTest::qWaitFor([editor] { return !editor->isModified(); }, 5000);
}

// One message to dave over plain SMTP; the first refusal's code (RCPT or end of DATA), or 250.
int TestUsersWindow::deliverToDave(QByteArray *last)
{
    QByteArray message = "From: hal@example.net\r\nTo: dave@example.org\r\nSubject: pod bay\r\n\r\n";
    for (int i = 0; i < 400 * 1024 / 78; ++i)
        message += QByteArray(76, char('a' + i % 26)) + "\r\n";
    QTcpSocket smtp;
    smtp.connectToHost(QHostAddress::LocalHost, m_daemon.port(QStringLiteral("smtp")));
    if (!smtp.waitForConnected(5000) || readReply(smtp) != 220 ||
        command(smtp, "EHLO client.example.net") != 250 ||
        command(smtp, "MAIL FROM:<hal@example.net>") != 250)
        return 0;
    last->clear();
    const int rcpt = command(smtp, "RCPT TO:<dave@example.org>", last);
    if (rcpt != 250)
        return rcpt;
    if (command(smtp, "DATA") != 354)
        return 0;
    smtp.write(message + ".\r\n");
    last->clear();
    const int data = readReply(smtp, last);
    command(smtp, "QUIT");
    return data;
}

void TestUsersWindow::setsQuotaAndShowsUsagePastIt()
{
    QVERIFY(m_daemon.call(QStringLiteral("account.create"),
                          {{QStringLiteral("name"), QStringLiteral("dave")},
                           {QStringLiteral("fullName"), QStringLiteral("Dave Bowman")}})
                .ok());
    QVERIFY(select({QStringLiteral("dave")}));
    QCOMPARE(child<QSpinBox>("quotaSpin")->text(), QStringLiteral("No limit"));
    QVERIFY(setQuotaInWindow(2));
    QCOMPARE(get(QStringLiteral("dave")).mail.quotaBytes, 2 * kMB);

    // Fill the mailbox over SMTP until the daemon refuses.
    QByteArray last;
    int code = 250;
    int delivered = 0;
    for (int attempt = 0; attempt < 10 && code == 250; ++attempt) {
        code = deliverToDave(&last);
        delivered += code == 250 ? 1 : 0;
    }
    QVERIFY2(code == 452 || code == 552, last.constData());
    QVERIFY(delivered >= 4);
    QVERIFY(get(QStringLiteral("dave")).usageBytes > kMB);

    // The administrator lowers the quota below what the mailbox holds: RCPT is refused now.
    QVERIFY(setQuotaInWindow(1));
    QCOMPARE(get(QStringLiteral("dave")).mail.quotaBytes, kMB);
    code = deliverToDave(&last);
    QVERIFY2(code == 452 || code == 552, last.constData());
    QVERIFY(last.contains("mailbox full"));

    // Reselecting shows the daemon's usage: past 100 %, in red.
    QVERIFY(select({QStringLiteral("carol")}));
    QVERIFY(select({QStringLiteral("dave")}));
    auto *bar = child<QProgressBar>("usageBar");
    QVERIFY(bar->isVisibleTo(m_window->editor()));
    QVERIFY2(bar->property("usagePercent").toDouble() >= 100.0, qPrintable(bar->text()));
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(bar->text().contains(QLatin1Char('%')));
    QVERIFY(bar->styleSheet().contains(QStringLiteral("#c0392b")));
}

void TestUsersWindow::editsThreeAccountsAtOnce()
{
    const QStringList names{QStringLiteral("team1"), QStringLiteral("team2"),
                            QStringLiteral("team3")};
    QJsonArray creates;
    for (int i = 0; i < 3; ++i) {
        QJsonObject mail{{QStringLiteral("quotaBytes"), (i + 1) * 10 * kMB}};
        if (i == 1)
            mail.insert(QStringLiteral("state"), QStringLiteral("disabled"));
        creates.append(QJsonObject{{QStringLiteral("method"), QStringLiteral("account.create")},
                                   {QStringLiteral("params"),
                                    QJsonObject{{QStringLiteral("name"), names.at(i)},
                                                {QStringLiteral("mail"), mail}}}});
    }
    QCOMPARE(m_daemon.batch(creates).size(), 3);
    QVERIFY(select(names));
    AccountEditor *editor = m_window->editor();
    QCOMPARE(editor->mode(), AccountEditor::Mode::Several);
    QCOMPARE(editor->tabs()->currentWidget(), editor->mailTab());
    auto *spin = child<QSpinBox>("quotaSpin");
    QCOMPARE(spin->text(), QStringLiteral("Mixed"));
    QVERIFY(child<QLabel>("mailStateMixedLabel")->isVisibleTo(editor));
    QVERIFY(!child<QRadioButton>("mailEnabledRadio")->isChecked());
    QVERIFY(!child<QRadioButton>("mailNoneRadio")->isChecked());
    QVERIFY(!child<QLabel>("accessMixedLabel")->isVisibleTo(editor));

    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("5"));
    QCOMPARE(spin->value(), 5);
    QVERIFY(editor->isModified());
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QVERIFY(waitEditorIdle());
    QTRY_VERIFY(!editor->isModified());
    for (const QString &name : names)
        QCOMPARE(get(name).mail.quotaBytes, 5 * kMB);
    // The mixed field was not touched: each account keeps its own state.
    QVERIFY(get(names.at(0)).mail.state == common::model::MailState::Enabled);
    QVERIFY(get(names.at(1)).mail.state == common::model::MailState::Disabled);
}

void TestUsersWindow::importsCsvAfterPreview()
{
    const QString path = m_files.filePath(QStringLiteral("import.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name,fullName,addresses,mailState,forwardAddress,mailServer,quotaBytes,access,password\n"
               "erin,\"Erin, the first\",erin.x@example.org;e@example.org,enabled,,,1048576,imap,import-Pass-1\n"
               "Bad Name!,Nobody,,sleeping,,,-3,smoke,\n"
               "frank,Frank,,forward,frank@elsewhere.test,,0,pop,\n");
    file.close();

    usermgr::ImportDialog *dialog = m_window->importFile(path);
    QVERIFY(dialog);
    QAbstractItemModelTester tester(dialog->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(dialog->model()->rowCount(), 3);
    QCOMPARE(dialog->model()->refusedRows(), QList<int>{2});
    QCOMPARE(dialog->model()->validCount(), 2);
    const QString status =
        dialog->model()->index(1, usermgr::ImportPreviewModel::StatusColumn).data().toString();
    QVERIFY2(status.startsWith(QStringLiteral("Refused")), qPrintable(status));
    QVERIFY(status.contains(QStringLiteral("mail state")));
    QCOMPARE(dialog->model()->index(1, usermgr::ImportPreviewModel::RowColumn).data().toInt(), 2);
    auto *summary = dialog->findChild<QLabel *>(QStringLiteral("importSummary"));
    QVERIFY2(summary->text().contains(QStringLiteral("row(s) 2")), qPrintable(summary->text()));
    guitest::saveScreenshot(dialog, QStringLiteral("mailusers-import-preview"));

    // Nothing written yet.
    QVERIFY(get(QStringLiteral("erin")).name.isEmpty());
    QVERIFY(get(QStringLiteral("frank")).name.isEmpty());

    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 30000);
    const common::model::Account erin = get(QStringLiteral("erin"));
    QCOMPARE(erin.fullName, QStringLiteral("Erin, the first"));
    QVERIFY(erin.hasPassword);
    QCOMPARE(erin.addresses.size(), 2);
    QCOMPARE(erin.mail.quotaBytes, kMB);
    QVERIFY(erin.mail.access == common::model::MailAccess::ImapOnly);
    const common::model::Account frank = get(QStringLiteral("frank"));
    QVERIFY(frank.mail.state == common::model::MailState::Forward);
    QVERIFY(frank.mail.access == common::model::MailAccess::PopOnly);
    QVERIFY(!frank.hasPassword);
    QCOMPARE(dialog->model()->index(0, usermgr::ImportPreviewModel::StatusColumn).data().toString(),
             QStringLiteral("Created"));
    dialog->close();
}

void TestUsersWindow::exportsCsv()
{
    const QString path = m_files.filePath(QStringLiteral("export.csv"));
    QSignalSpy exported(m_window.get(), &usermgr::MainWindow::exported);
    m_window->exportTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 15000);
    QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(exported.at(0).at(1).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(QStringLiteral("carol,")), qPrintable(text));
    QVERIFY(text.startsWith(QStringLiteral(
        "name,fullName,addresses,mailState,forwardAddress,mailServer,quotaBytes,access\n")));
    QVERIFY(text.contains(QStringLiteral("carol,Carol Danvers,captain@example.org,forward,"
                                         "carol@elsewhere.test,,0,pop\n")));
    QVERIFY(text.contains(QStringLiteral("\"Erin, the first\"")));
    QVERIFY(!text.contains(QStringLiteral("import-Pass-1")));
    // What was exported imports again without errors (passwords aside).
    const QList<usermgr::ImportRow> rows = usermgr::accountcsv::parseImport(text);
    QCOMPARE(rows.size(), 8); // admin, carol, dave, erin, frank, team1-3
    for (const usermgr::ImportRow &row : rows)
        QVERIFY2(row.ok(), qPrintable(row.errors.join(QLatin1Char(';'))));
}

void TestUsersWindow::sortsOnTheDaemon()
{
    AccountListModel *model = m_window->accountModel();
    m_window->table()->sortByColumn(AccountListModel::QuotaColumn, Qt::DescendingOrder);
    QTRY_VERIFY(!model->isLoading() && model->rowCount() > 0);
    QCOMPARE(model->account(0).mail.quotaBytes, 5 * kMB);
    m_window->table()->sortByColumn(AccountListModel::NameColumn, Qt::AscendingOrder);
    QTRY_VERIFY(!model->isLoading() && model->rowCount() > 0);
    QCOMPARE(model->account(0).name, guitest::adminUser());
}

void TestUsersWindow::answerNextBox(const QString &button, QString *text)
{
    auto *timer = new QTimer(this);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, this, [timer, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        *text = box->text();
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(QLatin1Char('&')) == button) {
                b->click();
                return;
            }
        }
        box->reject();
    });
    timer->start();
}

void TestUsersWindow::asksBeforeDroppingEdits()
{
    QVERIFY(select({QStringLiteral("team3")}));
    AccountEditor *editor = m_window->editor();
    editor->tabs()->setCurrentWidget(editor->mailTab());
    auto *spin = child<QSpinBox>("quotaSpin");
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("7"));
    QVERIFY(editor->isModified());

    // Cancel: the edit and the selection stay.
    QString question;
    answerNextBox(QStringLiteral("Cancel"), &question);
    AccountListModel *model = m_window->accountModel();
    const int team1 = model->rowOf(QStringLiteral("team1"));
    m_window->table()->selectionModel()->select(
        QItemSelection(model->index(team1, 0), model->index(team1, AccountListModel::ColumnCount - 1)),
        QItemSelectionModel::ClearAndSelect);
    QTRY_VERIFY(!question.isEmpty());
    QVERIFY(question.contains(QStringLiteral("not saved")));
    QVERIFY(editor->isModified());
    QCOMPARE(editor->accountNames(), QStringList{QStringLiteral("team3")});
    QCOMPARE(spin->value(), 7);
    QCOMPARE(m_window->table()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_window->table()->selectionModel()->selectedRows().first().row(),
             model->rowOf(QStringLiteral("team3")));

    // Save: stored, then the other account shows.
    question.clear();
    answerNextBox(QStringLiteral("Save"), &question);
    m_window->table()->selectionModel()->select(
        QItemSelection(model->index(team1, 0), model->index(team1, AccountListModel::ColumnCount - 1)),
        QItemSelectionModel::ClearAndSelect);
    QTRY_VERIFY(!question.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(editor->accountNames(), QStringList{QStringLiteral("team1")}, 15000);
    QVERIFY(waitEditorIdle());
    QCOMPARE(get(QStringLiteral("team3")).mail.quotaBytes, 7 * kMB);
}

void TestUsersWindow::deletesAfterAsking()
{
    QVERIFY(select({QStringLiteral("frank")}));
    QString question;
    answerNextBox(QStringLiteral("Cancel"), &question);
    clickAction("deleteAction");
    QTRY_VERIFY(!question.isEmpty());
    QVERIFY2(question.contains(QStringLiteral("mail on this server is deleted")), qPrintable(question));
    QVERIFY(!get(QStringLiteral("frank")).name.isEmpty());

    question.clear();
    answerNextBox(QStringLiteral("Delete"), &question);
    clickAction("deleteAction");
    QTRY_VERIFY(!question.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(get(QStringLiteral("frank")).name.isEmpty(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->accountModel()->rowOf(QStringLiteral("frank")), -1, 15000);
}

void TestUsersWindow::screenshots()
{
    QVERIFY(select({QStringLiteral("dave")}));
    AccountEditor *editor = m_window->editor();
    editor->tabs()->setCurrentIndex(0);
    QVERIFY(!guitest::saveScreenshot(m_window.get(), QStringLiteral("mailusers-list")).isEmpty());
    editor->tabs()->setCurrentWidget(editor->mailTab());
    QVERIFY(!guitest::saveScreenshot(m_window.get(), QStringLiteral("mailusers-mail-tab")).isEmpty());
    QVERIFY(select({QStringLiteral("team1"), QStringLiteral("team2")}));
    QVERIFY(!guitest::saveScreenshot(m_window.get(), QStringLiteral("mailusers-several")).isEmpty());
}

void TestUsersWindow::cleanupTestCase()
{
    m_tester.reset();
    m_window.reset();
    m_manager.reset();
    QVERIFY(m_daemon.stop());
}

QTEST_MAIN(TestUsersWindow)
#include "tst_userswindow.moc"
