// The service registry (see serviceregistry.h).
#include "core/serviceregistry.h"

#include "core/logger.h"
#include "core/settings.h"

namespace maild::core {

ServiceRegistry::ServiceRegistry(Settings &settings, QObject *parent) : QObject(parent), m_settings(settings)
{
    connect(&m_settings, &Settings::changed, this, [this](const QStringList &keys) {
        for (Service *s : std::as_const(m_services)) {
            if (s->state() == ServiceState::Running)
                s->applySettings(keys);
        }
    });
}

void ServiceRegistry::add(Service *service, bool enabledByDefault)
{
    service->setParent(this);
    m_services.append(service);
    if (!m_settings.isDefined(service->enabledKey()))
        m_settings.define({service->enabledKey(), SettingType::Bool,
                       QStringLiteral("Start the %1 service with the daemon").arg(service->displayName()),
                       enabledByDefault, QJsonValue::Undefined, {}, 0, 0, {}});
    connect(service, &Service::stateChanged, this, [this, service] {
        logInfo(service->name(), service->state() == ServiceState::Failed
                                     ? QStringLiteral("service failed: %1").arg(service->lastError())
                                     : QStringLiteral("service %1").arg(common::model::toString(service->state())));
        emit serviceStateChanged(service);
    });
}

Service *ServiceRegistry::find(const QString &name) const
{
    for (Service *s : m_services) {
        if (s->name() == name)
            return s;
    }
    return nullptr;
}

ServiceInfo ServiceRegistry::info(const Service *service) const
{
    ServiceInfo i;
    i.name = service->name();
    i.displayName = service->displayName();
    i.state = service->state();
    i.enabled = m_settings.boolean(service->enabledKey());
    i.listeners = service->listeners();
    i.error = service->lastError();
    i.counters = service->counters();
    return i;
}

void ServiceRegistry::startEnabled()
{
    for (Service *s : std::as_const(m_services)) {
        if (m_settings.boolean(s->enabledKey()))
            start(s->name());
    }
}

QString ServiceRegistry::start(const QString &name)
{
    Service *s = find(name);
    if (!s)
        return QStringLiteral("no service named %1").arg(name);
    if (s->state() == ServiceState::Running)
        return {};
    return s->start();
}

int ServiceRegistry::openSessions() const
{
    int open = 0;
    for (const Service *s : m_services)
        open += s->openSessions();
    return open;
}

void ServiceRegistry::deleteSessions()
{
    for (Service *s : std::as_const(m_services))
        s->deleteSessions();
}

void ServiceRegistry::stopAll()
{
    for (Service *s : std::as_const(m_services)) {
        if (s->state() == ServiceState::Running)
            s->stop();
    }
}

} // namespace maild::core
