// The DNS message layer (maild/dns/dnsmessage.h) with answers built by ldns itself: records of
// each type we read, CNAME chains, every rcode, answers that belong to another question,
// malformed and truncated bytes, updates and their TSIG-signed replies, zone lines.
#include "dns/dnsmessage.h"

#include <ldns/ldns.h>

#include <QTest>

using namespace maild::dns;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray toWire(ldns_pkt *pkt)
{
    uint8_t *data = nullptr;
    size_t size = 0;
    ldns_pkt2wire(&data, pkt, &size);
    QByteArray out(reinterpret_cast<const char *>(data), qsizetype(size));
    free(data);
    return out;
}

// A response to query with the records given in zone-file form, and rcode.
QByteArray response(const Query &query, const QStringList &records, ldns_pkt_rcode rcode = LDNS_RCODE_NOERROR,
                    std::optional<quint16> id = std::nullopt, bool truncated = false)
{
    ldns_pkt *pkt = nullptr;
    ldns_wire2pkt(&pkt, reinterpret_cast<const uint8_t *>(query.wire.constData()), size_t(query.wire.size()));
    ldns_pkt_set_qr(pkt, true);
    ldns_pkt_set_aa(pkt, true);
    ldns_pkt_set_rcode(pkt, uint8_t(rcode));
    ldns_pkt_set_tc(pkt, truncated);
    if (id)
        ldns_pkt_set_id(pkt, *id);
    for (const QString &line : records) {
        ldns_rr *rr = nullptr;
        if (ldns_rr_new_frm_str(&rr, line.toUtf8().constData(), 300, nullptr, nullptr) == LDNS_STATUS_OK)
            ldns_pkt_push_rr(pkt, LDNS_SECTION_ANSWER, rr);
    }
    const QByteArray wire = toWire(pkt);
    ldns_pkt_free(pkt);
    return wire;
}

Query query(const char *name, RecordType type)
{
    QString error;
    const std::optional<Query> q = buildQuery(s(name), type, &error);
    if (!q)
        qFatal("buildQuery: %s", qPrintable(error));
    return *q;
}

} // namespace

class tst_DnsMessage : public QObject
{
    Q_OBJECT
private slots:
    void queryIsRecursiveWithRandomIds();
    void badNamesAreRefused();
    void recordsOfEachType();
    void cnameChainIsFollowed();
    void rcodes_data();
    void rcodes();
    void noDataWhenOnlyOtherTypes();
    void answersToAnotherQuestionAreIgnored();
    void malformedBytesAreAnError_data();
    void malformedBytesAreAnError();
    void truncatedBitIsSeen();
    void nullMx();
    void updateCarriesTheChangesAndATsigRecord();
    void updateRepliesAreVerified();
    void zoneLinesAndQuotedText();
    void serverAddresses_data();
    void serverAddresses();
    void resolvConf();
};

void tst_DnsMessage::queryIsRecursiveWithRandomIds()
{
    const Query a = query("Example.Test.", RecordType::Mx);
    QCOMPARE(a.name, s("example.test"));
    ldns_pkt *pkt = nullptr;
    QCOMPARE(ldns_wire2pkt(&pkt, reinterpret_cast<const uint8_t *>(a.wire.constData()), size_t(a.wire.size())),
             LDNS_STATUS_OK);
    QVERIFY(ldns_pkt_rd(pkt));
    QVERIFY(!ldns_pkt_qr(pkt));
    QCOMPARE(ldns_pkt_id(pkt), a.id);
    QCOMPARE(ldns_rr_get_type(ldns_rr_list_rr(ldns_pkt_question(pkt), 0)), LDNS_RR_TYPE_MX);
    ldns_pkt_free(pkt);
    QSet<quint16> ids;
    for (int i = 0; i < 20; ++i)
        ids.insert(query("example.test", RecordType::A).id);
    QVERIFY2(ids.size() > 10, "ids must not be predictable");
}

void tst_DnsMessage::badNamesAreRefused()
{
    QString error;
    QVERIFY(!buildQuery(QString(), RecordType::A, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!buildQuery(QString(300, QLatin1Char('a')), RecordType::A, &error));
}

void tst_DnsMessage::recordsOfEachType()
{
    const Query mx = query("example.test", RecordType::Mx);
    DnsAnswer a = parseAnswer(response(mx, {s("example.test. 600 IN MX 10 Mail.Example.Test."),
                                            s("example.test. 600 IN MX 20 backup.example.test.")}),
                              mx);
    QCOMPARE(a.status, DnsStatus::Ok);
    QVERIFY(a.authoritative);
    QCOMPARE(a.records.size(), 2);
    QCOMPARE(a.records[0].preference, 10);
    QCOMPARE(a.records[0].target, s("mail.example.test"));
    QCOMPARE(a.records[0].ttl, 600u);
    QCOMPARE(a.records[1].target, s("backup.example.test"));

    const Query v4 = query("mail.example.test", RecordType::A);
    a = parseAnswer(response(v4, {s("mail.example.test. 60 IN A 192.0.2.7")}), v4);
    QCOMPARE(a.records.value(0).address, QHostAddress(s("192.0.2.7")));

    const Query v6 = query("mail.example.test", RecordType::Aaaa);
    a = parseAnswer(response(v6, {s("mail.example.test. 60 IN AAAA 2001:db8::25")}), v6);
    QCOMPARE(a.records.value(0).address, QHostAddress(s("2001:db8::25")));

    const Query txt = query("example.test", RecordType::Txt);
    a = parseAnswer(response(txt, {s("example.test. 60 IN TXT \"v=spf1 \" \"mx -all\""),
                                   s("example.test. 60 IN TXT \"quote \\\" inside\"")}),
                    txt);
    QCOMPARE(a.records.size(), 2);
    QCOMPARE(a.records[0].texts, QStringList({s("v=spf1 "), s("mx -all")}));
    QCOMPARE(a.records[1].texts, QStringList({s("quote \" inside")}));

    const Query ptr = query("7.2.0.192.in-addr.arpa", RecordType::Ptr);
    a = parseAnswer(response(ptr, {s("7.2.0.192.in-addr.arpa. 60 IN PTR mail.example.test.")}), ptr);
    QCOMPARE(a.records.value(0).target, s("mail.example.test"));
}

void tst_DnsMessage::cnameChainIsFollowed()
{
    const Query q = query("www.example.test", RecordType::A);
    const DnsAnswer a = parseAnswer(response(q, {s("www.example.test. 60 IN CNAME web.example.test."),
                                                 s("web.example.test. 60 IN CNAME host.example.test."),
                                                 s("host.example.test. 60 IN A 192.0.2.9"),
                                                 s("other.example.test. 60 IN A 192.0.2.10")}),
                                    q);
    QCOMPARE(a.status, DnsStatus::Ok);
    QCOMPARE(a.records.size(), 1);
    QCOMPARE(a.records[0].address, QHostAddress(s("192.0.2.9")));
}

void tst_DnsMessage::rcodes_data()
{
    QTest::addColumn<int>("rcode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("word");
    QTest::newRow("NXDOMAIN") << int(LDNS_RCODE_NXDOMAIN) << int(DnsStatus::NxDomain) << s("NXDOMAIN");
    QTest::newRow("SERVFAIL") << int(LDNS_RCODE_SERVFAIL) << int(DnsStatus::ServFail) << s("SERVFAIL");
    QTest::newRow("REFUSED") << int(LDNS_RCODE_REFUSED) << int(DnsStatus::Refused) << s("REFUSED");
    QTest::newRow("FORMERR") << int(LDNS_RCODE_FORMERR) << int(DnsStatus::FormErr) << s("FORMERR");
    QTest::newRow("NOTIMP") << int(LDNS_RCODE_NOTIMPL) << int(DnsStatus::NotImpl) << s("NOTIMP");
    QTest::newRow("YXDOMAIN") << int(LDNS_RCODE_YXDOMAIN) << int(DnsStatus::OtherRcode) << s("RCODE 6");
}

void tst_DnsMessage::rcodes()
{
    QFETCH(int, rcode);
    QFETCH(int, status);
    QFETCH(QString, word);
    const Query q = query("example.test", RecordType::Mx);
    const DnsAnswer a = parseAnswer(response(q, {}, ldns_pkt_rcode(rcode)), q);
    QCOMPARE(int(a.status), status);
    QCOMPARE(a.rcode, rcode);
    QVERIFY2(a.error.contains(word), qPrintable(a.error));
    QCOMPARE(a.ok(), status == int(DnsStatus::NxDomain));
}

void tst_DnsMessage::noDataWhenOnlyOtherTypes()
{
    const Query q = query("example.test", RecordType::Mx);
    const DnsAnswer a = parseAnswer(response(q, {s("example.test. 60 IN A 192.0.2.1")}), q);
    QCOMPARE(a.status, DnsStatus::NoData);
    QVERIFY(a.ok());
    QVERIFY(a.records.isEmpty());
}

void tst_DnsMessage::answersToAnotherQuestionAreIgnored()
{
    const Query q = query("example.test", RecordType::Mx);
    QVERIFY(answersQuery(response(q, {}), q));
    QVERIFY(!answersQuery(response(q, {}, LDNS_RCODE_NOERROR, quint16(q.id + 1)), q)); // another id
    QVERIFY(!answersQuery(q.wire, q));                                                  // not a response
    const Query other = query("other.test", RecordType::Mx);
    QByteArray otherAnswer = response(other, {});
    otherAnswer[0] = q.wire[0];
    otherAnswer[1] = q.wire[1]; // the right id, the wrong question
    QVERIFY(!answersQuery(otherAnswer, q));
    QCOMPARE(parseAnswer(otherAnswer, q).status, DnsStatus::Malformed);
}

void tst_DnsMessage::malformedBytesAreAnError_data()
{
    QTest::addColumn<int>("cut");
    for (int cut : {0, 1, 5, 11, 12, 20, 30})
        QTest::addRow("first %d bytes", cut) << cut;
}

void tst_DnsMessage::malformedBytesAreAnError()
{
    QFETCH(int, cut);
    const Query q = query("example.test", RecordType::Mx);
    const QByteArray full = response(q, {s("example.test. 600 IN MX 10 mail.example.test.")});
    const DnsAnswer a = parseAnswer(full.left(cut), q);
    QCOMPARE(a.status, DnsStatus::Malformed);
    QVERIFY(!a.error.isEmpty());
    // a record whose data is cut inside: the length fields no longer match
    QByteArray damaged = full;
    damaged[damaged.size() - 3] = char(0x7f);
    QVERIFY(parseAnswer(damaged, q).status != DnsStatus::Ok || parseAnswer(damaged, q).records.size() <= 1);
}

void tst_DnsMessage::truncatedBitIsSeen()
{
    const Query q = query("example.test", RecordType::Txt);
    QVERIFY(isTruncated(response(q, {}, LDNS_RCODE_NOERROR, std::nullopt, true)));
    QVERIFY(!isTruncated(response(q, {})));
    QVERIFY(!isTruncated(QByteArray("junk")));
}

void tst_DnsMessage::nullMx()
{
    // RFC 7505: "0 ." says the domain accepts no mail.
    const Query q = query("nomail.test", RecordType::Mx);
    const DnsAnswer a = parseAnswer(response(q, {s("nomail.test. 60 IN MX 0 .")}), q);
    QCOMPARE(a.records.size(), 1);
    QCOMPARE(a.records[0].preference, 0);
    QCOMPARE(a.records[0].target, QString());
}

void tst_DnsMessage::updateCarriesTheChangesAndATsigRecord()
{
    const TsigKey key{s("mailroom-key"), QByteArray(32, 'k')};
    QString error;
    const std::optional<Update> u =
        buildUpdate(s("example.test"),
                    {{UpdateChange::Op::DeleteRrset, s("example.test"), RecordType::Mx, 0, {}},
                     {UpdateChange::Op::Add, s("example.test"), RecordType::Mx, 3600, s("10 mail.example.test.")},
                     {UpdateChange::Op::DeleteRecord, s("example.test"), RecordType::Txt, 0, s("\"v=spf1 a -all\"")}},
                    key, &error);
    QVERIFY2(u, qPrintable(error));
    QVERIFY(!u->requestMac.isEmpty());
    ldns_pkt *pkt = nullptr;
    QCOMPARE(ldns_wire2pkt(&pkt, reinterpret_cast<const uint8_t *>(u->wire.constData()), size_t(u->wire.size())),
             LDNS_STATUS_OK);
    QCOMPARE(ldns_pkt_get_opcode(pkt), LDNS_PACKET_UPDATE);
    QCOMPARE(ldns_pkt_id(pkt), u->id);
    const ldns_rr_list *changes = ldns_pkt_authority(pkt); // the update section
    QCOMPARE(ldns_rr_list_rr_count(changes), size_t(3));
    QCOMPARE(ldns_rr_get_class(ldns_rr_list_rr(changes, 0)), LDNS_RR_CLASS_ANY);
    QCOMPARE(ldns_rr_get_class(ldns_rr_list_rr(changes, 1)), LDNS_RR_CLASS_IN);
    QCOMPARE(ldns_rr_ttl(ldns_rr_list_rr(changes, 1)), 3600u);
    QCOMPARE(ldns_rr_get_class(ldns_rr_list_rr(changes, 2)), LDNS_RR_CLASS_NONE);
    QVERIFY(ldns_pkt_tsig(pkt));
    // the signature verifies with the key that made it, and not with another
    QVERIFY(ldns_pkt_tsig_verify(pkt, reinterpret_cast<const uint8_t *>(u->wire.constData()), size_t(u->wire.size()),
                                 "mailroom-key.", key.secret.toBase64().constData(), nullptr));
    QVERIFY(!ldns_pkt_tsig_verify(pkt, reinterpret_cast<const uint8_t *>(u->wire.constData()), size_t(u->wire.size()),
                                  "mailroom-key.", QByteArray(32, 'x').toBase64().constData(), nullptr));
    ldns_pkt_free(pkt);
    QVERIFY(!buildUpdate(s("example.test"), {{UpdateChange::Op::Add, s("example.test"), RecordType::Mx, 60, s("ten mail")}},
                         key, &error));
    QVERIFY(error.contains(s("MX")));
}

void tst_DnsMessage::updateRepliesAreVerified()
{
    const TsigKey key{s("mailroom-key"), QByteArray(32, 'k')};
    QString error;
    const std::optional<Update> u = buildUpdate(
        s("example.test"), {{UpdateChange::Op::DeleteRrset, s("example.test"), RecordType::Mx, 0, {}}}, key, &error);
    QVERIFY(u);
    const auto reply = [&](ldns_pkt_rcode rcode, bool sign, const QByteArray &secret) {
        ldns_pkt *pkt = ldns_pkt_new();
        ldns_pkt_set_id(pkt, u->id);
        ldns_pkt_set_qr(pkt, true);
        ldns_pkt_set_opcode(pkt, LDNS_PACKET_UPDATE);
        ldns_pkt_set_rcode(pkt, uint8_t(rcode));
        if (sign) {
            ldns_rdf *mac = ldns_rdf_new_frm_data(LDNS_RDF_TYPE_INT16_DATA, size_t(u->requestMac.size()),
                                                  u->requestMac.constData());
            ldns_pkt_tsig_sign(pkt, "mailroom-key.", secret.toBase64().constData(), 300, "hmac-sha256.", mac);
            ldns_rdf_deep_free(mac);
        }
        const QByteArray wire = toWire(pkt);
        ldns_pkt_free(pkt);
        return wire;
    };
    QVERIFY(answersUpdate(reply(LDNS_RCODE_NOERROR, true, key.secret), *u));
    QCOMPARE(parseUpdateReply(reply(LDNS_RCODE_NOERROR, true, key.secret), *u, key).status, DnsStatus::Ok);
    // a success that is not signed, or signed with another key, is not believed
    QCOMPARE(parseUpdateReply(reply(LDNS_RCODE_NOERROR, false, key.secret), *u, key).status, DnsStatus::Malformed);
    QCOMPARE(parseUpdateReply(reply(LDNS_RCODE_NOERROR, true, QByteArray(32, 'z')), *u, key).status,
             DnsStatus::Malformed);
    const DnsAnswer refused = parseUpdateReply(reply(LDNS_RCODE_REFUSED, false, {}), *u, key);
    QCOMPARE(refused.status, DnsStatus::Refused);
    QVERIFY2(refused.error.contains(s("REFUSED")), qPrintable(refused.error));
    QCOMPARE(parseUpdateReply(reply(LDNS_RCODE_NOTAUTH, false, {}), *u, key).status, DnsStatus::NotAuth);
    QCOMPARE(parseUpdateReply(QByteArray("\x01\x02"), *u, key).status, DnsStatus::Malformed);
}

void tst_DnsMessage::zoneLinesAndQuotedText()
{
    QString error;
    QCOMPARE(zoneLine(s("example.test"), 3600, RecordType::Mx, s("10 mail.example.test."), &error),
             std::optional<QString>(s("example.test.\t3600\tIN\tMX\t10 mail.example.test.")));
    QCOMPARE(quotedText(s("v=spf1 mx -all")), s("\"v=spf1 mx -all\""));
    QCOMPARE(quotedText(s("a \"b\" c\\d")), s("\"a \\\"b\\\" c\\\\d\""));
    const QString longText = quotedText(QString(300, QLatin1Char('x')));
    QCOMPARE(longText, s("\"") + QString(255, QLatin1Char('x')) + s("\" \"") + QString(45, QLatin1Char('x')) + s("\""));
    const std::optional<QString> txt = zoneLine(s("example.test"), 60, RecordType::Txt, quotedText(s("a \"b\"")), &error);
    QVERIFY(txt);
    QVERIFY2(txt->endsWith(s("\"a \\\"b\\\"\"")), qPrintable(*txt));
    QVERIFY(!zoneLine(s("example.test"), 60, RecordType::A, s("not an address"), &error));
}

void tst_DnsMessage::serverAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown"); // empty: refused
    QTest::newRow("v4") << s("192.0.2.53") << s("192.0.2.53:53");
    QTest::newRow("v4 port") << s("127.0.0.1:5353") << s("127.0.0.1:5353");
    QTest::newRow("v6") << s("2001:db8::53") << s("[2001:db8::53]:53");
    QTest::newRow("v6 bracket port") << s("[::1]:5353") << s("[::1]:5353");
    QTest::newRow("host name") << s("dns.example.test") << QString();
    QTest::newRow("port zero") << s("127.0.0.1:0") << QString();
    QTest::newRow("port too big") << s("127.0.0.1:65536") << QString();
    QTest::newRow("unclosed bracket") << s("[::1:53") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void tst_DnsMessage::serverAddresses()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    const std::optional<DnsServer> server = DnsServer::parse(text);
    QCOMPARE(server.has_value(), !shown.isEmpty());
    if (server)
        QCOMPARE(server->toString(), shown);
}

void tst_DnsMessage::resolvConf()
{
    const QList<DnsServer> servers = nameServersOf("# comment\nsearch example.test\nnameserver 192.0.2.1\n"
                                                   "nameserver  fe80::1%eth0\nnameserver not-an-address\n"
                                                   "options ndots:2\n\tnameserver 127.0.0.53\n");
    QCOMPARE(servers.size(), 3);
    QCOMPARE(servers[0].toString(), s("192.0.2.1:53"));
    QCOMPARE(servers[1].address, QHostAddress(s("fe80::1")));
    QCOMPARE(servers[2].toString(), s("127.0.0.53:53"));
    QVERIFY(nameServersOf(QByteArray()).isEmpty());
}

QTEST_APPLESS_MAIN(tst_DnsMessage)
#include "tst_dnsmessage.moc"
