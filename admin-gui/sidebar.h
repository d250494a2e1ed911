// The Server Admin window's sidebar: the server, then each mail service with a status light
// (running, stopped, failed) that follows the service model, which the daemon's pushed
// `service.state` notifications keep current.
#pragma once

#include <QListWidget>

namespace admin {

class ServiceListModel;

class Sidebar : public QListWidget
{
    Q_OBJECT
public:
    explicit Sidebar(ServiceListModel *services, QWidget *parent = nullptr);

    // "" for the server, else the service's name.
    QString currentService() const;
    void selectService(const QString &service);

signals:
    void serviceSelected(const QString &service);

private:
    void rebuild();
    void updateLights();

    ServiceListModel *m_services;
};

} // namespace admin
