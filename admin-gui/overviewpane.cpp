// The Overview tab (see overviewpane.h).
#include "overviewpane.h"

#include "displayformat.h"
#include "servicelistmodel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace admin {

using common::model::ServiceInfo;

namespace {
QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}
} // namespace

OverviewPane::OverviewPane(const PaneContext &context, QWidget *parent) : Pane(context, parent)
{
    setObjectName(QStringLiteral("overviewPane"));
    m_pages = new QStackedWidget(this);
    m_serverPage = createServerPage();
    m_servicePage = createServicePage();
    m_pages->addWidget(m_serverPage);
    m_pages->addWidget(m_servicePage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    m_uptimeTimer.setInterval(1000);
    connect(&m_uptimeTimer, &QTimer::timeout, this, &OverviewPane::updateUptime);
    m_statusTimer.setInterval(5000);
    connect(&m_statusTimer, &QTimer::timeout, this, &Pane::statusWanted);
    connect(services(), &QAbstractItemModel::dataChanged, this, &OverviewPane::updateServicePage);
    connect(services(), &QAbstractItemModel::modelReset, this, &OverviewPane::updateServicePage);
    m_status.version = manager()->daemonVersion();
    m_status.host = manager()->host();
    statusChanged(m_status);
}

QWidget *OverviewPane::createServerPage()
{
    auto *page = new QWidget(this);
    auto *box = new QGroupBox(tr("Server"), page);
    m_versionLabel = valueLabel(QStringLiteral("daemonVersionLabel"), box);
    m_hostLabel = valueLabel(QStringLiteral("hostLabel"), box);
    m_uptimeLabel = valueLabel(QStringLiteral("uptimeLabel"), box);
    m_dataDirLabel = valueLabel(QStringLiteral("dataDirLabel"), box);
    m_profileLabel = valueLabel(QStringLiteral("profileLabel"), box);
    m_connectionsLabel = valueLabel(QStringLiteral("connectionsLabel"), box);
    m_messagesTodayLabel = valueLabel(QStringLiteral("messagesTodayLabel"), box);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Daemon version:"), m_versionLabel);
    form->addRow(tr("Host:"), m_hostLabel);
    form->addRow(tr("Uptime:"), m_uptimeLabel);
    form->addRow(tr("Data directory:"), m_dataDirLabel);
    form->addRow(tr("Profile:"), m_profileLabel);
    form->addRow(tr("Open connections:"), m_connectionsLabel);
    form->addRow(tr("Messages today:"), m_messagesTodayLabel);

    m_warningsLabel = new QLabel(page);
    m_warningsLabel->setObjectName(QStringLiteral("warningsLabel"));
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextFormat(Qt::PlainText);
    m_warningsLabel->setStyleSheet(QStringLiteral("color: #a04000;"));
    m_warningsLabel->setVisible(false);

    auto *servicesBox = new QGroupBox(tr("Services"), page);
    m_serviceView = new QTreeView(servicesBox);
    m_serviceView->setObjectName(QStringLiteral("serviceView"));
    m_serviceView->setModel(services());
    m_serviceView->setRootIsDecorated(false);
    m_serviceView->setUniformRowHeights(true);
    m_serviceView->setAlternatingRowColors(true);
    m_serviceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_serviceView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_serviceView->header()->setStretchLastSection(true);
    m_serviceView->setColumnWidth(ServiceListModel::NameColumn, 140);
    m_serviceView->setColumnWidth(ServiceListModel::StateColumn, 90);
    m_serviceView->setColumnWidth(ServiceListModel::ListenersColumn, 200);
    m_noServicesLabel = new QLabel(tr("No mail services are registered yet."), servicesBox);
    m_noServicesLabel->setObjectName(QStringLiteral("noServicesLabel"));
    m_noServicesLabel->setAlignment(Qt::AlignCenter);
    m_noServicesLabel->setEnabled(false); // drawn greyed, like an empty view's placeholder
    m_servicesStack = new QStackedWidget(servicesBox);
    m_servicesStack->setObjectName(QStringLiteral("servicesStack"));
    m_servicesStack->addWidget(m_serviceView);
    m_servicesStack->addWidget(m_noServicesLabel);
    auto *servicesLayout = new QVBoxLayout(servicesBox);
    servicesLayout->addWidget(m_servicesStack);
    connect(services(), &QAbstractItemModel::rowsInserted, this, &OverviewPane::updateServicesPage);
    connect(services(), &QAbstractItemModel::modelReset, this, &OverviewPane::updateServicesPage);
    updateServicesPage();

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(box);
    layout->addWidget(m_warningsLabel);
    layout->addWidget(servicesBox, 1);
    return page;
}

QWidget *OverviewPane::createServicePage()
{
    auto *page = new QWidget(this);
    auto *box = new QGroupBox(tr("Service"), page);
    m_serviceState = valueLabel(QStringLiteral("serviceStateLabel"), box);
    m_serviceListeners = valueLabel(QStringLiteral("serviceListenersLabel"), box);
    m_serviceProblem = valueLabel(QStringLiteral("serviceProblemLabel"), box);
    m_serviceConnections = valueLabel(QStringLiteral("serviceConnectionsLabel"), box);
    m_serviceCounters = valueLabel(QStringLiteral("serviceCountersLabel"), box);
    auto *form = new QFormLayout(box);
    form->addRow(tr("State:"), m_serviceState);
    form->addRow(tr("Listening on:"), m_serviceListeners);
    form->addRow(tr("Problem:"), m_serviceProblem);
    form->addRow(tr("Open connections:"), m_serviceConnections);
    form->addRow(tr("Counters since start:"), m_serviceCounters);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(box);
    layout->addStretch(1);
    return page;
}

void OverviewPane::setService(const QString &service)
{
    Pane::setService(service);
    m_pages->setCurrentWidget(service.isEmpty() ? m_serverPage : m_servicePage);
    updateServicePage();
}

void OverviewPane::statusChanged(const ServerStatus &status)
{
    m_status = status;
    if (m_status.version.isEmpty())
        m_status.version = manager()->daemonVersion();
    if (m_status.host.isEmpty())
        m_status.host = manager()->host();
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
    m_connectionsLabel->setText(QLocale().toString(m_status.activeConnections()));
    m_messagesTodayLabel->setText(m_status.messagesToday < 0
                                      ? tr("not counted by this daemon")
                                      : QLocale().toString(m_status.messagesToday));
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
    if (m_status.startedAt.isValid() || m_status.uptimeSeconds > 0) {
        m_uptimeClock.start();
        if (manager()->isLoggedIn())
            m_uptimeTimer.start();
    }
    updateUptime();
    updateServicePage();
}

void OverviewPane::sessionChanged(bool loggedIn)
{
    // What is shown is the last known state: greyed while the daemon cannot confirm it.
    m_pages->setEnabled(loggedIn);
    if (loggedIn && m_uptimeClock.isValid())
        m_uptimeTimer.start();
    else if (!loggedIn)
        m_uptimeTimer.stop(); // the daemon may be restarting: its uptime is no longer known
}

void OverviewPane::visibilityChanged(bool visible)
{
    if (visible)
        m_statusTimer.start();
    else
        m_statusTimer.stop();
}

void OverviewPane::updateUptime()
{
    if (!m_uptimeClock.isValid()) {
        m_uptimeLabel->setText(tr("unknown"));
        return;
    }
    const qint64 seconds = m_status.uptimeSeconds + m_uptimeClock.elapsed() / 1000;
    m_uptimeLabel->setText(gui::formatDuration(seconds));
}

void OverviewPane::updateServicesPage()
{
    m_servicesStack->setCurrentWidget(
        services()->rowCount() > 0 ? static_cast<QWidget *>(m_serviceView) : m_noServicesLabel);
}

void OverviewPane::updateServicePage()
{
    const int row = services()->rowOf(service());
    if (service().isEmpty() || row < 0) {
        m_serviceState->setText(tr("unknown"));
        m_serviceListeners->clear();
        m_serviceProblem->clear();
        m_serviceConnections->clear();
        m_serviceCounters->clear();
        return;
    }
    const ServiceInfo &info = services()->service(row);
    m_serviceState->setText(ServiceListModel::stateText(info.state));
    m_serviceListeners->setText(info.listeners.isEmpty() ? tr("nothing")
                                                         : info.listeners.join(QLatin1Char('\n')));
    m_serviceProblem->setText(info.error.isEmpty() ? tr("none") : info.error);
    m_serviceConnections->setText(
        QLocale().toString(info.counters.value(QStringLiteral("activeConnections")).toInteger()));
    QStringList lines;
    for (auto it = info.counters.begin(); it != info.counters.end(); ++it) {
        if (it.key() != QLatin1String("activeConnections"))
            lines.append(it.key() + QStringLiteral(": ") +
                         QLocale().toString(it.value().toInteger()));
    }
    m_serviceCounters->setText(lines.join(QLatin1Char('\n')));
}

} // namespace admin
