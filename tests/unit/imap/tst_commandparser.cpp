// Unit tests of maild::imap::CommandParser: a table of command streams and the events they
// produce, each replayed whole, one byte at a time and in pseudo-random pieces; the limits
// ([TOOBIG] before a synchronizing literal is sent, LITERAL+ skipped in sync) and resync.
// Security: pins the parser's promises about hostile input (TESTING.md, IMAP list).
#include "imap/grammar/commandparser.h"

#include <QByteArrayList>
#include <QRandomGenerator>
#include <QTest>

using maild::imap::Command;
using maild::imap::CommandParser;
using maild::imap::ParserLimits;
using maild::imap::Token;

namespace {

QByteArray render(const Token &t)
{
    switch (t.type) {
    case Token::Type::Atom:
        return "a:" + t.value;
    case Token::Type::SequenceSet:
        return "s:" + t.value;
    case Token::Type::Quoted:
        return "q:" + t.value;
    case Token::Type::Literal:
        return (t.nonSynchronizing ? "l+:" : "l:") + t.value;
    case Token::Type::Nil:
        return "NIL";
    case Token::Type::List: {
        QByteArrayList items;
        for (const Token &c : t.children)
            items.append(render(c));
        return '(' + items.join(' ') + ')';
    }
    }
    return "?";
}

// Feeds the pieces in order and records each event: "tag NAME arg...", "+", "ERR <response>".
QByteArrayList run(const QByteArrayList &pieces, const ParserLimits &limits = ParserLimits(),
                   bool authenticated = true)
{
    CommandParser parser(limits);
    parser.setAuthenticated(authenticated);
    QByteArrayList events;
    for (const QByteArray &piece : pieces) {
        QByteArrayView rest(piece);
        for (int guard = 0; guard < 100000; ++guard) {
            qsizetype used = 0;
            const CommandParser::Status s = parser.feed(rest, used);
            if (used < 0 || used > rest.size())
                return {"BAD CONSUMED"};
            rest = rest.sliced(used);
            if (s == CommandParser::Status::Command) {
                const Command c = parser.takeCommand();
                QByteArray line = c.tag + ' ' + c.name;
                for (const Token &t : c.arguments)
                    line += ' ' + render(t);
                events.append(line);
            } else if (s == CommandParser::Status::NeedContinuation) {
                events.append("+");
            } else if (s == CommandParser::Status::Error) {
                events.append("ERR " + parser.error().response());
            } else if (rest.isEmpty()) {
                break;
            }
        }
    }
    return events;
}

QByteArrayList bytes(const QByteArray &input)
{
    QByteArrayList out;
    for (char c : input)
        out.append(QByteArray(1, c));
    return out;
}

QByteArrayList randomPieces(const QByteArray &input, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArrayList out;
    qsizetype pos = 0;
    while (pos < input.size()) {
        const qsizetype n = qMin<qsizetype>(input.size() - pos, rng.bounded(1, 9));
        out.append(input.mid(pos, n));
        pos += n;
    }
    return out;
}

ParserLimits small()
{
    ParserLimits l;
    l.maxLineBytes = 40;
    l.maxLiteralBytes = 10;
    l.maxOtherLiteralBytes = 10;
    l.maxDepth = 3;
    l.maxArguments = 6;
    return l;
}

} // namespace

class tst_CommandParser : public QObject
{
    Q_OBJECT

private slots:
    void table_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArrayList>("expected");
        QTest::addColumn<bool>("smallLimits");

        auto row = [](const char *name, const QByteArray &in, const QByteArrayList &out,
                      bool lim = false) { QTest::newRow(name) << in << out << lim; };
        row("noop", "a1 NOOP\r\n", {"a1 NOOP"});
        row("name upper-cased", "x.2 noop\r\n", {"x.2 NOOP"});
        row("bare LF", "a1 NOOP\n", {"a1 NOOP"});
        row("empty line ignored", "\r\n\r\na NOOP\r\n", {"a NOOP"});
        row("two pipelined", "a NOOP\r\nb CAPABILITY\r\n", {"a NOOP", "b CAPABILITY"});
        row("quoted escapes", "a LOGIN joe \"se\\\"c\\\\ret\"\r\n",
            {"a LOGIN a:joe q:se\"c\\ret"});
        row("empty quoted", "a LOGIN \"\" \"\"\r\n", {"a LOGIN q: q:"});
        row("8-bit quoted", "a SELECT \"caf\xc3\xa9\"\r\n", {"a SELECT q:caf\xc3\xa9"});
        row("sync literals", "a LOGIN {3}\r\njoe {6}\r\nsec\r\nt\r\n",
            {"+", "+", "a LOGIN l:joe l:sec\r\nt"});
        row("literal+", "a APPEND INBOX (\\Seen) {5+}\r\nhello\r\n",
            {"a APPEND a:INBOX (a:\\Seen) l+:hello"});
        row("empty literal", "a LOGIN {0}\r\n {0+}\r\n\r\n", {"+", "a LOGIN l: l+:"});
        row("literal holds brace and quote", "a X {4}\r\n{1}\"\r\n",
            {"+", "a X l:{1}\""});
        row("NIL and lists", "a X NIL nil (a (b NIL) ()) \"NIL\"\r\n",
            {"a X NIL NIL (a:a (a:b NIL) ()) q:NIL"});
        row("sequence sets", "a FETCH 1:*,5 (FLAGS UID)\r\n",
            {"a FETCH s:1:*,5 (a:FLAGS a:UID)"});
        row("number stays atom", "a FETCH 7 FLAGS\r\n", {"a FETCH a:7 a:FLAGS"});
        row("section with list", "a UID FETCH 1 (BODY.PEEK[HEADER.FIELDS (From To)]<0.100>)\r\n",
            {"a UID a:FETCH a:1 (a:BODY.PEEK[HEADER.FIELDS (From To)]<0.100>)"});
        row("list wildcards", "a LIST \"\" %/*\r\n", {"a LIST q: a:%/*"});
        row("trailing space tolerated", "a NOOP \r\n", {"a NOOP"});

        row("missing command", "a1\r\nb NOOP\r\n",
            {"ERR a1 BAD Missing command", "b NOOP"});
        row("invalid tag", "+x NOOP\r\n", {"ERR * BAD Missing or invalid tag"});
        row("tag with star", "a* NOOP\r\n", {"ERR * BAD Missing command"});
        row("unterminated quoted", "a LOGIN \"joe\r\nb NOOP\r\n",
            {"ERR a BAD Unterminated quoted string", "b NOOP"});
        row("bad escape", "a LOGIN \"j\\oe\" x\r\n", {"ERR a BAD Invalid escape in quoted string"});
        row("NUL in quoted", QByteArray("a LOGIN \"j\0e\" x\r\n", 18),
            {"ERR a BAD NUL in quoted string"});
        row("NUL in atom", QByteArray("a LOGIN j\0e x\r\n", 15),
            {"ERR a BAD Expected a space between arguments"});
        row("stray paren", "a X )\r\n", {"ERR a BAD Unexpected )"});
        row("unterminated list", "a X (a b\r\n", {"ERR a BAD Unterminated list"});
        // "[" and "]" are ASTRING-CHARs: a section that never closes is a plain atom, and
        // FETCH (not the reader) refuses BODY[HEADER.
        row("unclosed section is an atom", "a FETCH 1 BODY[HEADER\r\n", {"a FETCH a:1 a:BODY[HEADER"});
        row("mailbox with [", "a CREATE a[b\r\n", {"a CREATE a:a[b"});
        row("mailbox with ]", "a SELECT a]b\r\n", {"a SELECT a:a]b"});
        row("list pattern with [", "a LIST \"\" a[b%\r\n", {"a LIST q: a:a[b%"});
        row("unclosed [ then a list", "a X a[b (c)\r\n", {"a X a:a[b (a:c)"});
        row("closed section keeps its spaces", "a X b[c d]e f\r\n", {"a X a:b[c d]e a:f"});
        row("literal mid-line", "a X {3} y\r\n", {"ERR a BAD Invalid literal"});
        row("NUL in sync literal", QByteArray("a X {3}\r\na\0b rest\r\nb NOOP\r\n", 27),
            {"+", "ERR a BAD NUL in literal", "b NOOP"});

        row("too deep", "a X ((((a))))\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Lists nested too deeply", "b NOOP"}, true);
        row("depth at limit", "a X (((a)))\r\n", {"a X (((a:a)))"}, true);
        row("too many arguments", "a X 1 2 3 4 5 6 7\r\n",
            {"ERR a BAD [TOOBIG] Too many arguments"}, true);
        row("line too long", "a X " + QByteArray(60, 'x') + "\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Command line too long", "b NOOP"}, true);
        row("sync literal too big: refused before it is sent", "a APPEND box {11}\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Literal too big", "b NOOP"}, true);
        row("literal+ too big: skipped in sync",
            "a APPEND box {11+}\r\nb NOOP\r\nxyz tail\r\nc NOOP\r\n",
            {"ERR a BAD [TOOBIG] Literal too big", "c NOOP"}, true);
        row("literals add up", "a X {6}\r\n123456 {5}\r\nb NOOP\r\n",
            {"+", "ERR a BAD [TOOBIG] Literal too big", "b NOOP"}, true);
        row("huge literal size", "a X {99999999999999999999999}\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Literal too big", "b NOOP"}, true);
        row("literal at limit", "a X {10}\r\n0123456789\r\n", {"+", "a X l:0123456789"}, true);
        // Only APPEND may carry a large literal; a name, a password, a search string may not.
        row("APPEND takes a large literal", "a APPEND box {70000}\r\n", {"+"});
        row("append in any case", "a append box {70000}\r\n", {"+"});
        row("other commands refuse it before it is sent", "a SELECT {70000}\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Literal too big", "b NOOP"});
        row("APPENDX is no APPEND", "a APPENDX box {70000}\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Literal too big", "b NOOP"});
        row("other commands, LITERAL+ skipped", "a LOGIN {70000+}\r\n" + QByteArray(70000, 'p') + " x\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Literal too big", "b NOOP"});
        // RFC 7888 3: a LITERAL+ literal announced by a refused over-long line is part of it.
        row("literal+ after an over-long line is skipped too",
            "a X " + QByteArray(60, 'x') + " {11+}\r\nZ9 LOGOUT\r\n\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Command line too long", "b NOOP"}, true);
        row("literal+ after NUL in a literal is skipped too",
            QByteArray("a X {3}\r\na\0b {11+}\r\nZ9 LOGOUT\r\n\r\nb NOOP\r\n", 41),
            {"+", "ERR a BAD NUL in literal", "b NOOP"});
        row("a sync literal after an over-long line is not awaited",
            "a X " + QByteArray(60, 'x') + " {5}\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Command line too long", "b NOOP"}, true);
    }

    void table()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArrayList, expected);
        QFETCH(bool, smallLimits);
        const ParserLimits limits = smallLimits ? small() : ParserLimits();
        QCOMPARE(run({input}, limits), expected);
        QCOMPARE(run(bytes(input), limits), expected);
        for (quint32 seed = 1; seed <= 20; ++seed)
            QCOMPARE(run(randomPieces(input, seed), limits), expected);
    }

    void rawLines()
    {
        // AUTHENTICATE: the command, then a raw SASL response line, then commands again.
        CommandParser parser(small());
        const QByteArray input("a AUTHENTICATE PLAIN\r\nAGpvZQBzZWNyZXQ=\r\nb NOOP\r\n");
        QByteArrayView rest(input);
        qsizetype used = 0;
        QCOMPARE(parser.feed(rest, used), CommandParser::Status::Command);
        QCOMPARE(parser.takeCommand().name, QByteArray("AUTHENTICATE"));
        rest = rest.sliced(used);
        parser.expectLine();
        QCOMPARE(parser.feed(rest.first(5), used), CommandParser::Status::NeedMore);
        rest = rest.sliced(used);
        QCOMPARE(parser.feed(rest, used), CommandParser::Status::Line);
        QCOMPARE(parser.takeLine(), QByteArray("AGpvZQBzZWNyZXQ="));
        rest = rest.sliced(used);
        QCOMPARE(parser.feed(rest, used), CommandParser::Status::Command);
        QCOMPARE(parser.takeCommand().tag, QByteArray("b"));

        // An over-long response line is refused with [TOOBIG] and skipped.
        parser.expectLine();
        const QByteArray longLine = QByteArray(100, 'x') + "\r\nc NOOP\r\n";
        rest = QByteArrayView(longLine);
        QCOMPARE(parser.feed(rest, used), CommandParser::Status::Error);
        QCOMPARE(parser.error().response(), QByteArray("* BAD [TOOBIG] Line too long"));
        rest = rest.sliced(used);
        QCOMPARE(parser.feed(rest, used), CommandParser::Status::Command);
        QCOMPARE(parser.takeCommand().tag, QByteArray("c"));
    }

    void beforeAuthentication_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArrayList>("expected");
        auto row = [](const char *name, const QByteArray &in, const QByteArrayList &out) {
            QTest::newRow(name) << in << out;
        };
        // RFC 7888 LITERAL-: before login no literal (nor all of one command's together) is
        // over 4096 octets, APPEND's neither; the client is told before it sends one.
        row("a password literal fits", "a LOGIN joe {12}\r\nsecret-words\r\n", {"+", "a LOGIN a:joe l:secret-words"});
        row("at the bound", "a LOGIN {4096+}\r\n" + QByteArray(4096, 'u') + " x\r\n",
            {"a LOGIN l+:" + QByteArray(4096, 'u') + " a:x"});
        row("over it, synchronizing: refused before it is sent", "a LOGIN {4097}\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Literal too big", "b NOOP"});
        row("APPEND too", "a APPEND INBOX {70000}\r\nb NOOP\r\n", {"ERR a BAD [TOOBIG] Literal too big", "b NOOP"});
        row("over it, LITERAL+: refused and skipped", "a LOGIN {5000+}\r\n" + QByteArray(5000, 'p') + " x\r\nb NOOP\r\n",
            {"ERR a BAD [TOOBIG] Literal too big", "b NOOP"});
        row("together over it", "a LOGIN {3000}\r\n" + QByteArray(3000, 'u') + " {3000}\r\nb NOOP\r\n",
            {"+", "ERR a BAD [TOOBIG] Literal too big", "b NOOP"});
    }

    void beforeAuthentication()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArrayList, expected);
        QCOMPARE(run({input}, ParserLimits(), false), expected);
        for (quint32 seed = 1; seed <= 5; ++seed)
            QCOMPARE(run(randomPieces(input, seed), ParserLimits(), false), expected);
    }

    void hugeLiteralPlusRefusedAtOnce()
    {
        // APPEND {4294967295+}: [TOOBIG] as soon as the line is read, not after 4 GiB.
        CommandParser parser;
        parser.setAuthenticated(true);
        const QByteArray input("a APPEND INBOX {4294967295+}\r\n");
        qsizetype used = 0;
        QCOMPARE(parser.feed(input, used), CommandParser::Status::Error);
        QCOMPARE(used, input.size());
        QCOMPARE(parser.error().response(), QByteArray("a BAD [TOOBIG] Literal too big"));
        // what follows is the literal's, skipped without a word
        QCOMPARE(parser.feed(QByteArray(100000, 'x'), used), CommandParser::Status::NeedMore);
        QCOMPARE(used, 100000);
    }

    void largeAppendLiteralGoesToTheSink()
    {
        struct Sink : maild::imap::LiteralSink
        {
            QByteArray got;
            void write(QByteArrayView bytes) override { got.append(bytes); }
        };
        std::shared_ptr<Sink> sink;
        ParserLimits limits;
        limits.streamLiteralsFrom = 100;
        CommandParser parser(limits);
        parser.setAuthenticated(true);
        qint64 asked = 0;
        parser.setSinkFactory([&](qint64 size) {
            asked = size;
            sink = std::make_shared<Sink>();
            return sink;
        });
        const QByteArray message = QByteArray(500, 'm');
        const QByteArray input = "a APPEND {5}\r\nINBOX (\\Seen) {500+}\r\n" + message + "\r\n";
        QByteArrayView rest(input);
        qsizetype used = 0;
        QCOMPARE(parser.feed(rest, used), CommandParser::Status::NeedContinuation);
        QVERIFY(!sink); // the mailbox name is small: memory
        rest = rest.sliced(used);
        CommandParser::Status status = CommandParser::Status::NeedMore;
        while (!rest.isEmpty() && status == CommandParser::Status::NeedMore) {
            status = parser.feed(rest.first(qMin<qsizetype>(7, rest.size())), used);
            rest = rest.sliced(used);
        }
        QCOMPARE(status, CommandParser::Status::Command);
        const Command c = parser.takeCommand();
        QCOMPARE(asked, 500);
        QVERIFY(sink);
        QCOMPARE(sink->got, message);
        QCOMPARE(c.arguments.size(), 3);
        QCOMPARE(c.arguments[0].value, QByteArray("INBOX"));
        QVERIFY(!c.arguments[0].streamed);
        QCOMPARE(c.arguments[2].streamed, std::static_pointer_cast<maild::imap::LiteralSink>(sink));
        QVERIFY(c.arguments[2].value.isEmpty());
        QCOMPARE(c.arguments[2].literalSize, 500);
    }

    void streamedLiteralWithNulIsDropped()
    {
        struct Sink : maild::imap::LiteralSink
        {
            void write(QByteArrayView) override {}
        };
        std::weak_ptr<Sink> made;
        ParserLimits limits;
        limits.streamLiteralsFrom = 4;
        CommandParser parser(limits);
        parser.setAuthenticated(true);
        parser.setSinkFactory([&](qint64) {
            auto sink = std::make_shared<Sink>();
            made = sink;
            return sink;
        });
        const QByteArray input("a APPEND INBOX {6+}\r\nab\0cde\r\n", 28);
        qsizetype used = 0;
        QCOMPARE(parser.feed(input, used), CommandParser::Status::Error);
        QCOMPARE(parser.error().response(), QByteArray("a BAD NUL in literal"));
        QVERIFY(made.expired());
    }

    void consumedStopsAtContinuation()
    {
        // The parser must hand back control right after "{3}\r\n", before the literal.
        CommandParser parser;
        const QByteArray input("a LOGIN {3}\r\njoe x\r\n");
        qsizetype used = 0;
        QCOMPARE(parser.feed(input, used), CommandParser::Status::NeedContinuation);
        QCOMPARE(used, input.indexOf('\n') + 1);
    }

    void oversizedLiteralPlusNotBuffered()
    {
        // A 1 MB LITERAL+ over a 10-byte limit is skipped, never stored.
        const QByteArray input = "a APPEND x {1000000+}\r\n" + QByteArray(1000000, 'z')
            + " more\r\nb NOOP\r\n";
        QCOMPARE(run({input}, small()),
                 QByteArrayList({"ERR a BAD [TOOBIG] Literal too big", "b NOOP"}));
    }

    void hugeSequenceSetKeptAsText()
    {
        const QByteArrayList events = run({"a FETCH 1:4294967295 FLAGS\r\n"});
        QCOMPARE(events, QByteArrayList({"a FETCH s:1:4294967295 a:FLAGS"}));
    }

    void tokenNumbers()
    {
        Token t;
        t.value = "4294967295";
        QVERIFY(t.isNumber());
        QCOMPARE(t.number(), 4294967295u);
        t.value = "4294967296";
        QVERIFY(!t.isNumber());
        t.value = "12a";
        QVERIFY(!t.isNumber());
    }
};

QTEST_APPLESS_MAIN(tst_CommandParser)
#include "tst_commandparser.moc"
