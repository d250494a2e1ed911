// libFuzzer target: the daemon's receive path on the control socket. A hostile peer's byte
// stream, cut at split points taken from the input, goes through LineFramer and each frame
// through decodeRequestFrame; every answer the daemon would write is encoded and checked to
// be one line that a client decodes back. Crashes, sanitizer reports and broken invariants
// (abort with a message) are findings.
// Input layout: byte 0 picks the frame limit (0: the protocol default, else byte*8), bytes
// 1-4 the sizes of the pieces fed in turn (0: all the rest), the remainder is the stream.
// Security: this is the code path every local peer reaches before authentication.
#include "control/errorcode.h"
#include "control/jsonrpc.h"
#include "control/lineframer.h"
#include "control/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace common::control;

namespace {

constexpr size_t kHeader = 5;

[[noreturn]] void broken(const char *invariant, int line)
{
    std::fprintf(stderr, "fuzz_controlframe.cpp:%d: invariant broken: %s\n", line, invariant);
    std::abort();
}

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond))                                                                               \
            broken(#cond, __LINE__);                                                               \
    } while (false)

// What the framer produced, in order; a TooLarge is an entry holding a single '\n'.
using Events = QList<QByteArray>;

void drain(LineFramer &framer, qsizetype limit, Events &events)
{
    while (true) {
        const LineFramer::Result r = framer.next();
        if (r.status == LineFramer::Status::NeedMore)
            break;
        if (r.status == LineFramer::Status::TooLarge) {
            events.append(QByteArrayLiteral("\n"));
            continue;
        }
        FUZZ_CHECK(!r.frame.isEmpty());
        FUZZ_CHECK(r.frame.size() <= limit);
        FUZZ_CHECK(!r.frame.contains('\n'));
        events.append(r.frame);
    }
    // At most a full frame may wait, plus the CR whose LF has not arrived yet.
    FUZZ_CHECK(framer.buffered() <= limit + 1);
}

// A client reading `line` gets exactly one frame, and that frame is a response (or an array
// of `count` responses).
void checkAnswerLine(const QByteArray &line, bool batch, qsizetype count)
{
    FUZZ_CHECK(line.endsWith('\n'));
    FUZZ_CHECK(line.indexOf('\n') == line.size() - 1);
    LineFramer reader(line.size());
    reader.feed(line);
    const LineFramer::Result r = reader.next();
    FUZZ_CHECK(r.status == LineFramer::Status::Frame);
    FUZZ_CHECK(r.frame == line.chopped(1));
    FUZZ_CHECK(reader.next().status == LineFramer::Status::NeedMore);
    if (!batch) {
        FUZZ_CHECK(decodeIncoming(r.frame).kind == Incoming::Kind::Response);
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(r.frame);
    FUZZ_CHECK(doc.isArray());
    FUZZ_CHECK(doc.array().size() == count);
    for (const QJsonValue &answer : doc.array()) {
        const QByteArray one = QJsonDocument(answer.toObject()).toJson(QJsonDocument::Compact);
        FUZZ_CHECK(decodeIncoming(one).kind == Incoming::Kind::Response);
    }
}

// A decoded request, encoded again by a client, decodes to the same request.
void checkRequestRoundTrip(const Request &request)
{
    const QJsonValue id = request.isNotification() ? QJsonValue(QJsonValue::Undefined) : request.id;
    const QByteArray line = encodeRequest(id, request.method, request.params);
    FUZZ_CHECK(line.indexOf('\n') == line.size() - 1);
    const DecodedFrame again = decodeRequestFrame(line.chopped(1));
    FUZZ_CHECK(!again.isBatch && again.items.size() == 1 && again.items.first().ok());
    const Request &copy = again.items.first().request();
    FUZZ_CHECK(copy.method == request.method);
    FUZZ_CHECK(copy.params == request.params);
    FUZZ_CHECK(copy.isNotification() == request.isNotification());
    FUZZ_CHECK(request.isNotification() || copy.id == request.id);
}

// Answers one frame the way the daemon would (a result echoing the call, or the error).
void answerFrame(const QByteArray &frame)
{
    const DecodedFrame decoded = decodeRequestFrame(frame);
    FUZZ_CHECK(!decoded.items.isEmpty());
    FUZZ_CHECK(decoded.isBatch || decoded.items.size() == 1);
    QJsonArray answers;
    for (const Decoded &item : decoded.items) {
        if (!item.ok()) {
            FUZZ_CHECK(!item.error().message.isEmpty());
            FUZZ_CHECK(item.id.isNull() || item.id.isString() || item.id.isDouble());
            answers.append(errorObject(item.id, item.error()));
            continue;
        }
        const Request &request = item.request();
        FUZZ_CHECK(!request.method.isEmpty());
        checkRequestRoundTrip(request);
        if (request.isNotification())
            continue;
        answers.append(
            resultObject(request.id, QJsonObject{{QStringLiteral("method"), request.method},
                                                 {QStringLiteral("params"), request.params}}));
    }
    if (answers.isEmpty())
        return;
    if (decoded.isBatch)
        checkAnswerLine(encodeLine(answers), true, answers.size());
    else
        checkAnswerLine(encodeLine(answers.first()), false, 1);
}

Events frameStream(qsizetype limit, const QByteArray &stream, const QList<qsizetype> &pieces)
{
    LineFramer framer(limit);
    Events events;
    qsizetype at = 0;
    for (qsizetype i = 0; at < stream.size(); ++i) {
        const qsizetype piece = pieces[i % pieces.size()];
        const qsizetype n = piece == 0 ? stream.size() - at : std::min(piece, stream.size() - at);
        framer.feed(QByteArrayView(stream).sliced(at, n));
        at += n;
        drain(framer, limit, events);
    }
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < kHeader)
        return 0;
    const qsizetype limit = data[0] == 0 ? kDefaultMaxFrameBytes : qsizetype(data[0]) * 8;
    const QList<qsizetype> pieces{data[1], data[2], data[3], data[4]};
    const QByteArray stream(reinterpret_cast<const char *>(data + kHeader),
                            qsizetype(size - kHeader));

    const Events events = frameStream(limit, stream, pieces);
    FUZZ_CHECK(events.count(QByteArrayLiteral("\n")) <= stream.count('\n') + 1);
#ifdef MAILROOM_FUZZ_SPLIT_ORACLE
    // How the stream was cut must not change what comes out of it.
    FUZZ_CHECK(events == frameStream(limit, stream, {0}));
#endif

    for (const QByteArray &event : events) {
        if (event == "\n") {
            const RpcError tooLarge(ErrorCode::FrameTooLarge, QStringLiteral("frame too large"));
            checkAnswerLine(encodeError(QJsonValue::Null, tooLarge), false, 1);
            continue;
        }
        answerFrame(event);
    }
    return 0;
}
