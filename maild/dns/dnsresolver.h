// The DNS component's entry point: look-ups (MX, A, AAAA, TXT, PTR...) and signed dynamic
// updates, asynchronous on the event loop, against the servers of dns.servers (address and
// port, so tests can use a loopback BIND) or, when that is empty, those of /etc/resolv.conf.
// Owned by the daemon; used by the MX records' check and publishing and by outbound delivery.
#pragma once

#include "dns/dnsmessage.h"

#include <QObject>
#include <deque>
#include <functional>

namespace maild::core {
class Settings;
}

namespace maild::dns {

class DnsResolver : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const DnsAnswer &)>;

    explicit DnsResolver(core::Settings &settings, QObject *parent = nullptr);
    ~DnsResolver() override;

    // Looks name up; done runs on the event loop, unless context was destroyed meanwhile.
    // servers: ask these instead of dns.servers (a zone's primary server, say).
    void lookup(const QString &name, RecordType type, QObject *context, Done done,
                const QList<DnsServer> &servers = {});
    // The PTR record of address (in-addr.arpa / ip6.arpa).
    void reverse(const QHostAddress &address, QObject *context, Done done);
    // Sends a dynamic update for zone to server (TCP), signed with key; done gets the server's
    // verdict (Ok, or its rcode or TSIG error).
    void update(const DnsServer &server, const QString &zone, const QList<UpdateChange> &changes, const TsigKey &key,
                QObject *context, Done done);

    // dns.servers, or the name servers of /etc/resolv.conf when it is empty.
    QList<DnsServer> servers() const;
    // Every exchange still waiting for an answer (bounded by kMaxInFlight; the rest wait in line).
    int inFlight() const { return m_inFlight; }

    static constexpr int kMaxInFlight = 256;

private:
    void startOrQueue(std::function<void()> start);
    void exchangeDone();

    core::Settings &m_settings;
    int m_inFlight = 0;
    std::deque<std::function<void()>> m_waiting;
};

} // namespace maild::dns
