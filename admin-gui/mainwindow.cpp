// The Server Admin window (see mainwindow.h).
#include "mainwindow.h"

#include "connectionstatus.h"
#include "displayformat.h"
#include "icons.h"
#include "logindialog.h"
#include "servicelistmodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace admin {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}
} // namespace

MainWindow::MainWindow(gui::ConnectionManager *manager, QWidget *parent)
    : QMainWindow(parent), m_manager(manager), m_services(new ServiceListModel(this))
{
    setObjectName(QStringLiteral("adminMainWindow"));
    setWindowIcon(gui::icon(QStringLiteral("mailadmin")));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(createHeader());
    m_overviewBox = createOverview();
    layout->addWidget(m_overviewBox);
    m_warningsLabel = new QLabel(central);
    m_warningsLabel->setObjectName(QStringLiteral("warningsLabel"));
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextFormat(Qt::PlainText);
    m_warningsLabel->setVisible(false);
    layout->addWidget(m_warningsLabel);
    m_servicesBox = createServices();
    layout->addWidget(m_servicesBox, 1);
    setCentralWidget(central);

    m_connectionStatus = new gui::ConnectionStatus(manager, this);
    statusBar()->addWidget(m_connectionStatus, 1);
    createActions();

    m_uptimeTimer.setInterval(1000);
    connect(&m_uptimeTimer, &QTimer::timeout, this, &MainWindow::updateUptime);

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
    updateTitle();
    onStateChanged(manager->state());

    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(720, 520);
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

QWidget *MainWindow::createOverview()
{
    auto *box = new QGroupBox(tr("Overview"), this);
    m_versionLabel = valueLabel(QStringLiteral("daemonVersionLabel"), box);
    m_hostLabel = valueLabel(QStringLiteral("hostLabel"), box);
    m_uptimeLabel = valueLabel(QStringLiteral("uptimeLabel"), box);
    m_dataDirLabel = valueLabel(QStringLiteral("dataDirLabel"), box);
    m_profileLabel = valueLabel(QStringLiteral("profileLabel"), box);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Daemon version:"), m_versionLabel);
    form->addRow(tr("Host:"), m_hostLabel);
    form->addRow(tr("Uptime:"), m_uptimeLabel);
    form->addRow(tr("Data directory:"), m_dataDirLabel);
    form->addRow(tr("Profile:"), m_profileLabel);
    return box;
}

QWidget *MainWindow::createServices()
{
    auto *box = new QGroupBox(tr("Services"), this);
    m_serviceView = new QTreeView(box);
    m_serviceView->setObjectName(QStringLiteral("serviceView"));
    m_serviceView->setModel(m_services);
    m_serviceView->setRootIsDecorated(false);
    m_serviceView->setUniformRowHeights(true);
    m_serviceView->setAlternatingRowColors(true);
    m_serviceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_serviceView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_serviceView->header()->setStretchLastSection(true);
    m_serviceView->setColumnWidth(ServiceListModel::NameColumn, 160);
    m_serviceView->setColumnWidth(ServiceListModel::StateColumn, 100);
    m_serviceView->setColumnWidth(ServiceListModel::ListenersColumn, 220);

    m_noServicesLabel = new QLabel(tr("No mail services are registered yet."), box);
    m_noServicesLabel->setObjectName(QStringLiteral("noServicesLabel"));
    m_noServicesLabel->setAlignment(Qt::AlignCenter);
    m_noServicesLabel->setEnabled(false); // drawn greyed, like an empty view's placeholder

    m_servicesStack = new QStackedWidget(box);
    m_servicesStack->setObjectName(QStringLiteral("servicesStack"));
    m_servicesStack->addWidget(m_serviceView);
    m_servicesStack->addWidget(m_noServicesLabel);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_servicesStack);

    connect(m_services, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateServicesPage);
    connect(m_services, &QAbstractItemModel::modelReset, this, &MainWindow::updateServicesPage);
    updateServicesPage();
    return box;
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
    m_manager->client()->call(QStringLiteral("server.status"), {}, done);
}

void MainWindow::applyStatus(const ServerStatus &status)
{
    m_status = status;
    if (m_status.version.isEmpty())
        m_status.version = m_manager->daemonVersion();
    if (m_status.host.isEmpty())
        m_status.host = m_manager->host();
    const QString unknown = tr("unknown");
    m_versionLabel->setText(m_status.version.isEmpty() ? unknown : m_status.version);
    m_hostLabel->setText(m_status.host.isEmpty() ? unknown : m_status.host);
    m_dataDirLabel->setText(m_status.dataDir.isEmpty() ? unknown : m_status.dataDir);
    if (m_status.profile == QLatin1String("embedded"))
        m_profileLabel->setText(tr("Embedded (an ordinary user, high ports)"));
    else if (m_status.profile == QLatin1String("system"))
        m_profileLabel->setText(tr("System service (standard ports)"));
    else
        m_profileLabel->setText(m_status.profile.isEmpty() ? unknown : m_status.profile);
    m_hostTitle->setText(m_status.host.isEmpty() ? tr("Mail Server") : m_status.host);
    m_subtitle->setText(m_status.version.isEmpty()
                            ? tr("Mail Server")
                            : tr("Mail Server · maild %1").arg(m_status.version));
    if (m_status.warnings.isEmpty()) {
        m_warningsLabel->setVisible(false);
    } else {
        m_warningsLabel->setText(tr("Warnings:") + QLatin1Char('\n') +
                                 m_status.warnings.join(QLatin1Char('\n')));
        m_warningsLabel->setVisible(true);
    }
    m_uptimeLabel->setToolTip(m_status.startedAt.isValid()
                                  ? tr("Started %1").arg(gui::formatDateTime(m_status.startedAt))
                                  : QString());
    m_services->setServices(m_status.services);
    if (m_status.startedAt.isValid() || m_status.uptimeSeconds > 0) {
        m_uptimeClock.start();
        if (m_manager->isLoggedIn())
            m_uptimeTimer.start();
    }
    updateUptime();
    updateTitle();
}

void MainWindow::updateUptime()
{
    if (!m_uptimeClock.isValid()) {
        m_uptimeLabel->setText(tr("unknown"));
        return;
    }
    const qint64 seconds = m_status.uptimeSeconds + m_uptimeClock.elapsed() / 1000;
    m_uptimeLabel->setText(gui::formatDuration(seconds));
}

void MainWindow::onNotification(const QString &method, const QJsonObject &params)
{
    if (method == QLatin1String("service.state"))
        m_services->updateService(common::model::ServiceInfo::fromJson(params));
}

void MainWindow::onStateChanged(gui::ConnectionManager::State state)
{
    const bool loggedIn = state == gui::ConnectionManager::State::LoggedIn;
    // What is shown is the last known state: greyed while the daemon cannot confirm it.
    m_overviewBox->setEnabled(loggedIn);
    m_servicesBox->setEnabled(loggedIn);
    m_refreshAction->setEnabled(loggedIn);
    m_logInAction->setEnabled(state == gui::ConnectionManager::State::Disconnected);
    if (loggedIn) {
        if (m_uptimeClock.isValid())
            m_uptimeTimer.start();
    } else {
        // The daemon may be restarting: its uptime is no longer known.
        m_uptimeTimer.stop();
    }
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

void MainWindow::updateServicesPage()
{
    m_servicesStack->setCurrentWidget(
        m_services->rowCount() > 0 ? static_cast<QWidget *>(m_serviceView) : m_noServicesLabel);
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
