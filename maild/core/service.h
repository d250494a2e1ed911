// A protocol service (SMTP, POP3, IMAP...) as the registry sees it: it can be started and
// stopped on its own, reports its state, listeners and counters, and applies its settings
// live. Each service registers its settings with Settings at construction.
#pragma once

#include <model/service.h>

#include <QJsonArray>
#include <QObject>

namespace maild::core {

using common::model::ServiceInfo;
using common::model::ServiceState;

class Service : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString name() const = 0;        // "smtp"
    virtual QString displayName() const = 0; // "SMTP"
    // The setting that says whether the service starts with the daemon ("smtp.enabled").
    QString enabledKey() const { return name() + QStringLiteral(".enabled"); }

    // Binds listeners. On failure the state becomes Failed and the reason is returned.
    virtual QString start() = 0;
    // Closes listeners and ends sessions with the protocol's goodbye.
    virtual void stop() = 0;
    // Applies changed settings to a running service (rebinds when ports changed).
    virtual void applySettings(const QStringList &changedKeys) { Q_UNUSED(changedKeys); }
    virtual QStringList listeners() const = 0;
    virtual QJsonObject counters() const { return {}; }
    // One object per open session: {service, client, user, mailbox, tls, since}.
    virtual QJsonArray connections() const { return {}; }
    // Sessions that have not yet finished: after stop(), those still saying goodbye.
    virtual int openSessions() const { return 0; }
    // Destroys every session at once (the daemon's last step; the goodbye had its chance).
    virtual void deleteSessions() {}

    ServiceState state() const { return m_state; }
    QString lastError() const { return m_error; }

signals:
    void stateChanged();

protected:
    void setState(ServiceState state, const QString &error = {});

private:
    ServiceState m_state = ServiceState::Stopped;
    QString m_error;
};

} // namespace maild::core
