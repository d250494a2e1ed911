// The sidebar (see sidebar.h).
#include "sidebar.h"

#include "icons.h"
#include "servicelistmodel.h"

namespace admin {

using common::model::ServiceState;

namespace {
constexpr int kServiceRole = Qt::UserRole + 1;

QIcon light(ServiceState state)
{
    switch (state) {
    case ServiceState::Running:
        return gui::icon(QStringLiteral("service-running"));
    case ServiceState::Stopped:
        return gui::icon(QStringLiteral("service-stopped"));
    case ServiceState::Failed:
        return gui::icon(QStringLiteral("service-failed"));
    }
    return {};
}
} // namespace

Sidebar::Sidebar(ServiceListModel *services, QWidget *parent)
    : QListWidget(parent), m_services(services)
{
    setObjectName(QStringLiteral("sidebar"));
    setIconSize(QSize(20, 20));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setMinimumWidth(130);
    setMaximumWidth(180);
    connect(services, &QAbstractItemModel::modelReset, this, &Sidebar::rebuild);
    connect(services, &QAbstractItemModel::rowsInserted, this, &Sidebar::rebuild);
    connect(services, &QAbstractItemModel::rowsRemoved, this, &Sidebar::rebuild);
    connect(services, &QAbstractItemModel::dataChanged, this, &Sidebar::updateLights);
    connect(this, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *current, QListWidgetItem *) {
                if (current)
                    emit serviceSelected(current->data(kServiceRole).toString());
            });
    rebuild();
}

QString Sidebar::currentService() const
{
    return currentItem() ? currentItem()->data(kServiceRole).toString() : QString();
}

void Sidebar::selectService(const QString &service)
{
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(kServiceRole).toString() == service) {
            setCurrentRow(i);
            return;
        }
    }
}

void Sidebar::rebuild()
{
    const QString selected = currentService();
    const QSignalBlocker blocker(this);
    clear();
    auto *server = new QListWidgetItem(gui::icon(QStringLiteral("mailadmin")), tr("Server"), this);
    server->setData(kServiceRole, QString());
    for (int row = 0; row < m_services->rowCount(); ++row) {
        const auto &info = m_services->service(row);
        auto *item =
            new QListWidgetItem(info.displayName.isEmpty() ? info.name : info.displayName, this);
        item->setData(kServiceRole, info.name);
    }
    updateLights();
    int index = 0;
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(kServiceRole).toString() == selected)
            index = i;
    }
    setCurrentRow(index);
    if (currentService() != selected)
        emit serviceSelected(currentService());
}

void Sidebar::updateLights()
{
    for (int i = 1; i < count(); ++i) {
        QListWidgetItem *entry = item(i);
        const int row = m_services->rowOf(entry->data(kServiceRole).toString());
        if (row < 0)
            continue;
        const auto &info = m_services->service(row);
        entry->setIcon(light(info.state));
        entry->setToolTip(ServiceListModel::stateText(info.state) +
                          (info.error.isEmpty() ? QString() : QStringLiteral(": ") + info.error));
    }
}

} // namespace admin
