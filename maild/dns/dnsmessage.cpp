// DNS messages through ldns (see dnsmessage.h).
#include "dns/dnsmessage.h"

#include <ldns/ldns.h>

#include <QRandomGenerator>
#include <memory>

namespace maild::dns {

namespace {

// Owners of ldns objects.
struct PktFree { void operator()(ldns_pkt *p) const { ldns_pkt_free(p); } };
struct RrFree { void operator()(ldns_rr *r) const { ldns_rr_free(r); } };
struct RdfFree { void operator()(ldns_rdf *r) const { ldns_rdf_deep_free(r); } };
struct ListFree { void operator()(ldns_rr_list *l) const { ldns_rr_list_deep_free(l); } };
using Pkt = std::unique_ptr<ldns_pkt, PktFree>;
using Rr = std::unique_ptr<ldns_rr, RrFree>;
using Rdf = std::unique_ptr<ldns_rdf, RdfFree>;
using RrList = std::unique_ptr<ldns_rr_list, ListFree>;

// HMAC-SHA256 as ldns names it (RFC 8945 section 6).
constexpr const char *kTsigAlgorithm = "hmac-sha256.";
constexpr uint16_t kTsigFudge = 300;
// An answer has at most this many records that we keep; more is refused as malformed.
constexpr size_t kMaxRecords = 1000;

QString fromLdns(char *text)
{
    const QString out = text ? QString::fromUtf8(text) : QString();
    free(text); // ldns allocates with malloc
    return out;
}

QByteArray absolute(const QString &name)
{
    QByteArray out = name.toUtf8();
    if (!out.endsWith('.'))
        out += '.';
    return out;
}

// A domain name from the wire as we keep it: lower case, without the final dot, "" for the root.
QString nameOf(const ldns_rdf *dname)
{
    QString text = fromLdns(ldns_rdf2str(dname)).toLower();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

Pkt parse(const QByteArray &wire)
{
    ldns_pkt *pkt = nullptr;
    if (wire.isEmpty() || ldns_wire2pkt(&pkt, reinterpret_cast<const uint8_t *>(wire.constData()), size_t(wire.size())) !=
                              LDNS_STATUS_OK)
        return nullptr;
    return Pkt(pkt);
}

std::optional<QByteArray> toWire(const ldns_pkt *pkt)
{
    uint8_t *data = nullptr;
    size_t size = 0;
    if (ldns_pkt2wire(&data, pkt, &size) != LDNS_STATUS_OK)
        return std::nullopt;
    QByteArray out(reinterpret_cast<const char *>(data), qsizetype(size));
    free(data);
    return out;
}

quint16 randomId()
{
    return quint16(QRandomGenerator::system()->bounded(65536));
}

DnsStatus statusOfRcode(int rcode)
{
    switch (rcode) {
    case LDNS_RCODE_NOERROR: return DnsStatus::Ok;
    case LDNS_RCODE_FORMERR: return DnsStatus::FormErr;
    case LDNS_RCODE_SERVFAIL: return DnsStatus::ServFail;
    case LDNS_RCODE_NXDOMAIN: return DnsStatus::NxDomain;
    case LDNS_RCODE_NOTIMPL: return DnsStatus::NotImpl;
    case LDNS_RCODE_REFUSED: return DnsStatus::Refused;
    case LDNS_RCODE_NOTAUTH: return DnsStatus::NotAuth;
    case LDNS_RCODE_NOTZONE: return DnsStatus::NotZone;
    default: return DnsStatus::OtherRcode;
    }
}

DnsAnswer failure(DnsStatus status, const QString &sentence, int rcode = 0)
{
    DnsAnswer a;
    a.status = status;
    a.rcode = rcode;
    a.error = sentence;
    return a;
}

// The values of one record of a type we understand; false when its data is not what the
// type requires.
bool readRecord(const ldns_rr *rr, DnsRecord *out)
{
    out->name = nameOf(ldns_rr_owner(rr));
    out->type = RecordType(ldns_rr_get_type(rr));
    out->ttl = ldns_rr_ttl(rr);
    const size_t count = ldns_rr_rd_count(rr);
    switch (out->type) {
    case RecordType::A: {
        const ldns_rdf *rdf = count == 1 ? ldns_rr_rdf(rr, 0) : nullptr;
        if (!rdf || ldns_rdf_size(rdf) != 4)
            return false;
        const uint8_t *d = ldns_rdf_data(rdf);
        out->address = QHostAddress(quint32(d[0]) << 24 | quint32(d[1]) << 16 | quint32(d[2]) << 8 | d[3]);
        return true;
    }
    case RecordType::Aaaa: {
        const ldns_rdf *rdf = count == 1 ? ldns_rr_rdf(rr, 0) : nullptr;
        if (!rdf || ldns_rdf_size(rdf) != 16)
            return false;
        out->address = QHostAddress(ldns_rdf_data(rdf));
        return true;
    }
    case RecordType::Mx: {
        if (count != 2 || ldns_rdf_get_type(ldns_rr_rdf(rr, 1)) != LDNS_RDF_TYPE_DNAME ||
            ldns_rdf_size(ldns_rr_rdf(rr, 0)) != 2)
            return false;
        out->preference = ldns_rdf2native_int16(ldns_rr_rdf(rr, 0));
        out->target = nameOf(ldns_rr_rdf(rr, 1));
        return true;
    }
    case RecordType::Ptr:
    case RecordType::Cname:
    case RecordType::Ns: {
        if (count != 1 || ldns_rdf_get_type(ldns_rr_rdf(rr, 0)) != LDNS_RDF_TYPE_DNAME)
            return false;
        out->target = nameOf(ldns_rr_rdf(rr, 0));
        return true;
    }
    case RecordType::Txt: {
        for (size_t i = 0; i < count; ++i) {
            const ldns_rdf *rdf = ldns_rr_rdf(rr, i);
            const size_t size = ldns_rdf_size(rdf);
            const uint8_t *d = ldns_rdf_data(rdf);
            // A character-string: one length byte, then that many bytes.
            if (size < 1 || size_t(d[0]) + 1 != size)
                return false;
            out->texts.append(QString::fromUtf8(reinterpret_cast<const char *>(d + 1), qsizetype(d[0])));
        }
        return true;
    }
    case RecordType::Soa:
        return true;
    }
    return false;
}

} // namespace

std::optional<Query> buildQuery(const QString &name, RecordType type, QString *error)
{
    Query q;
    q.name = name.toLower();
    if (q.name.endsWith(QLatin1Char('.')))
        q.name.chop(1);
    q.type = type;
    const Rdf owner(ldns_dname_new_frm_str(absolute(q.name).constData()));
    if (!owner || q.name.isEmpty()) {
        *error = QStringLiteral("%1 is not a domain name").arg(name);
        return std::nullopt;
    }
    Pkt pkt(ldns_pkt_query_new(ldns_rdf_clone(owner.get()), ldns_rr_type(type), LDNS_RR_CLASS_IN, LDNS_RD));
    if (!pkt) {
        *error = QStringLiteral("cannot build a query for %1").arg(name);
        return std::nullopt;
    }
    q.id = randomId();
    ldns_pkt_set_id(pkt.get(), q.id);
    const std::optional<QByteArray> wire = toWire(pkt.get());
    if (!wire) {
        *error = QStringLiteral("cannot encode a query for %1").arg(name);
        return std::nullopt;
    }
    q.wire = *wire;
    return q;
}

bool answersQuery(const QByteArray &wire, const Query &query)
{
    const Pkt pkt = parse(wire);
    if (!pkt || !ldns_pkt_qr(pkt.get()) || ldns_pkt_id(pkt.get()) != query.id)
        return false;
    const ldns_rr_list *question = ldns_pkt_question(pkt.get());
    if (!question || ldns_rr_list_rr_count(question) != 1)
        return false;
    const ldns_rr *q = ldns_rr_list_rr(question, 0);
    return RecordType(ldns_rr_get_type(q)) == query.type && nameOf(ldns_rr_owner(q)) == query.name;
}

bool isTruncated(const QByteArray &wire)
{
    const Pkt pkt = parse(wire);
    return pkt && ldns_pkt_tc(pkt.get());
}

DnsAnswer parseAnswer(const QByteArray &wire, const Query &query)
{
    const Pkt pkt = parse(wire);
    if (!pkt || !answersQuery(wire, query))
        return failure(DnsStatus::Malformed, QStringLiteral("the answer about %1 is not a valid DNS message").arg(query.name));
    const int rcode = int(ldns_pkt_get_rcode(pkt.get()));
    DnsAnswer answer;
    answer.rcode = rcode;
    answer.authoritative = ldns_pkt_aa(pkt.get());
    answer.status = statusOfRcode(rcode);
    if (answer.status == DnsStatus::NxDomain) {
        answer.error = QStringLiteral("%1 does not exist (NXDOMAIN)").arg(query.name);
        return answer;
    }
    if (answer.status != DnsStatus::Ok) {
        answer.error = QStringLiteral("the DNS server answered %1 for %2 %3")
                           .arg(answer.status == DnsStatus::OtherRcode ? QStringLiteral("RCODE %1").arg(rcode)
                                                                       : statusName(answer.status),
                                query.name, typeName(query.type));
        return answer;
    }
    const ldns_rr_list *records = ldns_pkt_answer(pkt.get());
    const size_t count = records ? ldns_rr_list_rr_count(records) : 0;
    if (count > kMaxRecords)
        return failure(DnsStatus::Malformed, QStringLiteral("the answer about %1 holds %2 records, more than %3")
                                                 .arg(query.name)
                                                 .arg(count)
                                                 .arg(kMaxRecords));
    // Follow CNAMEs inside the answer (at most as many steps as records).
    QString owner = query.name;
    for (size_t step = 0; step <= count; ++step) {
        QString next;
        for (size_t i = 0; i < count; ++i) {
            const ldns_rr *rr = ldns_rr_list_rr(records, i);
            if (ldns_rr_get_class(rr) != LDNS_RR_CLASS_IN || nameOf(ldns_rr_owner(rr)) != owner)
                continue;
            const RecordType type = RecordType(ldns_rr_get_type(rr));
            if (type != query.type && type != RecordType::Cname)
                continue;
            DnsRecord record;
            if (!readRecord(rr, &record))
                return failure(DnsStatus::Malformed,
                               QStringLiteral("a %1 record about %2 is malformed").arg(typeName(type), owner));
            if (type == query.type)
                answer.records.append(record);
            else
                next = record.target;
        }
        if (!answer.records.isEmpty() || next.isEmpty())
            break;
        owner = next;
    }
    if (answer.records.isEmpty()) {
        answer.status = DnsStatus::NoData;
        answer.error = QStringLiteral("%1 has no %2 record").arg(query.name, typeName(query.type));
    }
    return answer;
}

std::optional<Update> buildUpdate(const QString &zone, const QList<UpdateChange> &changes, const TsigKey &key,
                                  QString *error)
{
    const Rdf zoneName(ldns_dname_new_frm_str(absolute(zone).constData()));
    if (!zoneName) {
        *error = QStringLiteral("%1 is not a zone name").arg(zone);
        return std::nullopt;
    }
    RrList updates(ldns_rr_list_new());
    for (const UpdateChange &c : changes) {
        Rr rr;
        if (c.op == UpdateChange::Op::DeleteRrset) {
            // RFC 2136 2.5.2: class ANY, TTL 0, no rdata.
            rr.reset(ldns_rr_new());
            ldns_rdf *owner = ldns_dname_new_frm_str(absolute(c.name).constData());
            if (!owner) {
                *error = QStringLiteral("%1 is not a domain name").arg(c.name);
                return std::nullopt;
            }
            ldns_rr_set_owner(rr.get(), owner);
            ldns_rr_set_type(rr.get(), ldns_rr_type(c.type));
            ldns_rr_set_class(rr.get(), LDNS_RR_CLASS_ANY);
            ldns_rr_set_ttl(rr.get(), 0);
            ldns_rr_set_question(rr.get(), false);
        } else {
            const QByteArray text = absolute(c.name) + ' ' + QByteArray::number(c.ttl) + " IN " +
                                    typeName(c.type).toLatin1() + ' ' + c.rdata.toUtf8();
            ldns_rr *parsed = nullptr;
            if (ldns_rr_new_frm_str(&parsed, text.constData(), 0, nullptr, nullptr) != LDNS_STATUS_OK || !parsed) {
                *error = QStringLiteral("not a valid %1 record: %2").arg(typeName(c.type), c.rdata);
                return std::nullopt;
            }
            rr.reset(parsed);
            if (c.op == UpdateChange::Op::DeleteRecord) {
                // RFC 2136 2.5.4: class NONE, TTL 0, the rdata of the record to delete.
                ldns_rr_set_class(rr.get(), LDNS_RR_CLASS_NONE);
                ldns_rr_set_ttl(rr.get(), 0);
            }
        }
        ldns_rr_list_push_rr(updates.get(), rr.release());
    }
    Pkt pkt(ldns_update_pkt_new(ldns_rdf_clone(zoneName.get()), LDNS_RR_CLASS_IN, nullptr, updates.get(), nullptr));
    if (!pkt) {
        *error = QStringLiteral("cannot build the update of %1").arg(zone);
        return std::nullopt;
    }
    Update u;
    u.id = randomId();
    ldns_pkt_set_id(pkt.get(), u.id);
    const QByteArray secret = key.secret.toBase64();
    if (ldns_pkt_tsig_sign(pkt.get(), absolute(key.name).constData(), secret.constData(), kTsigFudge, kTsigAlgorithm,
                           nullptr) != LDNS_STATUS_OK) {
        *error = QStringLiteral("cannot sign the update with the key %1").arg(key.name);
        return std::nullopt;
    }
    const ldns_rr *tsig = ldns_pkt_tsig(pkt.get());
    if (!tsig || ldns_rr_rd_count(tsig) < 4) {
        *error = QStringLiteral("cannot sign the update with the key %1").arg(key.name);
        return std::nullopt;
    }
    const ldns_rdf *mac = ldns_rr_rdf(tsig, 3);
    u.requestMac = QByteArray(reinterpret_cast<const char *>(ldns_rdf_data(mac)), qsizetype(ldns_rdf_size(mac)));
    const std::optional<QByteArray> wire = toWire(pkt.get());
    if (!wire) {
        *error = QStringLiteral("cannot encode the update of %1").arg(zone);
        return std::nullopt;
    }
    u.wire = *wire;
    return u; // ldns_update_pkt_new copied the records: the list is freed with its records

}

bool answersUpdate(const QByteArray &wire, const Update &update)
{
    const Pkt pkt = parse(wire);
    return pkt && ldns_pkt_qr(pkt.get()) && ldns_pkt_id(pkt.get()) == update.id &&
           ldns_pkt_get_opcode(pkt.get()) == LDNS_PACKET_UPDATE;
}

DnsAnswer parseUpdateReply(const QByteArray &wire, const Update &update, const TsigKey &key)
{
    const Pkt pkt = parse(wire);
    if (!pkt || !answersUpdate(wire, update))
        return failure(DnsStatus::Malformed, QStringLiteral("the DNS server's reply to the update is not a valid DNS message"));
    const int rcode = int(ldns_pkt_get_rcode(pkt.get()));
    DnsAnswer answer;
    answer.rcode = rcode;
    answer.status = statusOfRcode(rcode);
    const ldns_rr *tsig = ldns_pkt_tsig(pkt.get());
    // The TSIG error (RFC 8945 5.3.2): BADSIG, BADKEY and BADTIME come back unsigned.
    const int tsigError = tsig && ldns_rr_rd_count(tsig) >= 6 && ldns_rdf_size(ldns_rr_rdf(tsig, 5)) == 2
                              ? ldns_rdf2native_int16(ldns_rr_rdf(tsig, 5))
                              : 0;
    if (tsigError == 16)
        answer.status = DnsStatus::BadSig;
    else if (tsigError == 17)
        answer.status = DnsStatus::BadKey;
    else if (tsigError == 18)
        answer.status = DnsStatus::BadTime;
    if (answer.status != DnsStatus::Ok) {
        const QString name = answer.status == DnsStatus::OtherRcode ? QStringLiteral("RCODE %1").arg(rcode)
                                                                     : statusName(answer.status);
        answer.error = tsigError ? QStringLiteral("the DNS server refused the update: %1 (%2, key %3)")
                                       .arg(statusName(statusOfRcode(rcode)), name, key.name)
                                 : QStringLiteral("the DNS server refused the update: %1").arg(name);
        if (answer.status == DnsStatus::Refused)
            answer.error += QStringLiteral(" (its log says why: the key may not update this zone, or its own checks "
                                           "refused a record, such as an MX host inside the zone without an address)");
        return answer;
    }
    // A success must be signed with our key, over our request's MAC.
    const QByteArray secret = key.secret.toBase64();
    const Rdf mac(ldns_rdf_new_frm_data(LDNS_RDF_TYPE_INT16_DATA, size_t(update.requestMac.size()),
                                        update.requestMac.constData()));
    if (!tsig || !mac ||
        !ldns_pkt_tsig_verify(pkt.get(), reinterpret_cast<const uint8_t *>(wire.constData()), size_t(wire.size()),
                              absolute(key.name).constData(), secret.constData(), mac.get()))
        return failure(DnsStatus::Malformed,
                       QStringLiteral("the DNS server's reply to the update is not signed with the key %1").arg(key.name),
                       rcode);
    return answer;
}

std::optional<QString> zoneLine(const QString &name, quint32 ttl, RecordType type, const QString &rdata, QString *error)
{
    const QByteArray text = absolute(name) + ' ' + QByteArray::number(ttl) + " IN " + typeName(type).toLatin1() + ' ' +
                            rdata.toUtf8();
    ldns_rr *parsed = nullptr;
    if (ldns_rr_new_frm_str(&parsed, text.constData(), 0, nullptr, nullptr) != LDNS_STATUS_OK || !parsed) {
        *error = QStringLiteral("not a valid %1 record: %2").arg(typeName(type), rdata);
        return std::nullopt;
    }
    const Rr rr(parsed);
    QString line = fromLdns(ldns_rr2str(rr.get()));
    while (line.endsWith(QLatin1Char('\n')))
        line.chop(1);
    return line;
}

QString quotedText(const QString &text)
{
    // A character-string holds at most 255 bytes; longer text becomes several strings.
    const QByteArray bytes = text.toUtf8();
    QStringList parts;
    for (qsizetype start = 0; start < bytes.size() || parts.isEmpty(); start += 255) {
        QString part = QString::fromUtf8(bytes.mid(start, 255));
        part.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        parts.append(QLatin1Char('"') + part + QLatin1Char('"'));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace maild::dns
