// The accounts window (see mainwindow.h).
#include "mainwindow.h"

#include "accountcsv.h"
#include "accounteditor.h"
#include "accountlistmodel.h"
#include "connectionstatus.h"
#include "icons.h"
#include "importdialog.h"
#include "logindialog.h"
#include "requestqueue.h"

#include <QAction>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QPointer>
#include <QProgressBar>
#include <QSaveFile>
#include <QSplitter>
#include <QToolBar>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace usermgr {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
constexpr int kFindDelayMs = 300;
} // namespace

MainWindow::MainWindow(gui::ConnectionManager *manager, QWidget *parent)
    : QMainWindow(parent), m_manager(manager),
      m_accounts(new AccountListModel(manager->client(), this)),
      m_editor(new AccountEditor(manager->client(), this)),
      m_deleteQueue(new RequestQueue(manager->client(), this))
{
    setObjectName(QStringLiteral("usersMainWindow"));
    setWindowIcon(gui::icon(QStringLiteral("mailusers")));

    auto *splitter = new QSplitter(this);
    auto *central = new QWidget(splitter);
    m_findEdit = new QLineEdit(central);
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find accounts by name, full name or address"));
    m_findEdit->setClearButtonEnabled(true);
    auto *findLabel = new QLabel(tr("F&ind:"), central);
    findLabel->setBuddy(m_findEdit);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(findLabel);
    findRow->addWidget(m_findEdit, 1);

    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("accountTable"));
    m_table->setModel(m_accounts);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(AccountListModel::NameColumn,
                                                  Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setColumnWidth(AccountListModel::NameColumn, 90);
    m_table->setColumnWidth(AccountListModel::FullNameColumn, 130);
    m_table->setColumnWidth(AccountListModel::AddressColumn, 170);
    m_table->setColumnWidth(AccountListModel::MailColumn, 90);
    m_table->setColumnWidth(AccountListModel::UsageColumn, 70);

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(findRow);
    layout->addWidget(m_table, 1);
    splitter->addWidget(central);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({640, 460});
    setCentralWidget(splitter);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("accountCountLabel"));
    m_connectionStatus = new gui::ConnectionStatus(manager, this);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyIndicator"));
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setMaximumHeight(fontMetrics().height());
    m_busyBar->setTextVisible(false);
    m_busyBar->hide();
    statusBar()->addWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_busyBar);
    statusBar()->addPermanentWidget(m_connectionStatus);
    createActions();

    m_findTimer.setSingleShot(true);
    m_findTimer.setInterval(kFindDelayMs);
    connect(m_findEdit, &QLineEdit::textChanged, &m_findTimer, qOverload<>(&QTimer::start));
    connect(&m_findTimer, &QTimer::timeout, this,
            [this] { m_accounts->setFilter(m_findEdit->text().trimmed()); });

    connect(m_accounts, &AccountListModel::totalCountChanged, this, &MainWindow::updateCount);
    connect(m_accounts, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCount);
    connect(m_accounts, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCount);
    connect(m_accounts, &AccountListModel::errorOccurred, this,
            [this](const QString &sentence) { statusBar()->showMessage(sentence, 10000); });
    connect(m_accounts, &AccountListModel::loadingChanged, this, &MainWindow::updateBusy);
    // A reload drops the selection: the editor keeps its account, the rows come back selected.
    connect(m_accounts, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_restoring = true; });
    connect(m_accounts, &AccountListModel::pageLoaded, this, [this](int offset, int) {
        if (offset == 0 || m_restoring) {
            const QStringList names = m_shownNames;
            selectNames(names);
            m_restoring = false;
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);

    connect(m_editor, &AccountEditor::busyChanged, this, &MainWindow::updateBusy);
    connect(m_editor, &AccountEditor::progress, this, [this](int done, int total) {
        m_busyBar->setRange(0, total);
        m_busyBar->setValue(done);
    });
    connect(m_editor, &AccountEditor::statusMessage, this,
            [this](const QString &sentence) { statusBar()->showMessage(sentence, 10000); });
    connect(m_editor, &AccountEditor::saved, this, [this](const QStringList &names) {
        m_shownNames = names;
        if (m_closeAfterSave) {
            close();
            return;
        }
        const QStringList next = std::exchange(m_pendingNames, {});
        if (!next.isEmpty()) {
            selectNames(next);
            return;
        }
        // A new account appears in the list with the next reload (account.changed).
        selectNames(names);
    });
    connect(m_editor, &AccountEditor::saveFailed, this, [this] {
        m_pendingNames.clear();
        m_closeAfterSave = false;
    });
    connect(m_editor, &AccountEditor::modifiedChanged, this, &MainWindow::updateActions);
    connect(m_deleteQueue, &RequestQueue::progress, this, [this](int done, int total) {
        m_busyBar->setRange(0, total);
        m_busyBar->setValue(done);
        updateBusy();
    });
    connect(m_deleteQueue, &RequestQueue::finished, this, [this] {
        updateBusy();
        const int failed = m_deleteQueue->failures();
        for (const common::control::Reply &r : m_deleteQueue->replies()) {
            if (!r.ok())
                QMessageBox::warning(this, tr("Delete Account"), r.error->message);
        }
        statusBar()->showMessage(
            tr("%n account(s) deleted.", nullptr, m_deleteQueue->done() - failed), 10000);
    });

    connect(manager, &gui::ConnectionManager::stateChanged, this, &MainWindow::onStateChanged);
    connect(manager, &gui::ConnectionManager::reconnected, this, [this] {
        updateTitle();
        refresh();
    });
    connect(manager, &gui::ConnectionManager::reconnectFailed, this,
            [this](gui::ConnectionManager::FailureKind, const QString &sentence) {
                logInAgain(tr("The connection to the mail daemon ended: %1").arg(sentence));
            });

    updateTitle();
    updateCount();
    onStateChanged(manager->state());
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1100, 600);
    updateActions();
    if (manager->isLoggedIn())
        refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_logInAction = file->addAction(tr("&Log In Again…"), this, [this] { logInAgain({}); });
    m_logInAction->setObjectName(QStringLiteral("logInAgainAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(tr("&Find Accounts"), this, [this] {
        m_findEdit->setFocus();
        m_findEdit->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    m_refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);

    QMenu *accounts = menuBar()->addMenu(tr("&Account"));
    m_newAction = accounts->addAction(style()->standardIcon(QStyle::SP_FileIcon), tr("&New"), this,
                                      &MainWindow::newAccount);
    m_newAction->setObjectName(QStringLiteral("newAction"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("Create an account"));
    m_duplicateAction = accounts->addAction(style()->standardIcon(QStyle::SP_FileDialogContentsView),
                                            tr("D&uplicate"), this, &MainWindow::duplicateAccount);
    m_duplicateAction->setObjectName(QStringLiteral("duplicateAction"));
    m_duplicateAction->setToolTip(tr("Create an account with the selected account's settings"));
    m_deleteAction = accounts->addAction(style()->standardIcon(QStyle::SP_TrashIcon),
                                         tr("&Delete"), this, &MainWindow::deleteAccounts);
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    accounts->addSeparator();
    m_importAction = accounts->addAction(tr("&Import…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import Accounts"), {}, tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_exportAction = accounts->addAction(tr("&Export…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Accounts"), QStringLiteral("accounts.csv"),
            tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    m_exportAction->setObjectName(QStringLiteral("exportAction"));

    QToolBar *toolbar = addToolBar(tr("Accounts"));
    toolbar->setObjectName(QStringLiteral("accountToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);
    toolbar->addAction(m_newAction);
    toolbar->addAction(m_duplicateAction);
    toolbar->addAction(m_deleteAction);
    toolbar->addSeparator();
    toolbar->addAction(m_importAction);
    toolbar->addAction(m_exportAction);
    toolbar->addSeparator();
    toolbar->addAction(m_refreshAction);
}

bool MainWindow::isBusy() const
{
    return m_accounts->isLoading() || m_editor->isBusy() || m_deleteQueue->isRunning() ||
           m_exporting > 0;
}

void MainWindow::updateBusy()
{
    const bool busy = isBusy();
    if (busy && !m_editor->isBusy() && !m_deleteQueue->isRunning())
        m_busyBar->setRange(0, 0); // indeterminate
    m_busyBar->setVisible(busy);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool loggedIn = m_manager->isLoggedIn();
    const int selected = int(selectedNames().size());
    const bool editing = m_editor->isBusy();
    m_newAction->setEnabled(loggedIn && !editing);
    m_duplicateAction->setEnabled(loggedIn && !editing && selected == 1);
    m_deleteAction->setEnabled(loggedIn && !editing && selected > 0 &&
                               !m_deleteQueue->isRunning());
    m_importAction->setEnabled(loggedIn);
    m_exportAction->setEnabled(loggedIn && m_exporting == 0);
    m_editor->setEnabled(loggedIn);
}

QStringList MainWindow::selectedNames() const
{
    QStringList names;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        names.append(index.data(AccountListModel::AccountNameRole).toString());
    return names;
}

QList<common::model::Account> MainWindow::selectedAccounts() const
{
    QList<common::model::Account> accounts;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        accounts.append(m_accounts->account(index.row()));
    return accounts;
}

void MainWindow::selectNames(const QStringList &names)
{
    const bool wasRestoring = std::exchange(m_restoring, true);
    QItemSelection selection;
    bool allFound = true;
    for (const QString &name : names) {
        const int row = m_accounts->rowOf(name);
        allFound = allFound && row >= 0;
        if (row >= 0)
            selection.select(m_accounts->index(row, 0),
                             m_accounts->index(row, AccountListModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_table->scrollTo(selection.indexes().constFirst());
    m_restoring = wasRestoring;
    const QStringList shown = selectedNames();
    // Only the rows the editor shows are reselected silently; anything else loads. Rows not
    // loaded yet (a new account before the list's reload) leave the editor as it is.
    if (allFound && m_editor->mode() != AccountEditor::Mode::New &&
        shown != m_editor->accountNames())
        onSelectionChanged();
    updateActions();
}

void MainWindow::onSelectionChanged()
{
    updateActions();
    if (m_restoring)
        return;
    const QStringList names = selectedNames();
    if (names == m_editor->accountNames() && m_editor->mode() != AccountEditor::Mode::New)
        return;
    if (m_editor->isModified()) {
        if (!confirmLeave()) {
            // Back to the rows being edited.
            m_restoring = true;
            selectNames(m_editor->accountNames());
            m_restoring = false;
            return;
        }
        if (m_editor->isBusy()) { // saving: switch once it is stored
            m_pendingNames = names;
            return;
        }
    }
    m_shownNames = names;
    m_editor->showAccounts(selectedAccounts());
}

bool MainWindow::confirmLeave()
{
    if (!m_editor->isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved Changes"),
        tr("The account has changes that are not saved. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        m_editor->save();
    return true;
}

void MainWindow::newAccount()
{
    if (!confirmLeave() || m_editor->isBusy())
        return;
    m_restoring = true;
    m_table->clearSelection();
    m_restoring = false;
    m_shownNames.clear();
    m_editor->startNew();
}

void MainWindow::duplicateAccount()
{
    const QList<common::model::Account> accounts = selectedAccounts();
    if (accounts.size() != 1 || !confirmLeave() || m_editor->isBusy())
        return;
    common::model::Account templ = accounts.constFirst();
    templ.fullName.clear();
    m_restoring = true;
    m_table->clearSelection();
    m_restoring = false;
    m_shownNames.clear();
    m_editor->startNew(templ);
}

void MainWindow::deleteAccounts()
{
    const QStringList names = selectedNames();
    if (names.isEmpty() || m_deleteQueue->isRunning())
        return;
    const QString question =
        names.size() == 1
            ? tr("Delete the account “%1”? Its mail on this server is deleted with it. "
                 "This cannot be undone.")
                  .arg(names.constFirst())
            : tr("Delete %1 accounts (%2)? Their mail on this server is deleted with them. "
                 "This cannot be undone.")
                  .arg(names.size())
                  .arg(names.join(QStringLiteral(", ")));
    QMessageBox box(QMessageBox::Warning, tr("Delete Account"), question,
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("deleteConfirmation"));
    QPushButton *del = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != static_cast<QAbstractButton *>(del))
        return;
    QList<QueuedRequest> requests;
    for (const QString &name : names)
        requests.append({QStringLiteral("account.delete"), {{QStringLiteral("name"), name}}});
    m_shownNames.clear();
    m_editor->showAccounts({});
    m_deleteQueue->start(requests);
}

ImportDialog *MainWindow::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Import Accounts"),
                             tr("Cannot read %1: %2").arg(path, file.errorString()));
        return nullptr;
    }
    const QList<ImportRow> rows = accountcsv::parseImport(QString::fromUtf8(file.readAll()));
    auto *dialog = new ImportDialog(m_manager->client(), rows, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, [this](int created, int failed) {
        statusBar()->showMessage(
            tr("Import: %1 account(s) created, %2 failed.").arg(created).arg(failed), 10000);
    });
    dialog->show();
    return dialog;
}

void MainWindow::exportTo(const QString &path)
{
    if (m_exporting > 0)
        return;
    ++m_exporting;
    updateBusy();
    exportPage(path, 0, {});
}

void MainWindow::exportPage(const QString &path, int offset, QList<common::model::Account> done)
{
    const QJsonObject params{{QStringLiteral("offset"), offset},
                             {QStringLiteral("limit"), 1000}};
    m_manager->client()->call(
        QStringLiteral("account.list"), params,
        [self = QPointer(this), path, offset, done](const common::control::Reply &reply) mutable {
            if (!self)
                return;
            const auto finish = [&](bool ok, const QString &sentence) {
                --self->m_exporting;
                self->updateBusy();
                self->statusBar()->showMessage(sentence, 10000);
                emit self->exported(ok, sentence);
            };
            if (!reply.ok()) {
                finish(false, tr("Could not export the accounts: %1").arg(reply.error->message));
                return;
            }
            const QJsonArray page = reply.object().value(QStringLiteral("accounts")).toArray();
            for (const QJsonValue &v : page)
                done.append(common::model::Account::fromJson(v.toObject()));
            const int total = reply.object().value(QStringLiteral("total")).toInt();
            if (!page.isEmpty() && done.size() < total) {
                self->exportPage(path, offset + int(page.size()), done);
                return;
            }
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) ||
                file.write(accountcsv::exportAccounts(done).toUtf8()) < 0 || !file.commit()) {
                finish(false, tr("Cannot write %1: %2").arg(path, file.errorString()));
                return;
            }
            finish(true, tr("%n account(s) exported to %1.", nullptr, int(done.size())).arg(path));
        });
}

void MainWindow::loadDomains()
{
    m_manager->client()->call(QStringLiteral("domain.list"), {},
                              [self = QPointer(this)](const common::control::Reply &reply) {
                                  if (!self || !reply.ok())
                                      return;
                                  QStringList domains;
                                  for (const QJsonValue &d : reply.object()
                                                                 .value(QStringLiteral("domains"))
                                                                 .toArray())
                                      domains.append(d.toObject()
                                                         .value(QStringLiteral("name"))
                                                         .toString());
                                  self->m_accounts->setLocalDomains(domains);
                              });
}

void MainWindow::refresh()
{
    if (!m_manager->isLoggedIn())
        return;
    loadDomains();
    m_accounts->reload();
}

void MainWindow::updateTitle()
{
    const QString host = m_manager->host();
    setWindowTitle(tr("Accounts — %1").arg(host.isEmpty() ? m_manager->socketPath() : host));
}

void MainWindow::updateCount()
{
    const int total = m_accounts->totalCount();
    const int shown = m_accounts->rowCount();
    if (total < 0)
        m_countLabel->setText(m_accounts->isLoading() ? tr("Loading accounts…") : QString());
    else if (total == 0 && !m_accounts->filter().isEmpty())
        m_countLabel->setText(tr("No account matches “%1”.").arg(m_accounts->filter()));
    else if (shown < total)
        m_countLabel->setText(tr("Accounts: %1 of %2 loaded").arg(shown).arg(total));
    else
        m_countLabel->setText(tr("Accounts: %1").arg(total));
}

void MainWindow::onStateChanged(gui::ConnectionManager::State state)
{
    const bool loggedIn = state == gui::ConnectionManager::State::LoggedIn;
    // The rows are the last known ones: greyed while the daemon cannot confirm them.
    m_table->setEnabled(loggedIn);
    m_findEdit->setEnabled(loggedIn);
    m_refreshAction->setEnabled(loggedIn);
    m_logInAction->setEnabled(state == gui::ConnectionManager::State::Disconnected);
    updateActions();
}

void MainWindow::logInAgain(const QString &why)
{
    if (m_loginOpen)
        return;
    m_loginOpen = true;
    auto *dialog = gui::LoginDialog::openForSession(m_manager, this, why);
    connect(dialog, &QDialog::finished, this, [this](int result) {
        m_loginOpen = false;
        if (result == QDialog::Accepted) {
            updateTitle();
            refresh();
        }
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_editor->isModified() && !m_closeAfterSave) {
        if (!confirmLeave()) {
            event->ignore();
            return;
        }
        if (m_editor->isBusy()) { // saving: close once stored
            m_closeAfterSave = true;
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace usermgr
