// libFuzzer target: an IMAP client's byte stream through CommandParser, cut at split points
// taken from the input, with small limits so that every refusal path is reached. The events
// must not depend on how the stream is cut. Sequence-set tokens go through SequenceSet,
// strings through MailboxName (a decoded name must re-encode to the same bytes) and the
// date parsers, and literals through MimeParser, BODYSTRUCTURE and ENVELOPE (APPEND data).
// Input layout: bytes 0-3 the sizes of the pieces fed in turn (0: all the rest), then the stream.
// Security: this is what every IMAP client reaches before authentication.
#include "imap/grammar/bodystructure.h"
#include "imap/grammar/commandparser.h"
#include "imap/grammar/envelope.h"
#include "imap/grammar/mailboxname.h"
#include "imap/grammar/mimeparser.h"
#include "imap/grammar/responsewriter.h"
#include "imap/grammar/sequenceset.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace maild::imap;

namespace {

constexpr size_t kHeader = 4;

[[noreturn]] void broken(const char *invariant, int line)
{
    std::fprintf(stderr, "fuzz_imapcommand.cpp:%d: invariant broken: %s\n", line, invariant);
    std::abort();
}

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond))                                                                               \
            broken(#cond, __LINE__);                                                               \
    } while (false)

ParserLimits limits()
{
    ParserLimits l;
    l.maxLineBytes = 512;
    l.maxLiteralBytes = 4096;
    l.maxDepth = 8;
    l.maxArguments = 64;
    return l;
}

void exerciseToken(const Token &t, int &budget)
{
    if (--budget < 0)
        return;
    switch (t.type) {
    case Token::Type::List:
        for (const Token &c : t.children)
            exerciseToken(c, budget);
        return;
    case Token::Type::SequenceSet:
    case Token::Type::Atom: {
        const std::optional<SequenceSet> set = SequenceSet::parse(t.value);
        FUZZ_CHECK(t.type != Token::Type::SequenceSet || set || !t.value.isEmpty());
        if (set) {
            const quint32 max = t.value.size() % 3 == 0 ? 0 : 4294967295u / quint32(t.value.size());
            const QList<SequenceSet::Range> ranges = set->ranges(max);
            for (qsizetype i = 0; i < ranges.size(); ++i) {
                FUZZ_CHECK(ranges[i].first >= 1 && ranges[i].first <= ranges[i].last);
                FUZZ_CHECK(i == 0 || quint64(ranges[i - 1].last) + 1 < ranges[i].first);
                FUZZ_CHECK(set->contains(ranges[i].first, max));
                FUZZ_CHECK(set->contains(ranges[i].last, max));
            }
            const QList<quint32> uids{1, 2, 3, 1000, 65536, 4294967295u};
            const QList<quint32> hit = set->intersect(uids, max);
            for (quint32 uid : uids)
                FUZZ_CHECK(hit.contains(uid) == set->contains(uid, max));
            FUZZ_CHECK(set->count(max) <= 4294967295ULL);
        }
        break;
    }
    case Token::Type::Literal: {
        const MimePart part = MimeParser().parse(t.value);
        const QByteArray structure = bodyStructure(part, true);
        FUZZ_CHECK(structure.startsWith('(') && structure.endsWith(')'));
        FUZZ_CHECK(envelope(part.header).startsWith('('));
        FUZZ_CHECK(part.headerSize + part.bodySize == t.value.size());
        break;
    }
    default:
        break;
    }
    if (const std::optional<QString> name = MailboxName::decode(t.value)) {
        FUZZ_CHECK(MailboxName::encode(*name) == t.value);
        const QString why = MailboxName::problem(*name);
        FUZZ_CHECK(MailboxName::fromWire(t.value).has_value() == why.isEmpty());
    }
    if (const std::optional<QDateTime> when = ResponseWriter::parseDateTime(t.value)) {
        QByteArray text = ResponseWriter::dateTime(*when);
        text = text.mid(1, text.size() - 2);
        const std::optional<QDateTime> again = ResponseWriter::parseDateTime(text);
        FUZZ_CHECK(again && again->toSecsSinceEpoch() == when->toSecsSinceEpoch());
    }
    (void)ResponseWriter::parseDate(t.value);
    const QByteArray quoted = ResponseWriter::string(t.value);
    FUZZ_CHECK(quoted.size() >= t.value.size() + 2);
}

QByteArray render(const Token &t)
{
    QByteArray out = QByteArray::number(int(t.type)) + (t.nonSynchronizing ? "+" : "") + ':'
        + QByteArray::number(t.value.size()) + ':' + t.value;
    if (t.type == Token::Type::List) {
        out += '(';
        for (const Token &c : t.children)
            out += render(c) + ' ';
        out += ')';
    }
    return out;
}

// Feeds the stream in pieces; returns every event rendered, in order.
QList<QByteArray> run(QByteArrayView stream, const size_t *sizes, bool exercise)
{
    CommandParser parser(limits());
    QList<QByteArray> events;
    int budget = 256;
    qsizetype pos = 0;
    for (int piece = 0; pos < stream.size(); ++piece) {
        qsizetype n = piece < int(kHeader) && sizes[piece] ? qsizetype(sizes[piece])
                                                           : stream.size() - pos;
        n = qMin(n, stream.size() - pos);
        QByteArrayView rest = stream.sliced(pos, n);
        pos += n;
        while (true) {
            qsizetype used = -1;
            const CommandParser::Status s = parser.feed(rest, used);
            FUZZ_CHECK(used >= 0 && used <= rest.size());
            rest = rest.sliced(used);
            if (s == CommandParser::Status::Command) {
                const Command c = parser.takeCommand();
                FUZZ_CHECK(!c.tag.isEmpty() && !c.name.isEmpty());
                FUZZ_CHECK(c.name == c.name.toUpper());
                QByteArray line = "C " + c.tag + ' ' + c.name;
                for (const Token &t : c.arguments) {
                    line += ' ' + render(t);
                    if (exercise)
                        exerciseToken(t, budget);
                }
                events.append(line);
            } else if (s == CommandParser::Status::NeedContinuation) {
                events.append("+");
            } else if (s == CommandParser::Status::Error) {
                const QByteArray response = parser.error().response();
                FUZZ_CHECK(response.startsWith(QByteArray(parser.error().tag + " BAD ")));
                FUZZ_CHECK(!response.contains('\n') && !response.contains('\r'));
                events.append("E " + response);
            } else {
                FUZZ_CHECK(rest.isEmpty());
                break;
            }
        }
    }
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < kHeader)
        return 0;
    size_t sizes[kHeader];
    for (size_t i = 0; i < kHeader; ++i)
        sizes[i] = data[i];
    const QByteArrayView stream(reinterpret_cast<const char *>(data + kHeader),
                                qsizetype(size - kHeader));
    const size_t whole[kHeader] = {0, 0, 0, 0};
    const size_t single[kHeader] = {1, 1, 1, 1};
    const QList<QByteArray> split = run(stream, sizes, true);
    FUZZ_CHECK(split == run(stream, whole, false));
    FUZZ_CHECK(split == run(stream, single, false));
    return 0;
}
