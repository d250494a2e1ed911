// DNS messages through ldns: queries and their answers, RFC 2136 dynamic updates signed with
// TSIG (RFC 8945, HMAC-SHA256) and their replies, and records in zone-file form. Pure
// functions with no sockets, so the transport (dnsexchange.h) and a fuzz target share them.
// Security: every byte parsed here comes from the network. ldns does the wire format; this
// file only reads its parsed values, checks that an answer belongs to our question (id,
// response bit, question) and bounds what it keeps.
#pragma once

#include "dns/dnstypes.h"

#include <QByteArray>
#include <optional>

namespace maild::dns {

struct Query
{
    QByteArray wire;
    quint16 id = 0;
    QString name; // lower case, without the final dot
    RecordType type = RecordType::A;
};

// A recursive query (RD set) with a random id; nullopt with *error when name is not a
// domain name.
std::optional<Query> buildQuery(const QString &name, RecordType type, QString *error);
// Whether wire is a response to query: same id, the response bit, the same question. A
// datagram that is not is ignored (it may be a spoof or a late answer to an earlier query).
bool answersQuery(const QByteArray &wire, const Query &query);
// The TC bit: the answer did not fit a datagram; ask again over TCP.
bool isTruncated(const QByteArray &wire);
// The records of the asked type for the asked name (following CNAMEs inside the answer).
DnsAnswer parseAnswer(const QByteArray &wire, const Query &query);

struct TsigKey
{
    QString name;      // the key's name, as the DNS server's configuration has it
    QByteArray secret; // the raw secret (its base64 is what BIND's key statement holds)
};

struct UpdateChange
{
    enum class Op { DeleteRrset, DeleteRecord, Add };
    Op op = Op::Add;
    QString name; // owner, without the final dot
    RecordType type = RecordType::Mx;
    quint32 ttl = 0;
    QString rdata; // presentation form ("10 mx.example.org.", "\"v=spf1 mx -all\""); empty for DeleteRrset
};

struct Update
{
    QByteArray wire;
    quint16 id = 0;
    QByteArray requestMac; // to verify the server's signed reply
};

// One UPDATE message for zone with the changes in order, signed with key.
std::optional<Update> buildUpdate(const QString &zone, const QList<UpdateChange> &changes, const TsigKey &key,
                                  QString *error);
// Whether wire is the reply to update (same id, response bit, opcode UPDATE).
bool answersUpdate(const QByteArray &wire, const Update &update);
// The server's verdict: Ok, or its rcode (REFUSED, NOTAUTH...) and TSIG error (BADSIG,
// BADKEY, BADTIME) as BIND reports them; a reply that is not signed with key is Malformed.
DnsAnswer parseUpdateReply(const QByteArray &wire, const Update &update, const TsigKey &key);

// One record in zone-file form, e.g. "example.org.\t3600\tIN\tMX\t10 mx.example.org.".
std::optional<QString> zoneLine(const QString &name, quint32 ttl, RecordType type, const QString &rdata,
                                QString *error);
// TXT rdata for one string: quoted, with the escapes the zone-file format needs.
QString quotedText(const QString &text);

} // namespace maild::dns
