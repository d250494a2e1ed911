// The Server Admin window (see mainwindow.h).
#include "mainwindow.h"

#include "connectionstatus.h"
#include "icons.h"
#include "logindialog.h"
#include "paneregistry.h"
#include "serviceactions.h"
#include "servicelistmodel.h"
#include "sidebar.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace admin {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
} // namespace

MainWindow::MainWindow(gui::ConnectionManager *manager, QWidget *parent)
    : QMainWindow(parent), m_manager(manager), m_services(new ServiceListModel(this))
{
    setObjectName(QStringLiteral("adminMainWindow"));
    setWindowIcon(gui::icon(QStringLiteral("mailadmin")));

    m_requests = new RequestTracker(manager, this);
    m_sidebar = new Sidebar(m_services, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("paneTabs"));
    m_tabs->setDocumentMode(true);
    const PaneContext context{manager, m_services, m_requests};
    for (PaneFactory factory : paneFactories()) {
        Pane *pane = factory(context, m_tabs);
        pane->hide();
        connect(pane, &Pane::statusWanted, this, &MainWindow::refresh);
        m_panes.append(pane);
    }

    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(createHeader());
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_connectionStatus = new gui::ConnectionStatus(manager, this);
    statusBar()->addWidget(m_connectionStatus, 1);
    // Shown while any call to the daemon is unanswered; the window never waits for one.
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(90);
    m_busy->setMaximumHeight(14);
    m_busy->setToolTip(tr("Waiting for the mail daemon…"));
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    connect(m_requests, &RequestTracker::busyChanged, m_busy, &QWidget::setVisible);
    m_serviceActions = new ServiceActions(manager, m_requests, m_services, this);
    connect(m_serviceActions, &ServiceActions::failed, this,
            [this](const QString &sentence) { statusBar()->showMessage(sentence, 15000); });
    createActions();

    connect(m_sidebar, &Sidebar::serviceSelected, this, &MainWindow::onServiceSelected);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(manager->client(), &common::control::ControlClient::notificationReceived, this,
            &MainWindow::onNotification);
    connect(manager, &gui::ConnectionManager::stateChanged, this, &MainWindow::onStateChanged);
    connect(manager, &gui::ConnectionManager::reconnected, this, [this] {
        updateTitle();
        refresh();
    });
    connect(manager, &gui::ConnectionManager::reconnectFailed, this,
            [this](gui::ConnectionManager::FailureKind, const QString &sentence) {
                onReconnectFailed(sentence);
            });

    // What hello told us shows at once; server.status fills in the rest.
    m_status.version = manager->daemonVersion();
    m_status.host = manager->host();
    applyStatus(m_status);
    onServiceSelected(QString());
    onStateChanged(manager->state());

    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(900, 600);
    if (manager->isLoggedIn())
        refresh();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createHeader()
{
    auto *header = new QWidget(this);
    auto *icon = new QLabel(header);
    icon->setPixmap(gui::icon(QStringLiteral("mailadmin")).pixmap(48, 48));
    m_hostTitle = new QLabel(header);
    m_hostTitle->setObjectName(QStringLiteral("hostTitle"));
    QFont big = m_hostTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_hostTitle->setFont(big);
    m_subtitle = new QLabel(header);
    auto *text = new QVBoxLayout;
    text->addWidget(m_hostTitle);
    text->addWidget(m_subtitle);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(icon);
    layout->addLayout(text, 1);
    return header;
}

void MainWindow::selectService(const QString &service)
{
    m_sidebar->selectService(service);
}

void MainWindow::showPaneWidget(Pane *pane)
{
    const int index = m_tabs->indexOf(pane);
    if (index >= 0)
        m_tabs->setCurrentIndex(index);
}

void MainWindow::onServiceSelected(const QString &service)
{
    m_serviceActions->setService(service);
    const QString currentTitle =
        m_tabs->currentIndex() >= 0 ? m_tabs->tabText(m_tabs->currentIndex()) : QString();
    const QSignalBlocker blocker(m_tabs);
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    int keep = 0;
    for (Pane *pane : m_panes) {
        if (!pane->showsFor(service)) {
            pane->hide();
            continue;
        }
        pane->setService(service);
        const int index = m_tabs->addTab(pane, pane->title());
        if (pane->title() == currentTitle)
            keep = index;
    }
    m_tabs->setCurrentIndex(keep);
    onCurrentTabChanged(keep);
}

void MainWindow::onCurrentTabChanged(int index)
{
    auto *pane = qobject_cast<Pane *>(m_tabs->widget(index));
    if (pane == m_visiblePane)
        return;
    if (m_visiblePane)
        m_visiblePane->visibilityChanged(false);
    m_visiblePane = pane;
    if (pane)
        pane->visibilityChanged(true);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_logInAction = file->addAction(tr("&Log In Again…"), this, [this] { logInAgain({}); });
    m_logInAction->setObjectName(QStringLiteral("logInAgainAction"));
    m_logInAction->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);

    QMenu *services = menuBar()->addMenu(tr("&Services"));
    services->addAction(m_serviceActions->startAction());
    services->addAction(m_serviceActions->stopAction());
    services->addSeparator();
    services->addAction(m_serviceActions->startAllAction());
    services->addAction(m_serviceActions->stopAllAction());

    QToolBar *toolBar = addToolBar(tr("Services"));
    toolBar->setObjectName(QStringLiteral("serviceToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_serviceActions->startAction());
    toolBar->addAction(m_serviceActions->stopAction());
    toolBar->addSeparator();
    toolBar->addAction(m_serviceActions->startAllAction());
    toolBar->addAction(m_serviceActions->stopAllAction());
    toolBar->addSeparator();
    toolBar->addAction(m_refreshAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Mail Server Admin"), this, &MainWindow::about);
}

void MainWindow::refresh()
{
    if (!m_manager->isLoggedIn())
        return;
    auto done = [self = QPointer(this)](const common::control::Reply &reply) {
        if (!self)
            return;
        if (!reply.ok()) {
            self->statusBar()->showMessage(
                tr("Could not read the server's status: %1").arg(reply.error->message), 10000);
            return;
        }
        self->applyStatus(ServerStatus::fromJson(reply.object()));
        emit self->statusRefreshed();
    };
    m_requests->call(QStringLiteral("server.status"), {}, done);
}

void MainWindow::applyStatus(const ServerStatus &status)
{
    m_status = status;
    if (m_status.version.isEmpty())
        m_status.version = m_manager->daemonVersion();
    if (m_status.host.isEmpty())
        m_status.host = m_manager->host();
    m_hostTitle->setText(m_status.host.isEmpty() ? tr("Mail Server") : m_status.host);
    m_subtitle->setText(m_status.version.isEmpty()
                            ? tr("Mail Server")
                            : tr("Mail Server · maild %1").arg(m_status.version));
    m_services->setServices(m_status.services);
    for (Pane *pane : m_panes)
        pane->statusChanged(m_status);
    updateTitle();
}

void MainWindow::onNotification(const QString &method, const QJsonObject &params)
{
    if (method == QLatin1String("service.state"))
        m_services->updateService(common::model::ServiceInfo::fromJson(params));
    for (Pane *pane : m_panes)
        pane->notification(method, params);
}

void MainWindow::onStateChanged(gui::ConnectionManager::State state)
{
    const bool loggedIn = state == gui::ConnectionManager::State::LoggedIn;
    m_refreshAction->setEnabled(loggedIn);
    m_logInAction->setEnabled(state == gui::ConnectionManager::State::Disconnected);
    for (Pane *pane : m_panes)
        pane->sessionChanged(loggedIn);
}

void MainWindow::onReconnectFailed(const QString &sentence)
{
    logInAgain(tr("The connection to the mail daemon ended: %1").arg(sentence));
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

void MainWindow::updateTitle()
{
    const QString host = m_status.host.isEmpty() ? m_manager->host() : m_status.host;
    setWindowTitle(tr("Mail Server — %1").arg(host.isEmpty() ? m_manager->socketPath() : host));
}

void MainWindow::about()
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About Mail Server Admin"),
                                tr("<b>Mail Server Admin</b> %1<br>Runs the Mailroom mail "
                                   "daemon: its services, settings and logs.")
                                    .arg(QStringLiteral(MAILROOM_VERSION)),
                                QMessageBox::Ok, this);
    box->setIconPixmap(gui::icon(QStringLiteral("mailadmin")).pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace admin
