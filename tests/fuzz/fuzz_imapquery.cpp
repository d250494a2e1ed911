// libFuzzer target: the FETCH and SEARCH argument grammars and what they do to a message.
// The input is one IMAP command line (up to the first NUL: "FETCH 1:* (BODY[1.2]<0.10>)",
// "SEARCH OR FROM x NOT BODY y" ...) followed by a message. The line goes through
// CommandParser; its arguments through FetchRequest (each BODY[section] then located in the
// message, with its partial, and the ranges checked to stay inside the message) and through
// SearchQuery and SearchMatcher against the message (decoding its MIME parts, charsets and
// encoded words).
// Security: both grammars read an authenticated client's bytes; the message is a stranger's.
#include "imap/grammar/commandparser.h"
#include "imap/grammar/fetchrequest.h"
#include "imap/grammar/fetchsection.h"
#include "imap/grammar/mimeparser.h"
#include "imap/grammar/searchquery.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace maild::imap;

namespace {

[[noreturn]] void broken(const char *invariant, int line)
{
    std::fprintf(stderr, "fuzz_imapquery.cpp:%d: invariant broken: %s\n", line, invariant);
    std::abort();
}
#define CHECK(x) ((x) ? (void)0 : broken(#x, __LINE__))

std::optional<Command> parseLine(const QByteArray &line)
{
    ParserLimits limits;
    limits.maxLineBytes = 4096;
    limits.maxLiteralBytes = 4096;
    limits.maxOtherLiteralBytes = 4096;
    CommandParser parser(limits);
    const QByteArray input = "t " + line + "\r\n";
    QByteArrayView rest(input);
    while (!rest.isEmpty()) {
        qsizetype used = 0;
        const CommandParser::Status s = parser.feed(rest, used);
        CHECK(used >= 0 && used <= rest.size());
        rest = rest.sliced(used);
        if (s == CommandParser::Status::Command)
            return parser.takeCommand();
        if (s == CommandParser::Status::Error)
            return std::nullopt;
        if (s == CommandParser::Status::NeedMore && used == 0)
            break;
    }
    return std::nullopt;
}

void fetch(const Command &c, const QByteArray &message)
{
    QByteArray error;
    const auto request = FetchRequest::parse(c.arguments, 1, &error);
    if (!request) {
        CHECK(!error.isEmpty());
        return;
    }
    const MimePart root = request->mimeNeed() == FetchRequest::MimeNeed::Structure
                              ? MimeParser().parse(message)
                              : MimeParser().parseHeaderOnly(message);
    for (const FetchItem &item : request->items) {
        if (item.kind != FetchItem::Kind::Section)
            continue;
        CHECK(!item.responseName().contains('\n'));
        const SectionData data = applyPartial(locateSection(item.section, root, message), item.partial);
        CHECK(data.size() >= 0);
        if (!data.isBuilt) {
            CHECK(data.offset >= 0 && data.length >= 0);
            CHECK(data.offset + data.length <= message.size());
        }
    }
}

void search(const Command &c, const QByteArray &message)
{
    SearchError error;
    const auto query = SearchQuery::parse(c.arguments, error);
    if (!query) {
        CHECK(!error.text.isEmpty() || error.badCharset);
        return;
    }
    SearchMatcher matcher(*query, 3, 30);
    SearchMessage m;
    m.seq = 2;
    m.uid = 20;
    m.flags = {"\\Seen", "$Label"};
    m.size = message.size();
    m.internalDate = QDateTime(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC);
    m.modseq = 7;
    m.content = [&message]() -> std::optional<QByteArray> { return message; };
    matcher.matches(m);
    m.content = []() -> std::optional<QByteArray> { return std::nullopt; }; // unreadable file
    matcher.matches(m);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = reinterpret_cast<const char *>(data);
    const void *nul = std::memchr(bytes, 0, size);
    const size_t lineLength = nul ? size_t(static_cast<const char *>(nul) - bytes) : size;
    if (lineLength > 4096)
        return 0;
    const QByteArray line(bytes, qsizetype(lineLength));
    const QByteArray message = nul ? QByteArray(bytes + lineLength + 1, qsizetype(size - lineLength - 1)) : QByteArray();
    const std::optional<Command> c = parseLine(line);
    if (!c || c->arguments.isEmpty())
        return 0;
    if (c->name == "FETCH")
        fetch(*c, message);
    else if (c->name == "SEARCH")
        search(*c, message);
    return 0;
}
