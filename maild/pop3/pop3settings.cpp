// POP3 setting definitions (see pop3settings.h and docs/pop3.md).
#include "pop3/pop3settings.h"

#include "core/settings.h"

namespace maild::pop3 {

using core::SettingType;

void definePop3Settings(core::Settings &s)
{
    s.define({QStringLiteral("pop3.enabled"), SettingType::Bool, QStringLiteral("Start the POP3 service with the daemon"),
              true, QJsonValue::Undefined, {}, 0, 0, {}});
    s.define({QStringLiteral("pop3.port"), SettingType::Int, QStringLiteral("POP3 port (0: off)"), 2110, 110, {}, 0, 65535, {}});
    s.define({QStringLiteral("pop3s.port"), SettingType::Int, QStringLiteral("POP3 over implicit TLS (0: off)"), 2995, 995,
              {}, 0, 65535, {}});
    s.define({QStringLiteral("pop3.tls"), SettingType::Choice,
              QStringLiteral("STLS on the POP3 port: off, offered, or required before USER/PASS/AUTH"),
              QStringLiteral("offered"), QJsonValue::Undefined,
              {QStringLiteral("off"), QStringLiteral("offered"), QStringLiteral("required")}, 0, 0, {}});
    s.define({QStringLiteral("pop3.certificate"), SettingType::String,
              QStringLiteral("The certificate POP3 presents (empty: tls.defaultCertificate)"), QString(),
              QJsonValue::Undefined, {}, 0, 0, {}});
    s.define({QStringLiteral("pop3.idleTimeoutSeconds"), SettingType::Int,
              QStringLiteral("Seconds of silence before a client is disconnected (RFC 1939: at least 600)"), 600,
              QJsonValue::Undefined, {}, 600, 86400, {}});
    s.define({QStringLiteral("pop3.maxConnectionsPerAddress"), SettingType::Int,
              QStringLiteral("Most simultaneous POP3 connections from one client address"), 20, QJsonValue::Undefined,
              {}, 1, 100000, {}});
    s.define({QStringLiteral("pop3.apop"), SettingType::Bool,
              QStringLiteral("APOP login; never enabled: it needs each password stored in a form equivalent to clear text"),
              false, QJsonValue::Undefined, {}, 0, 0, [](const QJsonValue &v) -> std::optional<QString> {
                  if (v.toBool())
                      return QStringLiteral("APOP needs passwords stored in a clear-text-equivalent form, which this "
                                            "server never does; use USER/PASS or AUTH over TLS");
                  return std::nullopt;
              }});
}

} // namespace maild::pop3
