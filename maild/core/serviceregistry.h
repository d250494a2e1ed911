// The registry of protocol services: each service registers once; the control plane starts,
// stops and lists them by name, and the daemon starts the enabled ones at startup.
#pragma once

#include "core/service.h"

#include <QList>
#include <QObject>

namespace maild::core {

class Settings;

class ServiceRegistry : public QObject
{
    Q_OBJECT
public:
    explicit ServiceRegistry(Settings &settings, QObject *parent = nullptr);

    // Takes ownership; defines "<name>.enabled" in settings.
    void add(Service *service, bool enabledByDefault = true);
    Service *find(const QString &name) const;
    QList<Service *> services() const { return m_services; }
    ServiceInfo info(const Service *service) const;

    // Starts every enabled service; failures are logged and reported in state.
    void startEnabled();
    QString start(const QString &name);
    void stopAll();
    // Sessions of all services that have not yet finished (see Service::openSessions).
    int openSessions() const;
    // Destroys every service's sessions, while what they use (the mail store) still exists.
    void deleteSessions();

signals:
    void serviceStateChanged(maild::core::Service *service);

private:
    Settings &m_settings;
    QList<Service *> m_services;
};

} // namespace maild::core
