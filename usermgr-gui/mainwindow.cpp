// The accounts window (see mainwindow.h).
#include "mainwindow.h"

#include "accountlistmodel.h"
#include "connectionstatus.h"
#include "icons.h"
#include "logindialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace usermgr {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
constexpr int kFindDelayMs = 300;
} // namespace

MainWindow::MainWindow(gui::ConnectionManager *manager, QWidget *parent)
    : QMainWindow(parent), m_manager(manager),
      m_accounts(new AccountListModel(manager->client(), this))
{
    setObjectName(QStringLiteral("usersMainWindow"));
    setWindowIcon(gui::icon(QStringLiteral("mailusers")));

    auto *central = new QWidget(this);
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
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setColumnWidth(AccountListModel::NameColumn, 140);
    m_table->setColumnWidth(AccountListModel::FullNameColumn, 220);
    m_table->setColumnWidth(AccountListModel::MailColumn, 180);

    auto *layout = new QVBoxLayout(central);
    layout->addLayout(findRow);
    layout->addWidget(m_table, 1);
    setCentralWidget(central);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("accountCountLabel"));
    m_connectionStatus = new gui::ConnectionStatus(manager, this);
    statusBar()->addWidget(m_countLabel);
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
        resize(720, 480);
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
}

void MainWindow::refresh()
{
    if (m_manager->isLoggedIn())
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
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace usermgr
