// What the DNS component answers in: record types, the outcome of a query or an update (one
// status per failure a caller must tell apart: timeout, NXDOMAIN, SERVFAIL, REFUSED, the TSIG
// errors...), and the records of an answer as plain values. Used by everything that asks DNS.
#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace maild::dns {

enum class RecordType : quint16 { A = 1, Ns = 2, Cname = 5, Soa = 6, Ptr = 12, Mx = 15, Txt = 16, Aaaa = 28 };

QString typeName(RecordType type);

enum class DnsStatus {
    Ok,
    NoData,    // the name exists but has no record of the asked type
    NxDomain,  // the name does not exist
    ServFail,  // the server could not answer
    Refused,   // the server refuses to answer us (or to take the update)
    NotAuth,   // the server is not authoritative for the zone (or the TSIG key is not accepted)
    NotZone,   // a name of the update is outside the zone
    FormErr,   // the server could not parse what we sent
    NotImpl,   // the server does not implement the request
    OtherRcode, // any other response code (see DnsAnswer::rcode)
    BadSig,    // TSIG: the signature did not verify
    BadKey,    // TSIG: the key is not known to the server
    BadTime,   // TSIG: the clocks differ by more than the fudge
    Timeout,   // no answer within dns.timeoutMs, every attempt on every server
    Network,   // no server could be reached (connection refused, no route...)
    Malformed, // an answer arrived that is not a valid DNS message for our question
    NoServers, // no DNS server is configured or found in /etc/resolv.conf
};

// The short name an administrator knows (rcode names as BIND prints them: "NXDOMAIN",
// "REFUSED", "BADSIG"; "timeout", "network error", "malformed answer").
QString statusName(DnsStatus status);

struct DnsRecord
{
    QString name; // owner, lower case, without the final dot
    RecordType type = RecordType::A;
    quint32 ttl = 0;
    int preference = 0;   // MX
    QString target;       // MX exchange, PTR, CNAME, NS: lower case, without the final dot ("" for the null MX ".")
    QHostAddress address; // A, AAAA
    QStringList texts;    // TXT: its character-strings
};

struct DnsAnswer
{
    DnsStatus status = DnsStatus::Ok;
    int rcode = 0;
    QString error;   // a sentence when status is not Ok (or NoData)
    QString server;  // address:port of the server that answered (or was tried last)
    bool authoritative = false;
    QList<DnsRecord> records; // the records of the asked type for the asked name (after CNAMEs)

    bool ok() const { return status == DnsStatus::Ok || status == DnsStatus::NoData || status == DnsStatus::NxDomain; }
};

// A server to ask: an address and a port ("127.0.0.1:5353", "[::1]:53", "192.0.2.1").
struct DnsServer
{
    QHostAddress address;
    quint16 port = 53;

    QString toString() const;
    // Parses the forms above; std::nullopt when text is none of them.
    static std::optional<DnsServer> parse(const QString &text);
};

// The name servers a resolv.conf text lists ("nameserver ADDRESS" lines).
QList<DnsServer> nameServersOf(const QByteArray &resolvConf);

} // namespace maild::dns
