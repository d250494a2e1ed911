// SMTP setting definitions (see smtpsettings.h and docs/smtp.md).
#include "smtp/smtpsettings.h"

#include "core/settings.h"

#include <QHostAddress>
#include <QJsonArray>

namespace maild::smtp {

using core::SettingDef;
using core::SettingType;

namespace {

std::optional<QString> checkNetworks(const QJsonValue &v)
{
    for (const QJsonValue &n : v.toArray()) {
        const auto subnet = QHostAddress::parseSubnet(n.toString());
        if (subnet.first.isNull())
            return QStringLiteral("%1 is not a network in CIDR form (e.g. 192.0.2.0/24)").arg(n.toString());
    }
    return std::nullopt;
}

SettingDef intSetting(const char *key, const char *description, qint64 embedded, qint64 system, qint64 min, qint64 max)
{
    return {QLatin1String(key), SettingType::Int, QLatin1String(description), embedded,
            system == embedded ? QJsonValue(QJsonValue::Undefined) : QJsonValue(system), {}, min, max, {}};
}

} // namespace

void defineSmtpSettings(core::Settings &s)
{
    s.define(intSetting("smtp.port", "SMTP port for mail from other servers (0: off)", 2525, 25, 0, 65535));
    s.define(intSetting("submission.port", "Submission port for your users' mail programs; AUTH required (0: off)", 2587,
                        587, 0, 65535));
    s.define(intSetting("smtp.maxMessageBytes", "Largest message accepted, in bytes", 50 * 1024 * 1024,
                        50 * 1024 * 1024, 1024, qint64(2) * 1024 * 1024 * 1024));
    s.define(intSetting("smtp.maxRecipients", "Most recipients of one message", 100, 100, 1, 100000));
    s.define(intSetting("smtp.maxConnectionsPerAddress", "Most simultaneous connections from one client address", 20,
                        20, 1, 100000));
    s.define(intSetting("smtp.maxConnections", "Most simultaneous SMTP connections", 1000, 1000, 1, 1000000));
    s.define(intSetting("smtp.idleTimeoutSeconds", "Seconds of silence before a client is disconnected", 300, 300, 1,
                        3600));
    s.define(intSetting("smtp.maxReceivedHeaders", "More Received: headers than this means a mail loop", 50, 50, 5,
                        1000));
    s.define(intSetting("smtps.port", "SMTP over implicit TLS (SMTPS) for mail programs; AUTH required (0: off)", 2465,
                        465, 0, 65535));
    s.define({QStringLiteral("smtp.tls"), SettingType::Choice,
              QStringLiteral("STARTTLS on the SMTP and submission ports: off, offered, or required before AUTH and MAIL"),
              QStringLiteral("offered"), QJsonValue::Undefined,
              {QStringLiteral("off"), QStringLiteral("offered"), QStringLiteral("required")}, 0, 0, {}});
    s.define({QStringLiteral("smtp.certificate"), SettingType::String,
              QStringLiteral("The certificate SMTP presents (empty: tls.defaultCertificate)"), QString(),
              QJsonValue::Undefined, {}, 0, 0, {}});
    s.define({QStringLiteral("smtp.trustedNetworks"), SettingType::List,
              QStringLiteral("Networks (CIDR) whose clients may relay without authenticating"), QJsonArray{},
              QJsonValue::Undefined, {}, 0, 0, checkNetworks});
    s.define({QStringLiteral("smtp.relayRequiresAuth"), SettingType::Bool,
              QStringLiteral("Relay to other domains only for authenticated clients, even from smtp.trustedNetworks"),
              false, QJsonValue::Undefined, {}, 0, 0, {}});
}

} // namespace maild::smtp
