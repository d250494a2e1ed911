// The DNS component's settings: which servers to ask (dns.servers), how long to wait
// (dns.timeoutMs, dns.attempts) and how often the MX records are checked (dns.checkMinutes).
#pragma once

namespace maild::core {
class Settings;
}

namespace maild::dns {

void defineDnsSettings(core::Settings &settings);

} // namespace maild::dns
