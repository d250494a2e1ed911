// Unit tests of common::control::LineFramer: framing, line endings, the size limit, and
// resumption when the stream arrives in arbitrary pieces (down to one byte per feed).
// Security: the framer is the first code to see a control peer's bytes; these tests pin the
// promise that an oversized frame is reported once and never buffered past the limit.
#include "control/lineframer.h"

#include <QByteArrayList>
#include <QTest>

using common::control::LineFramer;

namespace {

// What a drain of the framer produced: each frame as itself, each TooLarge as this marker
// (which no frame can equal: frames never contain '\n').
const QByteArray kTooLarge = QByteArrayLiteral("<TooLarge>\n");

// Calls next() until NeedMore, appending what it returns to out.
void drain(LineFramer &framer, QByteArrayList &out)
{
    for (int guard = 0; guard < 1000000; ++guard) {
        const LineFramer::Result r = framer.next();
        switch (r.status) {
        case LineFramer::Status::NeedMore:
            return;
        case LineFramer::Status::TooLarge:
            out.append(kTooLarge);
            break;
        case LineFramer::Status::Frame:
            out.append(r.frame);
            break;
        }
    }
    QFAIL("next() never returned NeedMore");
}

// Feeds each piece in turn and drains after each one.
QByteArrayList run(qsizetype maxFrame, const QByteArrayList &feeds)
{
    LineFramer framer(maxFrame);
    QByteArrayList out;
    for (const QByteArray &piece : feeds) {
        framer.feed(piece);
        drain(framer, out);
    }
    return out;
}

QByteArrayList oneBytePieces(const QByteArray &input)
{
    QByteArrayList pieces;
    for (char c : input)
        pieces.append(QByteArray(1, c));
    return pieces;
}

} // namespace

class tst_LineFramer : public QObject
{
    Q_OBJECT

private slots:
    void nothingFedNeedsMore();
    void frames_data();
    void frames();
    void byteAtATime_data();
    void byteAtATime();
    void tooLargeReportedOncePerFrame();
    void oversizedStreamNeverBufferedPastLimit_data();
    void oversizedStreamNeverBufferedPastLimit();
    void manyOversizedLines();
    void largerLimitTakesEffect();
};

void tst_LineFramer::nothingFedNeedsMore()
{
    LineFramer framer(16);
    QCOMPARE(framer.next().status, LineFramer::Status::NeedMore);
    QCOMPARE(framer.buffered(), 0);
    framer.feed(QByteArrayView());
    QCOMPARE(framer.next().status, LineFramer::Status::NeedMore);
}

void tst_LineFramer::frames_data()
{
    QTest::addColumn<qsizetype>("maxFrame");
    QTest::addColumn<QByteArrayList>("feeds");
    QTest::addColumn<QByteArrayList>("expected");

    const QByteArray limit8 = QByteArrayLiteral("12345678");
    const QByteArray over8 = QByteArrayLiteral("123456789");

    QTest::newRow("LF") << qsizetype(64) << QByteArrayList{"hello\n"} << QByteArrayList{"hello"};
    QTest::newRow("CRLF") << qsizetype(64) << QByteArrayList{"hello\r\n"}
                          << QByteArrayList{"hello"};
    QTest::newRow("mixed endings")
        << qsizetype(64) << QByteArrayList{"a\r\nb\nc\r\n"} << QByteArrayList{"a", "b", "c"};
    QTest::newRow("no newline yet") << qsizetype(64) << QByteArrayList{"abc"} << QByteArrayList{};
    QTest::newRow("frame completed by later feed")
        << qsizetype(64) << QByteArrayList{"ab", "c", "\n"} << QByteArrayList{"abc"};
    QTest::newRow("CR and LF in separate feeds")
        << qsizetype(64) << QByteArrayList{"abc\r", "\n"} << QByteArrayList{"abc"};
    QTest::newRow("CR inside a frame is kept")
        << qsizetype(64) << QByteArrayList{"a\rb\n"} << QByteArrayList{"a\rb"};
    QTest::newRow("only the last CR is a terminator")
        << qsizetype(64) << QByteArrayList{"a\r\r\n"} << QByteArrayList{"a\r"};
    QTest::newRow("NUL inside a frame is kept")
        << qsizetype(64) << QByteArrayList{QByteArray("a\0b\n", 4)}
        << QByteArrayList{QByteArray("a\0b", 3)};
    QTest::newRow("empty lines skipped")
        << qsizetype(64) << QByteArrayList{"\n\r\n\na\n\r\n\nb\n\n"} << QByteArrayList{"a", "b"};
    QTest::newRow("only empty lines")
        << qsizetype(64) << QByteArrayList{"\n\n\r\n", "\n"} << QByteArrayList{};

    QTest::newRow("exactly at limit, LF")
        << qsizetype(8) << QByteArrayList{limit8 + "\n"} << QByteArrayList{limit8};
    QTest::newRow("exactly at limit, CRLF")
        << qsizetype(8) << QByteArrayList{limit8 + "\r\n"} << QByteArrayList{limit8};
    QTest::newRow("exactly at limit, LF in a later feed")
        << qsizetype(8) << QByteArrayList{limit8, "\n"} << QByteArrayList{limit8};
    // The terminator is not part of the frame, so it must not matter how it is split.
    QTest::newRow("exactly at limit, CR and LF in later feeds")
        << qsizetype(8) << QByteArrayList{limit8, "\r", "\n"} << QByteArrayList{limit8};
    QTest::newRow("exactly at limit, CRLF in a later feed")
        << qsizetype(8) << QByteArrayList{limit8, "\r\n"} << QByteArrayList{limit8};

    QTest::newRow("one over limit refused once, next frame works")
        << qsizetype(8) << QByteArrayList{over8 + "\nok\n"} << QByteArrayList{kTooLarge, "ok"};
    QTest::newRow("one over limit with CRLF")
        << qsizetype(8) << QByteArrayList{over8 + "\r\nok\r\n"} << QByteArrayList{kTooLarge, "ok"};
    QTest::newRow("oversized, newline in a later feed")
        << qsizetype(8) << QByteArrayList{"0123456789abc", "def\nok\n"}
        << QByteArrayList{kTooLarge, "ok"};
    QTest::newRow("oversized, newline alone in a later feed")
        << qsizetype(8) << QByteArrayList{"0123456789abc", "\n", "ok\n"}
        << QByteArrayList{kTooLarge, "ok"};
    QTest::newRow("oversized across many feeds")
        << qsizetype(8) << QByteArrayList{"0123456789", "abcdef", "ghij", "klm\r", "\nok\n"}
        << QByteArrayList{kTooLarge, "ok"};
    QTest::newRow("oversized tail then two frames in one feed")
        << qsizetype(8) << QByteArrayList{"0123456789", "xyz\nfirst\nsecond\n"}
        << QByteArrayList{kTooLarge, "first", "second"};
    QTest::newRow("frames around an oversized one")
        << qsizetype(8) << QByteArrayList{"a\n0123456789xyz\nb\n"}
        << QByteArrayList{"a", kTooLarge, "b"};
    QTest::newRow("two oversized in a row")
        << qsizetype(8) << QByteArrayList{"0123456789\n0123456789\nok\n"}
        << QByteArrayList{kTooLarge, kTooLarge, "ok"};
    QTest::newRow("frame after an oversized partial in the same feed")
        << qsizetype(8) << QByteArrayList{"ok\n0123456789", "\nok2\n"}
        << QByteArrayList{"ok", kTooLarge, "ok2"};

    QByteArray many;
    QByteArrayList manyExpected;
    for (int i = 0; i < 500; ++i) {
        const QByteArray frame = "frame-" + QByteArray::number(i);
        many += frame + (i % 2 ? "\r\n" : "\n");
        manyExpected.append(frame);
    }
    QTest::newRow("many frames in one feed")
        << qsizetype(64) << QByteArrayList{many} << manyExpected;
}

void tst_LineFramer::frames()
{
    QFETCH(qsizetype, maxFrame);
    QFETCH(QByteArrayList, feeds);
    QFETCH(QByteArrayList, expected);
    QCOMPARE(run(maxFrame, feeds), expected);
}

void tst_LineFramer::byteAtATime_data()
{
    QTest::addColumn<qsizetype>("maxFrame");
    QTest::addColumn<QByteArray>("input");

    QTest::newRow("requests") << qsizetype(1024)
                              << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\"}\n"
                                            "{\"jsonrpc\":\"2.0\",\"method\":\"log.entry\"}\r\n"
                                            "\n\r\n"
                                            "[{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"a\"}]\n");
    QTest::newRow("short frames") << qsizetype(4) << QByteArray("a\nbb\r\nccc\n\nddd\r\n");
    QTest::newRow("LF frames exactly at limit") << qsizetype(4) << QByteArray("abcd\nefgh\n");
    QTest::newRow("oversized frames between good ones")
        << qsizetype(4) << QByteArray("ok\nabcdefghij\nok2\nabcde\r\nok3\n");
    // Fails while the framer counts a pending '\r' against the limit (see frames()).
    QTest::newRow("CRLF frames exactly at limit") << qsizetype(4) << QByteArray("abcd\r\nefgh\r\n");
}

// Feeding the same stream one byte per feed must give exactly what one feed gives.
void tst_LineFramer::byteAtATime()
{
    QFETCH(qsizetype, maxFrame);
    QFETCH(QByteArray, input);

    const QByteArrayList whole = run(maxFrame, {input});
    QVERIFY(!whole.isEmpty());
    QCOMPARE(run(maxFrame, oneBytePieces(input)), whole);
}

void tst_LineFramer::tooLargeReportedOncePerFrame()
{
    LineFramer framer(8);
    framer.feed("0123456789");
    QCOMPARE(framer.next().status, LineFramer::Status::TooLarge);
    // Asking again, and feeding more of the same frame, reports nothing new.
    QCOMPARE(framer.next().status, LineFramer::Status::NeedMore);
    QCOMPARE(framer.next().status, LineFramer::Status::NeedMore);
    framer.feed("0123456789");
    QCOMPARE(framer.next().status, LineFramer::Status::NeedMore);
    QCOMPARE(framer.buffered(), 0);
    framer.feed("tail\nnext\n");
    const LineFramer::Result r = framer.next();
    QCOMPARE(r.status, LineFramer::Status::Frame);
    QCOMPARE(r.frame, QByteArray("next"));
    QCOMPARE(framer.next().status, LineFramer::Status::NeedMore);
}

void tst_LineFramer::oversizedStreamNeverBufferedPastLimit_data()
{
    QTest::addColumn<int>("chunk");
    QTest::newRow("1 byte") << 1;
    QTest::newRow("7 bytes") << 7;
    QTest::newRow("1000 bytes") << 1000;
    QTest::newRow("4096 bytes") << 4096;
}

// A peer streaming megabytes without a newline: memory stays bounded by the limit (plus at
// most the piece just fed, before next() looks at it), TooLarge comes once, and the
// connection is usable again after the newline.
void tst_LineFramer::oversizedStreamNeverBufferedPastLimit()
{
    QFETCH(int, chunk);
    const qsizetype limit = 1024;
    const qsizetype total = chunk == 1 ? 64 * 1024 : 4 * 1024 * 1024;
    LineFramer framer(limit);
    const QByteArray piece(chunk, 'x');
    QByteArrayList out;
    for (qsizetype sent = 0; sent < total; sent += chunk) {
        framer.feed(piece);
        QVERIFY2(
            framer.buffered() <= limit + chunk,
            qPrintable(
                QStringLiteral("buffered %1 after %2 bytes").arg(framer.buffered()).arg(sent)));
        drain(framer, out);
        QVERIFY2(
            framer.buffered() <= limit,
            qPrintable(
                QStringLiteral("buffered %1 after %2 bytes").arg(framer.buffered()).arg(sent)));
    }
    QCOMPARE(out, QByteArrayList{kTooLarge});
    framer.feed("end of the big one\nsmall\n");
    drain(framer, out);
    QCOMPARE(out, (QByteArrayList{kTooLarge, "small"}));
    QCOMPARE(framer.buffered(), 0);
}

void tst_LineFramer::manyOversizedLines()
{
    const qsizetype limit = 100;
    LineFramer framer(limit);
    QByteArrayList out;
    const QByteArray line = QByteArray(limit + 1, 'y') + '\n';
    for (int i = 0; i < 1000; ++i) {
        framer.feed(line);
        drain(framer, out);
        QVERIFY(framer.buffered() <= limit);
    }
    QCOMPARE(out.size(), 1000);
    QCOMPARE(out.count(kTooLarge), 1000);
}

void tst_LineFramer::largerLimitTakesEffect()
{
    LineFramer framer(4);
    framer.setMaxFrameBytes(8);
    framer.feed("12345678\n123456789\n");
    QByteArrayList out;
    drain(framer, out);
    QCOMPARE(out, (QByteArrayList{"12345678", kTooLarge}));
}

QTEST_APPLESS_MAIN(tst_LineFramer)
#include "tst_lineframer.moc"
