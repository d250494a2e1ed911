// libFuzzer target for what maild parses of DNS answers (maild/dns/dnsmessage.cpp): the input
// is taken as the answer to an MX query for example.test (its first two bytes are replaced
// by the query's id, so that the parser goes past the id check), as the answer to an A query,
// and as the reply to a signed update. Nothing may crash, hang or leak; every result is a
// status with a sentence.
#include "dns/dnsmessage.h"

#include <cstddef>
#include <cstdint>

using namespace maild::dns;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Query mx = [] {
        QString error;
        return *buildQuery(QStringLiteral("example.test"), RecordType::Mx, &error);
    }();
    static const Query a = [] {
        QString error;
        return *buildQuery(QStringLiteral("mail.example.test"), RecordType::A, &error);
    }();
    static const TsigKey key{QStringLiteral("mailroom-key"), QByteArray(32, 'k')};
    static const Update update = [] {
        QString error;
        return *buildUpdate(QStringLiteral("example.test"),
                            {{UpdateChange::Op::DeleteRrset, QStringLiteral("example.test"), RecordType::Mx, 0, {}}},
                            key, &error);
    }();

    QByteArray wire(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const Query *q : {&mx, &a}) {
        if (wire.size() >= 2) {
            wire[0] = char(q->id >> 8);
            wire[1] = char(q->id & 0xff);
        }
        const DnsAnswer answer = parseAnswer(wire, *q);
        if (answer.status != DnsStatus::Ok && answer.status != DnsStatus::NoData && answer.error.isEmpty())
            __builtin_trap(); // every failure carries a sentence
        (void)isTruncated(wire);
    }
    if (wire.size() >= 2) {
        wire[0] = char(update.id >> 8);
        wire[1] = char(update.id & 0xff);
    }
    const DnsAnswer reply = parseUpdateReply(wire, update, key);
    if (reply.status != DnsStatus::Ok && reply.error.isEmpty())
        __builtin_trap();
    return 0;
}
