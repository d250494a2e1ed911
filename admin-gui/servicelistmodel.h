// The daemon's mail services as a table for the Server Admin window: name, state (with its
// icon), listeners, last error. Fed by the window from `server.status` and kept current by
// `service.state` notifications; the model itself never talks to the daemon.
#pragma once

#include "model/service.h"

#include <QAbstractTableModel>
#include <QList>

namespace admin {

class ServiceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StateColumn,
        ListenersColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role
    {
        ServiceNameRole = Qt::UserRole + 1,
        StateRole
    };

    explicit ServiceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces every row (a fresh `server.status` or `service.list`).
    void setServices(const QList<common::model::ServiceInfo> &services);
    // Updates the named service's row, or appends it when it is new (`service.state`).
    void updateService(const common::model::ServiceInfo &service);
    const common::model::ServiceInfo &service(int row) const { return m_services.at(row); }
    int rowOf(const QString &name) const;

    // "Running", "Stopped", "Failed", translated.
    static QString stateText(common::model::ServiceState state);

private:
    QList<common::model::ServiceInfo> m_services;
};

} // namespace admin
