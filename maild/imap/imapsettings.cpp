// IMAP setting definitions (see imapsettings.h and docs/imap.md).
#include "imap/imapsettings.h"

#include "core/settings.h"

namespace maild::imap {

using core::SettingType;

void defineImapSettings(core::Settings &s)
{
    s.define({QStringLiteral("imap.enabled"), SettingType::Bool, QStringLiteral("Start the IMAP service with the daemon"),
              true, QJsonValue::Undefined, {}, 0, 0, {}});
    s.define({QStringLiteral("imap.port"), SettingType::Int, QStringLiteral("IMAP port (0: off)"), 2143, 143, {}, 0, 65535, {}});
    s.define({QStringLiteral("imaps.port"), SettingType::Int, QStringLiteral("IMAP over implicit TLS (0: off)"), 2993, 993,
              {}, 0, 65535, {}});
    s.define({QStringLiteral("imap.tls"), SettingType::Choice,
              QStringLiteral("STARTTLS on the IMAP port: off, offered, or required before LOGIN/AUTHENTICATE"),
              QStringLiteral("offered"), QJsonValue::Undefined,
              {QStringLiteral("off"), QStringLiteral("offered"), QStringLiteral("required")}, 0, 0, {}});
    s.define({QStringLiteral("imap.certificate"), SettingType::String,
              QStringLiteral("The certificate IMAP presents (empty: tls.defaultCertificate)"), QString(),
              QJsonValue::Undefined, {}, 0, 0, {}});
    s.define({QStringLiteral("imap.idleTimeoutSeconds"), SettingType::Int,
              QStringLiteral("Seconds of silence (also in IDLE) before a client is logged out (RFC 3501: at least 1800)"),
              1800, QJsonValue::Undefined, {}, 1800, 86400, {}});
    s.define({QStringLiteral("imap.maxConnectionsPerAddress"), SettingType::Int,
              QStringLiteral("Most simultaneous IMAP connections from one client address"), 50, QJsonValue::Undefined, {},
              1, 100000, {}});
    s.define({QStringLiteral("imap.maxConnections"), SettingType::Int,
              QStringLiteral("Most simultaneous IMAP connections"), 20000, QJsonValue::Undefined, {}, 1, 1000000, {}});
    s.define({QStringLiteral("imap.maxAppendBytes"), SettingType::Int,
              QStringLiteral("Largest message APPEND accepts, in bytes (APPENDLIMIT)"), 52428800, QJsonValue::Undefined,
              {}, 1024, 1073741824, {}});
}

} // namespace maild::imap
