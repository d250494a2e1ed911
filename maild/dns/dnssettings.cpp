// DNS setting definitions (see dnssettings.h and docs/dns.md).
#include "dns/dnssettings.h"

#include "core/settings.h"
#include "dns/dnstypes.h"

#include <QJsonArray>

namespace maild::dns {

using core::SettingDef;
using core::SettingType;

namespace {

std::optional<QString> checkServers(const QJsonValue &v)
{
    for (const QJsonValue &s : v.toArray()) {
        if (!DnsServer::parse(s.toString()))
            return QStringLiteral("%1 is not a DNS server address (e.g. 192.0.2.53, 127.0.0.1:5353 or [::1]:53)")
                .arg(s.toString());
    }
    return std::nullopt;
}

} // namespace

void defineDnsSettings(core::Settings &s)
{
    s.define({QStringLiteral("dns.servers"), SettingType::List,
              QStringLiteral("DNS servers to ask, each an address with an optional port (127.0.0.1:5353); "
                             "empty: those of /etc/resolv.conf"),
              QJsonArray(), QJsonValue::Undefined, {}, 0, 0, checkServers});
    s.define({QStringLiteral("dns.timeoutMs"), SettingType::Int,
              QStringLiteral("How long to wait for a DNS server's answer, in milliseconds, per attempt"), 3000,
              QJsonValue::Undefined, {}, 100, 60000, {}});
    s.define({QStringLiteral("dns.attempts"), SettingType::Int,
              QStringLiteral("How many times each DNS server is asked before a look-up fails"), 2,
              QJsonValue::Undefined, {}, 1, 5, {}});
    s.define({QStringLiteral("dns.checkMinutes"), SettingType::Int,
              QStringLiteral("How often the MX records of the local domains are checked against what DNS answers, "
                             "in minutes (0: only on demand)"),
              60, QJsonValue::Undefined, {}, 0, 10080, {}});
}

} // namespace maild::dns
