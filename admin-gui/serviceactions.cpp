// Start and stop of the mail services (see serviceactions.h).
#include "serviceactions.h"

#include "confirm.h"
#include "connectionmanager.h"
#include "icons.h"
#include "requesttracker.h"
#include "servicelistmodel.h"

#include <QAction>
#include <QPointer>
#include <QWidget>

namespace admin {

using common::model::ServiceState;

ServiceActions::ServiceActions(gui::ConnectionManager *manager, RequestTracker *requests,
                               ServiceListModel *services, QWidget *window)
    : QObject(window), m_manager(manager), m_requests(requests), m_services(services),
      m_window(window)
{
    m_start = new QAction(gui::icon(QStringLiteral("service-running")), tr("Start Service"), this);
    m_start->setObjectName(QStringLiteral("startServiceAction"));
    m_stop = new QAction(gui::icon(QStringLiteral("service-stopped")), tr("Stop Service"), this);
    m_stop->setObjectName(QStringLiteral("stopServiceAction"));
    m_startAll = new QAction(tr("Start All"), this);
    m_startAll->setObjectName(QStringLiteral("startAllAction"));
    m_startAll->setToolTip(tr("Start every mail service that is not running"));
    m_stopAll = new QAction(tr("Stop All"), this);
    m_stopAll->setObjectName(QStringLiteral("stopAllAction"));
    m_stopAll->setToolTip(tr("Stop every running mail service"));

    connect(m_start, &QAction::triggered, this, [this] { startOrStop({m_service}, true); });
    connect(m_stop, &QAction::triggered, this, [this] { askToStop({m_service}); });
    connect(m_startAll, &QAction::triggered, this, [this] { startOrStop(namesIn(false), true); });
    connect(m_stopAll, &QAction::triggered, this, [this] { askToStop(namesIn(true)); });
    connect(services, &QAbstractItemModel::dataChanged, this, &ServiceActions::updateActions);
    connect(services, &QAbstractItemModel::modelReset, this, &ServiceActions::updateActions);
    connect(services, &QAbstractItemModel::rowsInserted, this, &ServiceActions::updateActions);
    connect(manager, &gui::ConnectionManager::stateChanged, this, &ServiceActions::updateActions);
    updateActions();
}

void ServiceActions::setService(const QString &service)
{
    m_service = service;
    updateActions();
}

QStringList ServiceActions::namesIn(bool running) const
{
    QStringList names;
    for (int row = 0; row < m_services->rowCount(); ++row) {
        const auto &info = m_services->service(row);
        if ((info.state == ServiceState::Running) == running && !m_pending.contains(info.name))
            names.append(info.name);
    }
    return names;
}

QString ServiceActions::displayName(const QString &name) const
{
    const int row = m_services->rowOf(name);
    if (row < 0 || m_services->service(row).displayName.isEmpty())
        return name;
    return m_services->service(row).displayName;
}

void ServiceActions::updateActions()
{
    const bool loggedIn = m_manager->isLoggedIn();
    const int row = m_services->rowOf(m_service);
    const bool known = loggedIn && row >= 0 && !m_pending.contains(m_service);
    const bool running = row >= 0 && m_services->service(row).state == ServiceState::Running;
    m_start->setEnabled(known && !running);
    m_stop->setEnabled(known && running);
    const QString name = row >= 0 ? displayName(m_service) : QString();
    m_start->setText(name.isEmpty() ? tr("Start Service") : tr("Start %1").arg(name));
    m_stop->setText(name.isEmpty() ? tr("Stop Service") : tr("Stop %1").arg(name));
    m_startAll->setEnabled(loggedIn && !namesIn(false).isEmpty());
    m_stopAll->setEnabled(loggedIn && !namesIn(true).isEmpty());
}

void ServiceActions::askToStop(const QStringList &names)
{
    if (names.isEmpty())
        return;
    QStringList shown;
    for (const QString &name : names)
        shown.append(displayName(name));
    const QString question =
        names.size() == 1 ? tr("Stop %1?").arg(shown.first()) : tr("Stop all mail services?");
    confirmThen(m_window, question,
                tr("Clients connected to %1 are disconnected, and no mail is received there "
                   "until it is started again.")
                    .arg(shown.join(QStringLiteral(", "))),
                names.size() == 1 ? tr("Stop %1").arg(shown.first()) : tr("Stop All"),
                [self = QPointer(this), names] {
                    if (self)
                        self->startOrStop(names, false);
                });
}

void ServiceActions::startOrStop(const QStringList &names, bool start)
{
    const QString method = start ? QStringLiteral("service.start") : QStringLiteral("service.stop");
    for (const QString &name : names) {
        if (name.isEmpty() || m_pending.contains(name))
            continue;
        m_pending.insert(name);
        m_requests->call(
            method, {{QStringLiteral("name"), name}},
            [self = QPointer(this), name, start](const common::control::Reply &reply) {
                if (!self)
                    return;
                self->m_pending.remove(name);
                // The answer is the service as the daemon sees it; so is the notification.
                if (reply.ok())
                    self->m_services->updateService(
                        common::model::ServiceInfo::fromJson(reply.object()));
                else
                    emit self->failed(
                        (start ? tr("Could not start %1: %2") : tr("Could not stop %1: %2"))
                            .arg(self->displayName(name), reply.error->message));
                self->updateActions();
            });
    }
    updateActions();
}

} // namespace admin
