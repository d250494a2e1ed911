// One DNS message sent and its answer awaited, on the event loop: over UDP to each server in
// turn (dns.attempts rounds of dns.timeoutMs each), again over TCP to the server whose answer
// was truncated; or over TCP only (dynamic updates, which must not be sent twice by a lost
// datagram). Used by DnsResolver; deletes itself once it has reported.
// Security: a datagram from another address or port, or one the caller's accept() does not
// recognise as the answer (id, question), is ignored; answers are at most 64 KiB by the
// protocol (the TCP length prefix is two bytes).
#pragma once

#include "dns/dnstypes.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class QAbstractSocket;

namespace maild::dns {

struct ExchangeResult
{
    DnsStatus status = DnsStatus::Ok; // Ok, Timeout, Network or NoServers
    QString error;                    // a sentence when not Ok
    QByteArray response;
    DnsServer server; // the server that answered, or the last one tried
};

class DnsExchange : public QObject
{
    Q_OBJECT
public:
    enum class Transport { Udp, Tcp };
    struct Options
    {
        QList<DnsServer> servers;
        int timeoutMs = 3000;
        int attempts = 2;
        Transport transport = Transport::Udp;
    };
    using Accept = std::function<bool(const QByteArray &)>;
    using Truncated = std::function<bool(const QByteArray &)>;
    using Done = std::function<void(const ExchangeResult &)>;

    // accept says whether a message is the answer to request; truncated whether that answer
    // must be asked again over TCP. done runs once, on the event loop.
    DnsExchange(QByteArray request, Accept accept, Truncated truncated, Options options, Done done,
                QObject *parent = nullptr);
    ~DnsExchange() override;

    void start();

private:
    void nextAttempt();
    void sendUdp(const DnsServer &server);
    void sendTcp(const DnsServer &server);
    void onUdpReadable();
    void onTcpReadable();
    void onSocketError();
    void onTimeout();
    void received(const QByteArray &message);
    void closeSocket();
    void finish(ExchangeResult result);

    QByteArray m_request;
    Accept m_accept;
    Truncated m_truncated;
    Options m_options;
    Done m_done;
    int m_attempt = -1;     // index into rounds × servers
    DnsServer m_current;
    QAbstractSocket *m_socket = nullptr;
    QByteArray m_tcpBuffer;
    QTimer m_timer;
    int m_timeouts = 0;
    QString m_lastError;
    bool m_finished = false;
};

} // namespace maild::dns
