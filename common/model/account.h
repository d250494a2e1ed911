// An account and its mail options (the Workgroup Manager Mail tab), as the daemon stores
// them and the tools show them. JSON form: docs/control-protocol.md, "Account".
#pragma once

#include "model/enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace common::model {

struct MailOptions
{
    MailState state = MailState::Enabled;
    QString forwardAddress;
    QString server; // empty: this server
    qint64 quotaBytes = 0; // 0: no quota
    int quotaWarnPercent = 90;
    MailAccess access = MailAccess::Both;

    QJsonObject toJson() const;
    static MailOptions fromJson(const QJsonObject &o);
    bool operator==(const MailOptions &) const = default;
};

struct Account
{
    QString name;
    QString fullName;
    bool admin = false;
    bool hasPassword = false;
    QStringList addresses;
    MailOptions mail;
    qint64 usageBytes = 0;
    QDateTime created;
    QDateTime modified;

    QJsonObject toJson() const;
    static Account fromJson(const QJsonObject &o);
    // True when usage has reached the warning threshold of a non-zero quota.
    bool pastQuotaWarning() const;
};

} // namespace common::model
