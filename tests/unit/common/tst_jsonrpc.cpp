// Unit tests of common::control's JSON-RPC 2.0 codec: what decodeRequestFrame accepts and the
// exact error it answers otherwise, that every encoder writes one compact line that decodes
// back, and how a client classifies what the daemon sends (decodeIncoming).
// Security: decodeRequestFrame reads a hostile peer's frames; each malformed shape must turn
// into the right error value, with the id to answer, and nothing else.
#include "control/errorcode.h"
#include "control/jsonrpc.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace common::control;

namespace {

int code(ErrorCode c)
{
    return static_cast<int>(c);
}

// For failure messages: QVERIFY2 evaluates its description even when the check passes.
QByteArray why(const Decoded &item)
{
    return item.ok() ? QByteArray() : item.error().message.toUtf8();
}

QJsonObject parseObject(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

// The checks every encoder's output must pass: one line, compact, '\n' only at the end.
void verifyOneCompactLine(const QByteArray &line)
{
    QVERIFY2(line.endsWith('\n'), line.constData());
    QCOMPARE(line.count('\n'), 1);
    QVERIFY2(!line.contains('\r'), line.constData());
    const QByteArray body = line.chopped(1);
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    QCOMPARE(body, doc.toJson(QJsonDocument::Compact));
}

} // namespace

class tst_JsonRpc : public QObject
{
    Q_OBJECT

private slots:
    void decodeSingle_data();
    void decodeSingle();
    void scalarFrameIsInvalidRequest_data();
    void scalarFrameIsInvalidRequest();
    void parseErrorNamesOffset();
    void batch();
    void emptyBatch();
    void batchWithBadElements();
    void encodeRequestRoundTrip_data();
    void encodeRequestRoundTrip();
    void encodeNotificationRoundTrip();
    void encodeResultRoundTrip_data();
    void encodeResultRoundTrip();
    void encodeErrorRoundTrip();
    void encodeBatchAnswer();
    void decodeIncoming_data();
    void decodeIncoming();
};

void tst_JsonRpc::decodeSingle_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("errorCode"); // 0: a request
    QTest::addColumn<QJsonValue>("answerId");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<bool>("notification");

    const QJsonValue null(QJsonValue::Null);
    const QJsonObject none;
    const int invalid = code(ErrorCode::InvalidRequest);

    QTest::newRow("request with params")
        << QByteArray(
               R"({"jsonrpc":"2.0","id":1,"method":"account.get","params":{"name":"alice"}})")
        << 0 << QJsonValue(1) << QStringLiteral("account.get")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("alice")}} << false;
    QTest::newRow("request without params")
        << QByteArray(R"({"jsonrpc":"2.0","id":2,"method":"hello"})") << 0 << QJsonValue(2)
        << QStringLiteral("hello") << none << false;
    QTest::newRow("params null")
        << QByteArray(R"({"jsonrpc":"2.0","id":3,"method":"hello","params":null})") << 0
        << QJsonValue(3) << QStringLiteral("hello") << none << false;
    QTest::newRow("members in any order")
        << QByteArray(R"({"params":{},"method":"hello","id":4,"jsonrpc":"2.0"})") << 0
        << QJsonValue(4) << QStringLiteral("hello") << none << false;
    QTest::newRow("whitespace around")
        << QByteArray(" \t{ \"jsonrpc\" : \"2.0\" , \"id\" : 5 , \"method\" : \"hello\" } ") << 0
        << QJsonValue(5) << QStringLiteral("hello") << none << false;

    QTest::newRow("id string") << QByteArray(R"({"jsonrpc":"2.0","id":"abc","method":"hello"})")
                               << 0 << QJsonValue(QStringLiteral("abc")) << QStringLiteral("hello")
                               << none << false;
    QTest::newRow("id empty string")
        << QByteArray(R"({"jsonrpc":"2.0","id":"","method":"hello"})") << 0 << QJsonValue(QString())
        << QStringLiteral("hello") << none << false;
    QTest::newRow("id null") << QByteArray(R"({"jsonrpc":"2.0","id":null,"method":"hello"})") << 0
                             << null << QStringLiteral("hello") << none << false;
    QTest::newRow("id negative") << QByteArray(R"({"jsonrpc":"2.0","id":-7,"method":"hello"})") << 0
                                 << QJsonValue(-7) << QStringLiteral("hello") << none << false;
    QTest::newRow("id large") << QByteArray(R"({"jsonrpc":"2.0","id":4294967296,"method":"hello"})")
                              << 0 << QJsonValue(qint64(4294967296)) << QStringLiteral("hello")
                              << none << false;
    QTest::newRow("notification (no id)")
        << QByteArray(R"({"jsonrpc":"2.0","method":"log.unsubscribe"})") << 0 << null
        << QStringLiteral("log.unsubscribe") << none << true;

    QTest::newRow("id true") << QByteArray(R"({"jsonrpc":"2.0","id":true,"method":"hello"})")
                             << invalid << null << QString() << none << false;
    QTest::newRow("id object") << QByteArray(R"({"jsonrpc":"2.0","id":{"a":1},"method":"hello"})")
                               << invalid << null << QString() << none << false;
    QTest::newRow("id array") << QByteArray(R"({"jsonrpc":"2.0","id":[1],"method":"hello"})")
                              << invalid << null << QString() << none << false;
    QTest::newRow("jsonrpc missing") << QByteArray(R"({"id":8,"method":"hello"})") << invalid
                                     << QJsonValue(8) << QString() << none << false;
    QTest::newRow("jsonrpc 1.0") << QByteArray(R"({"jsonrpc":"1.0","id":9,"method":"hello"})")
                                 << invalid << QJsonValue(9) << QString() << none << false;
    QTest::newRow("jsonrpc a number") << QByteArray(R"({"jsonrpc":2.0,"id":10,"method":"hello"})")
                                      << invalid << QJsonValue(10) << QString() << none << false;
    QTest::newRow("jsonrpc 2.0 with space")
        << QByteArray(R"({"jsonrpc":"2.0 ","id":11,"method":"hello"})") << invalid << QJsonValue(11)
        << QString() << none << false;
    QTest::newRow("method missing") << QByteArray(R"({"jsonrpc":"2.0","id":12})") << invalid
                                    << QJsonValue(12) << QString() << none << false;
    QTest::newRow("method empty") << QByteArray(R"({"jsonrpc":"2.0","id":13,"method":""})")
                                  << invalid << QJsonValue(13) << QString() << none << false;
    QTest::newRow("method a number") << QByteArray(R"({"jsonrpc":"2.0","id":14,"method":5})")
                                     << invalid << QJsonValue(14) << QString() << none << false;
    QTest::newRow("unknown member")
        << QByteArray(R"({"jsonrpc":"2.0","id":15,"method":"hello","extra":1})") << invalid
        << QJsonValue(15) << QString() << none << false;
    QTest::newRow("result member in a request")
        << QByteArray(R"({"jsonrpc":"2.0","id":16,"method":"hello","result":1})") << invalid
        << QJsonValue(16) << QString() << none << false;
    QTest::newRow("empty object") << QByteArray("{}") << invalid << null << QString() << none
                                  << false;

    const int badParams = code(ErrorCode::InvalidParams);
    QTest::newRow("params an array")
        << QByteArray(R"({"jsonrpc":"2.0","id":17,"method":"hello","params":[1,2]})") << badParams
        << QJsonValue(17) << QString() << none << false;
    QTest::newRow("params a string")
        << QByteArray(R"({"jsonrpc":"2.0","id":18,"method":"hello","params":"x"})") << badParams
        << QJsonValue(18) << QString() << none << false;
    QTest::newRow("params a number")
        << QByteArray(R"({"jsonrpc":"2.0","id":19,"method":"hello","params":0})") << badParams
        << QJsonValue(19) << QString() << none << false;

    const int parse = code(ErrorCode::ParseError);
    QTest::newRow("empty frame") << QByteArray() << parse << null << QString() << none << false;
    QTest::newRow("truncated") << QByteArray(R"({"jsonrpc":"2.0","id":20,"meth)") << parse << null
                               << QString() << none << false;
    QTest::newRow("single quotes")
        << QByteArray("{'jsonrpc':'2.0'}") << parse << null << QString() << none << false;
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"jsonrpc":"2.0","id":21,"method":"hello"}x)") << parse << null
        << QString() << none << false;
    QTest::newRow("two objects") << QByteArray(R"({"jsonrpc":"2.0","id":22,"method":"a"}{})")
                                 << parse << null << QString() << none << false;
    QTest::newRow("invalid UTF-8 in a string")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":23,\"method\":\"h\xff\xfe\"}") << parse << null
        << QString() << none << false;
    QTest::newRow("deeply nested") << QByteArray(5000, '[') + QByteArray(5000, ']') << parse << null
                                   << QString() << none << false;
}

void tst_JsonRpc::decodeSingle()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, errorCode);
    QFETCH(QJsonValue, answerId);
    QFETCH(QString, method);
    QFETCH(QJsonObject, params);
    QFETCH(bool, notification);

    const DecodedFrame decoded = decodeRequestFrame(frame);
    QVERIFY(!decoded.isBatch);
    QCOMPARE(decoded.items.size(), 1);
    const Decoded &item = decoded.items.first();
    QCOMPARE(item.id, answerId);
    if (errorCode != 0) {
        QVERIFY(!item.ok());
        QCOMPARE(item.error().code, errorCode);
        QVERIFY(!item.error().message.isEmpty());
        return;
    }
    QVERIFY2(item.ok(), why(item).constData());
    const Request &request = item.request();
    QCOMPARE(request.method, method);
    QCOMPARE(request.params, params);
    QCOMPARE(request.isNotification(), notification);
    if (!notification)
        QCOMPARE(request.id, answerId);
}

void tst_JsonRpc::scalarFrameIsInvalidRequest_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("string") << QByteArray(R"("hello")");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("true") << QByteArray("true");
}

// docs/control-protocol.md: -32700 is for "the line is not valid JSON", -32600 for "valid
// JSON but not a JSON-RPC 2.0 request". A bare JSON scalar is valid JSON (RFC 8259).
void tst_JsonRpc::scalarFrameIsInvalidRequest()
{
    QFETCH(QByteArray, frame);
    const DecodedFrame decoded = decodeRequestFrame(frame);
    QCOMPARE(decoded.items.size(), 1);
    QVERIFY(!decoded.items.first().ok());
    QCOMPARE(decoded.items.first().error().code, code(ErrorCode::InvalidRequest));
    QCOMPARE(decoded.items.first().id, QJsonValue(QJsonValue::Null));
}

void tst_JsonRpc::parseErrorNamesOffset()
{
    // The object ends at offset 30; the stray "x" is at offset 31.
    const DecodedFrame decoded = decodeRequestFrame(R"({"jsonrpc":"2.0","method":"x"} x)");
    QCOMPARE(decoded.items.size(), 1);
    const RpcError &error = decoded.items.first().error();
    QCOMPARE(error.code, code(ErrorCode::ParseError));
    QVERIFY2(error.message.contains(QLatin1String("offset 31")), qPrintable(error.message));
}

void tst_JsonRpc::batch()
{
    const DecodedFrame decoded = decodeRequestFrame(
        R"([{"jsonrpc":"2.0","id":1,"method":"account.get","params":{"name":"a"}},)"
        R"({"jsonrpc":"2.0","method":"log.unsubscribe"},)"
        R"({"jsonrpc":"2.0","id":"x","method":"domain.list"}])");
    QVERIFY(decoded.isBatch);
    QCOMPARE(decoded.items.size(), 3);
    for (const Decoded &item : decoded.items)
        QVERIFY(item.ok());
    QCOMPARE(decoded.items[0].request().method, QStringLiteral("account.get"));
    QCOMPARE(decoded.items[0].request().id, QJsonValue(1));
    QCOMPARE(decoded.items[0].request().params.value(QStringLiteral("name")),
             QJsonValue(QStringLiteral("a")));
    QVERIFY(decoded.items[1].request().isNotification());
    QCOMPARE(decoded.items[2].request().id, QJsonValue(QStringLiteral("x")));
    QCOMPARE(decoded.items[2].request().method, QStringLiteral("domain.list"));
}

void tst_JsonRpc::emptyBatch()
{
    const DecodedFrame decoded = decodeRequestFrame("[]");
    QVERIFY(!decoded.isBatch); // answered with a single error, not an empty array
    QCOMPARE(decoded.items.size(), 1);
    QVERIFY(!decoded.items.first().ok());
    QCOMPARE(decoded.items.first().error().code, code(ErrorCode::InvalidRequest));
    QCOMPARE(decoded.items.first().id, QJsonValue(QJsonValue::Null));
}

void tst_JsonRpc::batchWithBadElements()
{
    const DecodedFrame decoded = decodeRequestFrame(
        R"([1,{"jsonrpc":"2.0","id":2,"method":"hello"},"x",[],{"jsonrpc":"2.0","id":5}])");
    QVERIFY(decoded.isBatch);
    QCOMPARE(decoded.items.size(), 5);
    for (int i : {0, 2, 3}) {
        QVERIFY(!decoded.items[i].ok());
        QCOMPARE(decoded.items[i].error().code, code(ErrorCode::InvalidRequest));
        QCOMPARE(decoded.items[i].id, QJsonValue(QJsonValue::Null));
    }
    QVERIFY(decoded.items[1].ok());
    QCOMPARE(decoded.items[1].request().id, QJsonValue(2));
    QVERIFY(!decoded.items[4].ok());
    QCOMPARE(decoded.items[4].error().code, code(ErrorCode::InvalidRequest));
    QCOMPARE(decoded.items[4].id, QJsonValue(5));
}

void tst_JsonRpc::encodeRequestRoundTrip_data()
{
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonObject>("params");

    QTest::newRow("number id, params")
        << QJsonValue(7) << QStringLiteral("account.get")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("alice")}};
    QTest::newRow("string id, no params")
        << QJsonValue(QStringLiteral("req-1")) << QStringLiteral("hello") << QJsonObject();
    QTest::newRow("newlines and non-ASCII in params")
        << QJsonValue(8) << QStringLiteral("account.update")
        << QJsonObject{{QStringLiteral("fullName"), QStringLiteral("Zoë\nLine 2\r\u2028end")},
                       {QStringLiteral("mail"),
                        QJsonObject{{QStringLiteral("quotaBytes"), qint64(1) << 40}}}};
}

void tst_JsonRpc::encodeRequestRoundTrip()
{
    QFETCH(QJsonValue, id);
    QFETCH(QString, method);
    QFETCH(QJsonObject, params);

    const QByteArray line = encodeRequest(id, method, params);
    verifyOneCompactLine(line);
    const DecodedFrame decoded = decodeRequestFrame(line.chopped(1));
    QCOMPARE(decoded.items.size(), 1);
    QVERIFY2(decoded.items.first().ok(), why(decoded.items.first()).constData());
    const Request &request = decoded.items.first().request();
    QCOMPARE(request.id, id);
    QCOMPARE(request.method, method);
    QCOMPARE(request.params, params);
    QVERIFY(!request.isNotification());
}

void tst_JsonRpc::encodeNotificationRoundTrip()
{
    const QJsonObject params{{QStringLiteral("name"), QStringLiteral("alice")},
                             {QStringLiteral("change"), QStringLiteral("updated")}};
    const QByteArray line = encodeNotification(QStringLiteral("account.changed"), params);
    verifyOneCompactLine(line);
    QVERIFY(!parseObject(line).contains(QStringLiteral("id")));

    // The daemon's side reads it as a notification...
    const DecodedFrame decoded = decodeRequestFrame(line.chopped(1));
    QCOMPARE(decoded.items.size(), 1);
    QVERIFY(decoded.items.first().ok());
    QVERIFY(decoded.items.first().request().isNotification());
    QCOMPARE(decoded.items.first().request().params, params);

    // ...and so does a client.
    const Incoming in = common::control::decodeIncoming(line.chopped(1));
    QCOMPARE(in.kind, Incoming::Kind::Notification);
    QCOMPARE(in.method, QStringLiteral("account.changed"));
    QCOMPARE(in.params, params);
}

void tst_JsonRpc::encodeResultRoundTrip_data()
{
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<QJsonValue>("result");
    QTest::newRow("object") << QJsonValue(1)
                            << QJsonValue(QJsonObject{{QStringLiteral("subscribed"), true}});
    QTest::newRow("array") << QJsonValue(QStringLiteral("s"))
                           << QJsonValue(QJsonArray{1, QStringLiteral("two"), QJsonValue::Null});
    QTest::newRow("string with newline") << QJsonValue(2) << QJsonValue(QStringLiteral("a\nb"));
    QTest::newRow("null result") << QJsonValue(3) << QJsonValue(QJsonValue::Null);
    QTest::newRow("null id") << QJsonValue(QJsonValue::Null) << QJsonValue(true);
}

void tst_JsonRpc::encodeResultRoundTrip()
{
    QFETCH(QJsonValue, id);
    QFETCH(QJsonValue, result);

    const QByteArray line = encodeResult(id, result);
    verifyOneCompactLine(line);
    const QJsonObject o = parseObject(line);
    QCOMPARE(o.value(QStringLiteral("jsonrpc")), QJsonValue(QStringLiteral("2.0")));
    QVERIFY(o.contains(QStringLiteral("result")));
    QVERIFY(!o.contains(QStringLiteral("error")));

    const Incoming in = common::control::decodeIncoming(line.chopped(1));
    QCOMPARE(in.kind, Incoming::Kind::Response);
    QCOMPARE(in.id, id);
    QCOMPARE(in.result, result);
    QVERIFY(!in.error);
    QCOMPARE(encodeLine(resultObject(id, result)), line);
}

void tst_JsonRpc::encodeErrorRoundTrip()
{
    const RpcError error =
        RpcError::invalidField(QStringLiteral("name"), QStringLiteral("must be lower case"));
    QCOMPARE(error.code, code(ErrorCode::ValidationFailed));
    const QByteArray line = encodeError(QJsonValue(42), error);
    verifyOneCompactLine(line);
    const QJsonObject o = parseObject(line);
    QVERIFY(!o.contains(QStringLiteral("result")));

    const Incoming in = common::control::decodeIncoming(line.chopped(1));
    QCOMPARE(in.kind, Incoming::Kind::Response);
    QCOMPARE(in.id, QJsonValue(42));
    QVERIFY(in.error);
    QCOMPARE(in.error->code, error.code);
    QCOMPARE(in.error->message, error.message);
    QCOMPARE(in.error->data.value(QStringLiteral("field")), QJsonValue(QStringLiteral("name")));
    QCOMPARE(in.error->data, error.data);

    // Without data, no "data" member is written.
    const QByteArray bare = encodeError(
        QJsonValue::Null, RpcError(ErrorCode::FrameTooLarge, QStringLiteral("too big")));
    verifyOneCompactLine(bare);
    const QJsonObject bareError = parseObject(bare).value(QStringLiteral("error")).toObject();
    QCOMPARE(bareError.value(QStringLiteral("code")), QJsonValue(1006));
    QVERIFY(!bareError.contains(QStringLiteral("data")));
    QVERIFY(parseObject(bare).value(QStringLiteral("id")).isNull());
}

void tst_JsonRpc::encodeBatchAnswer()
{
    const QJsonArray answers{resultObject(1, QJsonObject{}),
                             errorObject(2, RpcError(ErrorCode::NotFound, QStringLiteral("no")))};
    const QByteArray line = encodeLine(answers);
    verifyOneCompactLine(line);
    QCOMPARE(QJsonDocument::fromJson(line).array(), answers);
}

void tst_JsonRpc::decodeIncoming_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<int>("errorCode"); // 0: no error
    QTest::addColumn<QString>("method");

    const int response = int(Incoming::Kind::Response);
    const int notification = int(Incoming::Kind::Notification);
    const int invalid = int(Incoming::Kind::Invalid);
    const QJsonValue undefinedId(QJsonValue::Undefined);

    QTest::newRow("result") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{"a":1}})")
                            << response << QJsonValue(1) << 0 << QString();
    QTest::newRow("error")
        << QByteArray(R"({"jsonrpc":"2.0","id":2,"error":{"code":1100,"message":"no"}})")
        << response << QJsonValue(2) << 1100 << QString();
    QTest::newRow("connection refusal")
        << QByteArray(R"({"jsonrpc":"2.0","id":null,"error":{"code":1003,"message":"no"}})")
        << response << QJsonValue(QJsonValue::Null) << 1003 << QString();
    QTest::newRow("notification")
        << QByteArray(R"({"jsonrpc":"2.0","method":"service.state","params":{"name":"smtp"}})")
        << notification << undefinedId << 0 << QStringLiteral("service.state");
    QTest::newRow("not JSON") << QByteArray("{") << invalid << undefinedId << 0 << QString();
    QTest::newRow("array") << QByteArray("[]") << invalid << undefinedId << 0 << QString();
    QTest::newRow("neither id nor method") << QByteArray(R"({"jsonrpc":"2.0","result":1})")
                                           << invalid << undefinedId << 0 << QString();
}

void tst_JsonRpc::decodeIncoming()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, kind);
    QFETCH(QJsonValue, id);
    QFETCH(int, errorCode);
    QFETCH(QString, method);

    const Incoming in = common::control::decodeIncoming(frame);
    QCOMPARE(int(in.kind), kind);
    QCOMPARE(in.method, method);
    if (in.kind == Incoming::Kind::Notification)
        QCOMPARE(in.params.value(QStringLiteral("name")), QJsonValue(QStringLiteral("smtp")));
    if (in.kind != Incoming::Kind::Response)
        return;
    QCOMPARE(in.id, id);
    QCOMPARE(in.error.has_value(), errorCode != 0);
    if (in.error)
        QCOMPARE(in.error->code, errorCode);
    else
        QCOMPARE(in.result, QJsonValue(QJsonObject{{QStringLiteral("a"), 1}}));
}

QTEST_APPLESS_MAIN(tst_JsonRpc)
#include "tst_jsonrpc.moc"
