// Names and parsing of the DNS component's value types (see dnstypes.h).
#include "dns/dnstypes.h"

namespace maild::dns {

QString typeName(RecordType type)
{
    switch (type) {
    case RecordType::A: return QStringLiteral("A");
    case RecordType::Ns: return QStringLiteral("NS");
    case RecordType::Cname: return QStringLiteral("CNAME");
    case RecordType::Soa: return QStringLiteral("SOA");
    case RecordType::Ptr: return QStringLiteral("PTR");
    case RecordType::Mx: return QStringLiteral("MX");
    case RecordType::Txt: return QStringLiteral("TXT");
    case RecordType::Aaaa: return QStringLiteral("AAAA");
    }
    return QStringLiteral("TYPE%1").arg(quint16(type));
}

QString statusName(DnsStatus status)
{
    switch (status) {
    case DnsStatus::Ok: return QStringLiteral("NOERROR");
    case DnsStatus::NoData: return QStringLiteral("NODATA");
    case DnsStatus::NxDomain: return QStringLiteral("NXDOMAIN");
    case DnsStatus::ServFail: return QStringLiteral("SERVFAIL");
    case DnsStatus::Refused: return QStringLiteral("REFUSED");
    case DnsStatus::NotAuth: return QStringLiteral("NOTAUTH");
    case DnsStatus::NotZone: return QStringLiteral("NOTZONE");
    case DnsStatus::FormErr: return QStringLiteral("FORMERR");
    case DnsStatus::NotImpl: return QStringLiteral("NOTIMP");
    case DnsStatus::OtherRcode: return QStringLiteral("RCODE");
    case DnsStatus::BadSig: return QStringLiteral("BADSIG");
    case DnsStatus::BadKey: return QStringLiteral("BADKEY");
    case DnsStatus::BadTime: return QStringLiteral("BADTIME");
    case DnsStatus::Timeout: return QStringLiteral("timeout");
    case DnsStatus::Network: return QStringLiteral("network error");
    case DnsStatus::Malformed: return QStringLiteral("malformed answer");
    case DnsStatus::NoServers: return QStringLiteral("no DNS server");
    }
    return QStringLiteral("unknown");
}

QString DnsServer::toString() const
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

std::optional<DnsServer> DnsServer::parse(const QString &text)
{
    const QString t = text.trimmed();
    QString host = t;
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0)
            return std::nullopt;
        host = t.mid(1, close - 1);
        const QString rest = t.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return std::nullopt;
            portText = rest.mid(1);
        }
    } else if (t.count(QLatin1Char(':')) == 1) {
        host = t.section(QLatin1Char(':'), 0, 0);
        portText = t.section(QLatin1Char(':'), 1);
    }
    DnsServer server;
    if (!server.address.setAddress(host) || server.address.isNull())
        return std::nullopt;
    if (!portText.isNull()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return std::nullopt;
        server.port = quint16(port);
    }
    return server;
}

QList<DnsServer> nameServersOf(const QByteArray &resolvConf)
{
    QList<DnsServer> out;
    for (const QByteArray &raw : resolvConf.split('\n')) {
        const QList<QByteArray> words = raw.simplified().split(' ');
        if (words.size() >= 2 && words[0] == "nameserver") {
            // resolv.conf has no ports; an IPv6 address may carry a %scope we cannot use.
            const QString address = QString::fromLatin1(words[1]).section(QLatin1Char('%'), 0, 0);
            DnsServer server;
            if (server.address.setAddress(address))
                out.append(server);
        }
    }
    return out;
}

} // namespace maild::dns
