// DNS look-ups and updates on the event loop (see dnsresolver.h).
#include "dns/dnsresolver.h"

#include "core/settings.h"
#include "dns/dnsexchange.h"

#include <QFile>
#include <QPointer>

namespace maild::dns {

namespace {

// The reverse name of an address: 4.3.2.1.in-addr.arpa, or the nibbles of an IPv6 address.
QString reverseName(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 a = address.toIPv4Address();
        return QStringLiteral("%1.%2.%3.%4.in-addr.arpa").arg(a & 0xff).arg((a >> 8) & 0xff).arg((a >> 16) & 0xff).arg(a >> 24);
    }
    const Q_IPV6ADDR a = address.toIPv6Address();
    QStringList nibbles;
    for (int i = 15; i >= 0; --i) {
        nibbles << QString::number(a[i] & 0xf, 16) << QString::number(a[i] >> 4, 16);
    }
    return nibbles.join(QLatin1Char('.')) + QStringLiteral(".ip6.arpa");
}

} // namespace

DnsResolver::DnsResolver(core::Settings &settings, QObject *parent) : QObject(parent), m_settings(settings) {}

DnsResolver::~DnsResolver() = default;

QList<DnsServer> DnsResolver::servers() const
{
    QList<DnsServer> out;
    for (const QString &text : m_settings.list(QStringLiteral("dns.servers"))) {
        if (const auto server = DnsServer::parse(text))
            out.append(*server);
    }
    if (!out.isEmpty())
        return out;
    QFile file(QStringLiteral("/etc/resolv.conf"));
    if (file.open(QIODevice::ReadOnly))
        out = nameServersOf(file.read(64 * 1024));
    return out;
}

void DnsResolver::startOrQueue(std::function<void()> start)
{
    if (m_inFlight >= kMaxInFlight) {
        m_waiting.push_back(std::move(start));
        return;
    }
    ++m_inFlight;
    start();
}

void DnsResolver::exchangeDone()
{
    --m_inFlight;
    while (m_inFlight < kMaxInFlight && !m_waiting.empty()) {
        std::function<void()> next = std::move(m_waiting.front());
        m_waiting.pop_front();
        ++m_inFlight;
        next();
    }
}

void DnsResolver::lookup(const QString &name, RecordType type, QObject *context, Done done,
                         const QList<DnsServer> &servers)
{
    QPointer<QObject> guard(context);
    QString error;
    const std::optional<Query> query = buildQuery(name, type, &error);
    if (!query) {
        DnsAnswer a;
        a.status = DnsStatus::Malformed;
        a.error = error;
        QMetaObject::invokeMethod(this, [guard, done, a] { if (guard) done(a); }, Qt::QueuedConnection);
        return;
    }
    DnsExchange::Options options{servers.isEmpty() ? this->servers() : servers,
                                 int(m_settings.integer(QStringLiteral("dns.timeoutMs"))),
                                 int(m_settings.integer(QStringLiteral("dns.attempts"))), DnsExchange::Transport::Udp};
    startOrQueue([this, q = *query, options, guard, done] {
        auto *exchange = new DnsExchange(
            q.wire, [q](const QByteArray &wire) { return answersQuery(wire, q); }, isTruncated, options,
            [this, q, guard, done](const ExchangeResult &r) {
                DnsAnswer answer;
                if (r.status == DnsStatus::Ok) {
                    answer = parseAnswer(r.response, q);
                } else {
                    answer.status = r.status;
                    answer.error = QStringLiteral("%1 %2: %3").arg(q.name, typeName(q.type), r.error);
                }
                answer.server = r.server.toString();
                exchangeDone();
                if (guard)
                    done(answer);
            },
            this);
        exchange->start();
    });
}

void DnsResolver::reverse(const QHostAddress &address, QObject *context, Done done)
{
    lookup(reverseName(address), RecordType::Ptr, context, std::move(done));
}

void DnsResolver::update(const DnsServer &server, const QString &zone, const QList<UpdateChange> &changes,
                         const TsigKey &key, QObject *context, Done done)
{
    QPointer<QObject> guard(context);
    QString error;
    const std::optional<Update> update = buildUpdate(zone, changes, key, &error);
    if (!update) {
        DnsAnswer a;
        a.status = DnsStatus::Malformed;
        a.error = error;
        QMetaObject::invokeMethod(this, [guard, done, a] { if (guard) done(a); }, Qt::QueuedConnection);
        return;
    }
    // One attempt: an update is not repeated on a timeout (the server may have applied it).
    DnsExchange::Options options{{server}, int(m_settings.integer(QStringLiteral("dns.timeoutMs"))), 1,
                                 DnsExchange::Transport::Tcp};
    startOrQueue([this, u = *update, key, options, guard, done, zone] {
        auto *exchange = new DnsExchange(
            u.wire, [u](const QByteArray &wire) { return answersUpdate(wire, u); },
            [](const QByteArray &) { return false; }, options,
            [this, u, key, guard, done, zone](const ExchangeResult &r) {
                DnsAnswer answer;
                if (r.status == DnsStatus::Ok) {
                    answer = parseUpdateReply(r.response, u, key);
                } else {
                    answer.status = r.status;
                    answer.error = QStringLiteral("update of %1: %2").arg(zone, r.error);
                }
                answer.server = r.server.toString();
                exchangeDone();
                if (guard)
                    done(answer);
            },
            this);
        exchange->start();
    });
}

} // namespace maild::dns
