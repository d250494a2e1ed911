// The services table (see servicelistmodel.h).
#include "servicelistmodel.h"

#include "icons.h"

namespace admin {

using common::model::ServiceInfo;
using common::model::ServiceState;

ServiceListModel::ServiceListModel(QObject *parent) : QAbstractTableModel(parent) {}

int ServiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_services.size());
}

int ServiceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ServiceListModel::stateText(ServiceState state)
{
    switch (state) {
    case ServiceState::Running:
        return tr("Running");
    case ServiceState::Stopped:
        return tr("Stopped");
    case ServiceState::Failed:
        return tr("Failed");
    }
    return {};
}

QVariant ServiceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServiceInfo &s = m_services.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.displayName.isEmpty() ? s.name : s.displayName;
        case StateColumn:
            return stateText(s.state);
        case ListenersColumn:
            return s.listeners.join(QStringLiteral(", "));
        case ErrorColumn:
            return s.error;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == NameColumn) {
            switch (s.state) {
            case ServiceState::Running:
                return gui::icon(QStringLiteral("service-running"));
            case ServiceState::Stopped:
                return gui::icon(QStringLiteral("service-stopped"));
            case ServiceState::Failed:
                return gui::icon(QStringLiteral("service-failed"));
            }
        }
        break;
    case Qt::ToolTipRole:
        if (!s.error.isEmpty())
            return s.error;
        if (!s.enabled)
            return tr("%1 does not start with the daemon.")
                .arg(s.displayName.isEmpty() ? s.name : s.displayName);
        break;
    case ServiceNameRole:
        return s.name;
    case StateRole:
        return static_cast<int>(s.state);
    }
    return {};
}

QVariant ServiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Service");
    case StateColumn:
        return tr("State");
    case ListenersColumn:
        return tr("Listening on");
    case ErrorColumn:
        return tr("Problem");
    }
    return {};
}

void ServiceListModel::setServices(const QList<ServiceInfo> &services)
{
    beginResetModel();
    m_services = services;
    endResetModel();
}

void ServiceListModel::updateService(const ServiceInfo &service)
{
    const int row = rowOf(service.name);
    if (row < 0) {
        beginInsertRows({}, int(m_services.size()), int(m_services.size()));
        m_services.append(service);
        endInsertRows();
        return;
    }
    m_services[row] = service;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ServiceListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_services.size(); ++i) {
        if (m_services.at(i).name == name)
            return i;
    }
    return -1;
}

} // namespace admin
