// What a client sees of one protocol service: its state, listeners and counters.
// JSON form: docs/control-protocol.md, "Service".
#pragma once

#include "model/enums.h"

#include <QJsonObject>
#include <QStringList>

namespace common::model {

struct ServiceInfo
{
    QString name;        // "smtp", "pop3", "imap"
    QString displayName; // "SMTP"
    ServiceState state = ServiceState::Stopped;
    bool enabled = false; // starts with the daemon
    QStringList listeners; // "127.0.0.1:2525"
    QString error;         // why it failed, when state is Failed
    QJsonObject counters;

    QJsonObject toJson() const;
    static ServiceInfo fromJson(const QJsonObject &o);
};

} // namespace common::model
