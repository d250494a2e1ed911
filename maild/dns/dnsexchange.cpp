// One DNS exchange over UDP or TCP (see dnsexchange.h).
#include "dns/dnsexchange.h"

#include <QNetworkDatagram>
#include <QTcpSocket>
#include <QUdpSocket>
#include <QtEndian>

namespace maild::dns {

namespace {
constexpr qsizetype kMaxMessage = 65535;
} // namespace

DnsExchange::DnsExchange(QByteArray request, Accept accept, Truncated truncated, Options options, Done done,
                         QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_accept(std::move(accept)), m_truncated(std::move(truncated)),
      m_options(std::move(options)), m_done(std::move(done))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DnsExchange::onTimeout);
}

DnsExchange::~DnsExchange()
{
    closeSocket();
}

void DnsExchange::start()
{
    if (m_options.servers.isEmpty())
        return finish({DnsStatus::NoServers, QStringLiteral("no DNS server is configured (dns.servers) or listed in "
                                                            "/etc/resolv.conf"),
                       {}, {}});
    nextAttempt();
}

void DnsExchange::nextAttempt()
{
    closeSocket();
    const int total = int(m_options.servers.size()) * std::max(1, m_options.attempts);
    if (++m_attempt >= total) {
        if (m_timeouts > 0)
            return finish({DnsStatus::Timeout,
                           QStringLiteral("no answer from %1 within %2 ms (%3 attempt(s))")
                               .arg(m_current.toString())
                               .arg(m_options.timeoutMs)
                               .arg(total),
                           {}, m_current});
        return finish({DnsStatus::Network, m_lastError, {}, m_current});
    }
    m_current = m_options.servers.at(m_attempt % m_options.servers.size());
    if (m_options.transport == Transport::Tcp)
        sendTcp(m_current);
    else
        sendUdp(m_current);
}

void DnsExchange::sendUdp(const DnsServer &server)
{
    auto *socket = new QUdpSocket(this);
    m_socket = socket;
    connect(socket, &QUdpSocket::readyRead, this, &DnsExchange::onUdpReadable);
    connect(socket, &QAbstractSocket::errorOccurred, this, &DnsExchange::onSocketError);
    // A connected UDP socket: the kernel drops datagrams from anyone else and reports the
    // server's "port unreachable" as an error instead of leaving us to wait.
    socket->connectToHost(server.address, server.port);
    socket->write(m_request);
    m_timer.start(m_options.timeoutMs);
}

void DnsExchange::sendTcp(const DnsServer &server)
{
    auto *socket = new QTcpSocket(this);
    m_socket = socket;
    m_tcpBuffer.clear();
    connect(socket, &QTcpSocket::connected, this, [this, socket] {
        // RFC 1035 4.2.2: each message is preceded by its length in two bytes.
        QByteArray framed(2, Qt::Uninitialized);
        qToBigEndian(quint16(m_request.size()), framed.data());
        socket->write(framed + m_request);
    });
    connect(socket, &QTcpSocket::readyRead, this, &DnsExchange::onTcpReadable);
    connect(socket, &QAbstractSocket::errorOccurred, this, &DnsExchange::onSocketError);
    socket->connectToHost(server.address, server.port);
    m_timer.start(m_options.timeoutMs);
}

void DnsExchange::onUdpReadable()
{
    auto *socket = qobject_cast<QUdpSocket *>(m_socket);
    while (socket && socket->hasPendingDatagrams()) {
        const QByteArray datagram = socket->receiveDatagram(kMaxMessage).data();
        if (m_accept(datagram)) {
            if (m_truncated(datagram)) {
                // The answer did not fit: the same server again over TCP (RFC 7766).
                closeSocket();
                sendTcp(m_current);
                return;
            }
            return received(datagram);
        }
    }
}

void DnsExchange::onTcpReadable()
{
    if (!m_socket)
        return;
    m_tcpBuffer += m_socket->read(kMaxMessage + 2 - m_tcpBuffer.size());
    while (m_tcpBuffer.size() >= 2) {
        const qsizetype length = qFromBigEndian<quint16>(m_tcpBuffer.constData());
        if (m_tcpBuffer.size() < 2 + length)
            return;
        const QByteArray message = m_tcpBuffer.mid(2, length);
        m_tcpBuffer.remove(0, 2 + length);
        if (m_accept(message))
            return received(message);
    }
}

void DnsExchange::onSocketError()
{
    if (!m_socket || m_finished)
        return;
    m_lastError = QStringLiteral("cannot reach the DNS server %1: %2").arg(m_current.toString(), m_socket->errorString());
    m_timer.stop();
    // A TCP server that closed after answering has already been handled; anything else
    // moves on to the next server or round.
    QMetaObject::invokeMethod(this, &DnsExchange::nextAttempt, Qt::QueuedConnection);
    disconnect(m_socket, nullptr, this, nullptr);
}

void DnsExchange::onTimeout()
{
    ++m_timeouts;
    nextAttempt();
}

void DnsExchange::received(const QByteArray &message)
{
    m_timer.stop();
    finish({DnsStatus::Ok, {}, message, m_current});
}

void DnsExchange::closeSocket()
{
    if (!m_socket)
        return;
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void DnsExchange::finish(ExchangeResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    closeSocket();
    m_done(result);
    deleteLater();
}

} // namespace maild::dns
