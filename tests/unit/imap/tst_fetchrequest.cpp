// Unit tests of maild::imap::FetchRequest and FetchSection: FETCH items as the command parser
// tokenizes them (macros, plain items, BODY[...]<o.c>, BODY.PEEK, RFC822.*, MODSEQ,
// CHANGEDSINCE) with the response names and the refusals; section lookup in nested
// multiparts and message/rfc822 parts; HEADER.FIELDS(.NOT) filtering; partial ranges.
// Security: malformed items must become error values with a reason, never a crash.
#include "imap/grammar/commandparser.h"
#include "imap/grammar/fetchrequest.h"
#include "imap/grammar/fetchsection.h"
#include "imap/grammar/mimeparser.h"

#include <QTest>

using namespace maild::imap;

namespace {

QByteArray crlf(const char *text)
{
    return QByteArray(text).replace("\n", "\r\n");
}

// Tokenizes "A FETCH 1 <items>" and parses the items: the response names (PEEK items marked
// with a leading '~'), or "ERROR: text".
QByteArray parseItems(const QByteArray &items)
{
    CommandParser parser;
    const QByteArray line = "A FETCH 1 " + items + "\r\n";
    qsizetype used = 0;
    if (parser.feed(line, used) != CommandParser::Status::Command)
        return "TOKENIZER: " + parser.error().text;
    const Command c = parser.takeCommand();
    QByteArray error;
    const auto request = FetchRequest::parse(c.arguments, 1, &error);
    if (!request)
        return "ERROR: " + error;
    QByteArray out;
    for (const FetchItem &item : request->items)
        out += (out.isEmpty() ? "" : " ") + QByteArray(item.peek ? "~" : "") + item.responseName();
    if (request->changedSince)
        out += " CHANGEDSINCE=" + QByteArray::number(*request->changedSince);
    return out;
}

// The bytes a section names in message (with its partial), "<none>" when the spec is refused.
QByteArray sectionBytes(const QByteArray &message, const QByteArray &spec,
                        std::optional<FetchPartial> partial = std::nullopt)
{
    const auto section = FetchSection::parse(spec, nullptr);
    if (!section)
        return "<none>";
    const MimeParser parser;
    const MimePart root =
        section->needsStructure() ? parser.parse(message) : parser.parseHeaderOnly(message);
    const SectionData data = applyPartial(locateSection(*section, root, message), partial);
    return data.isBuilt ? data.built : message.mid(data.offset, data.length);
}

const char *const kPlain = "From: Alice <alice@example.org>\n"
                           "To: bob@example.com,\n"
                           " carol@example.com\n"
                           "Subject: Hello\n"
                           "X-Spam: no\n"
                           "subject: second\n"
                           "\n"
                           "Hi Bob,\n"
                           "bye\n";

// 1 text/plain, 2 application/octet-stream, 3 message/rfc822 (3.1 text, 3.2 html),
// 4 multipart/mixed (4.1 image/gif, 4.2 message/rfc822 with a plain body).
const char *const kComplex = "Subject: outer\n"
                             "Content-Type: multipart/mixed; boundary=o\n"
                             "\n"
                             "preamble\n"
                             "--o\n"
                             "Content-Type: text/plain\n"
                             "\n"
                             "part one\n"
                             "--o\n"
                             "Content-Type: application/octet-stream\n"
                             "\n"
                             "AAAA\n"
                             "--o\n"
                             "Content-Type: message/rfc822\n"
                             "\n"
                             "Subject: inner\n"
                             "From: x@y.z\n"
                             "Content-Type: multipart/alternative; boundary=i\n"
                             "\n"
                             "--i\n"
                             "\n"
                             "inner text\n"
                             "--i\n"
                             "Content-Type: text/html\n"
                             "\n"
                             "<p>inner</p>\n"
                             "--i--\n"
                             "--o\n"
                             "Content-Type: multipart/mixed; boundary=m\n"
                             "\n"
                             "--m\n"
                             "Content-Type: image/gif\n"
                             "Content-Transfer-Encoding: base64\n"
                             "\n"
                             "R0lG\n"
                             "--m\n"
                             "Content-Type: message/rfc822\n"
                             "\n"
                             "Subject: deep\n"
                             "\n"
                             "deep body\n"
                             "--m--\n"
                             "--o--\n"
                             "epilogue\n";

} // namespace

class tst_FetchRequest : public QObject
{
    Q_OBJECT

private slots:
    void items_data()
    {
        QTest::addColumn<QByteArray>("items");
        QTest::addColumn<QByteArray>("expected");
        auto row = [](const char *name, const char *items, const char *expected) {
            QTest::newRow(name) << QByteArray(items) << QByteArray(expected);
        };
        row("ALL", "ALL", "FLAGS INTERNALDATE RFC822.SIZE ENVELOPE");
        row("fast lower", "fast", "FLAGS INTERNALDATE RFC822.SIZE");
        row("FULL", "FULL", "FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY");
        row("single", "flags", "FLAGS");
        row("list", "(UID FLAGS ENVELOPE INTERNALDATE RFC822.SIZE BODYSTRUCTURE BODY MODSEQ)",
            "UID FLAGS ENVELOPE INTERNALDATE RFC822.SIZE BODYSTRUCTURE BODY MODSEQ");
        row("duplicates", "(FLAGS flags UID FLAGS)", "FLAGS UID");
        row("rfc822", "(RFC822 RFC822.HEADER RFC822.TEXT)", "RFC822 ~RFC822.HEADER RFC822.TEXT");
        row("body[]", "BODY[]", "BODY[]");
        row("peek", "BODY.PEEK[]", "~BODY[]");
        row("peek lower", "body.peek[header]", "~BODY[HEADER]");
        row("text", "BODY[TEXT]", "BODY[TEXT]");
        row("part", "BODY[1.2.3]", "BODY[1.2.3]");
        row("part header", "BODY[1.2.HEADER]", "BODY[1.2.HEADER]");
        row("part text", "BODY[3.text]", "BODY[3.TEXT]");
        row("part mime", "BODY[4.1.MIME]", "BODY[4.1.MIME]");
        row("fields", "BODY.PEEK[HEADER.FIELDS (From To)]", "~BODY[HEADER.FIELDS (FROM TO)]");
        row("fields quoted", "BODY[HEADER.FIELDS (\"Subject\" X-Foo)]",
            "BODY[HEADER.FIELDS (SUBJECT X-FOO)]");
        row("fields not", "BODY[1.HEADER.FIELDS.NOT (Received)]",
            "BODY[1.HEADER.FIELDS.NOT (RECEIVED)]");
        row("partial", "BODY[]<0.100>", "BODY[]<0>");
        row("partial origin", "BODY.PEEK[TEXT]<1024.4096>", "~BODY[TEXT]<1024>");
        row("partial max", "BODY[]<4294967295.4294967295>", "BODY[]<4294967295>");
        row("partial leading zero origin", "BODY[]<007.1>", "BODY[]<7>");
        row("two sections", "(BODY[1] BODY.PEEK[1] BODY[1]<0.10>)", "BODY[1] ~BODY[1] BODY[1]<0>");
        row("thunderbird",
            "(UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (From To Cc Bcc Subject Date "
            "Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type "
            "Reply-To)])",
            "UID RFC822.SIZE FLAGS ~BODY[HEADER.FIELDS (FROM TO CC BCC SUBJECT DATE MESSAGE-ID "
            "PRIORITY X-PRIORITY REFERENCES NEWSGROUPS IN-REPLY-TO CONTENT-TYPE REPLY-TO)]");
        row("changedsince", "(FLAGS) (CHANGEDSINCE 12345)", "FLAGS MODSEQ CHANGEDSINCE=12345");
        row("changedsince big", "(FLAGS MODSEQ) (changedsince 9223372036854775807)",
            "FLAGS MODSEQ CHANGEDSINCE=9223372036854775807");

        row("unknown", "FOO", "ERROR: Unknown FETCH data item: FOO");
        row("unknown in list", "(FLAGS BINARY[1])",
            "ERROR: Unknown FETCH data item or no section allowed: BINARY[1]");
        row("macro in list", "(ALL)", "ERROR: The macro ALL cannot be combined with other items");
        row("empty list", "()", "ERROR: Empty list of FETCH data items");
        row("quoted item", "\"FLAGS\"", "ERROR: Invalid FETCH data item: FLAGS");
        row("nil item", "NIL", "ERROR: Invalid FETCH data item: NIL");
        row("number item", "1:2", "ERROR: Invalid FETCH data item: 1:2");
        row("nested list", "(FLAGS (UID))", "ERROR: Invalid FETCH data item: ");
        row("peek without section", "BODY.PEEK",
            "ERROR: BODY.PEEK needs a section: BODY.PEEK[...]");
        row("section on flags", "FLAGS[]",
            "ERROR: Unknown FETCH data item or no section allowed: FLAGS[]");
        row("section on rfc822", "RFC822[]",
            "ERROR: Unknown FETCH data item or no section allowed: RFC822[]");
        row("partial without section", "BODY<0.10>",
            "ERROR: A partial <origin.count> only follows BODY[...]: BODY<0.10>");
        row("zero part", "BODY[0]",
            "ERROR: Section part numbers start at 1, without leading zeros in BODY[0]");
        row("leading zero part", "BODY[01]",
            "ERROR: Section part numbers start at 1, without leading zeros in BODY[01]");
        row("huge part", "BODY[4294967296]",
            "ERROR: Section part number too large in BODY[4294967296]");
        row("trailing dot", "BODY[1.]", "ERROR: Section ends with '.' in BODY[1.]");
        row("double dot", "BODY[1..2]", "ERROR: Empty section part number in BODY[1..2]");
        row("bad part", "BODY[1a]", "ERROR: Invalid section part number in BODY[1a]");
        row("mime top", "BODY[MIME]",
            "ERROR: MIME needs a part number (BODY[1.MIME]) in BODY[MIME]");
        row("bad text", "BODY[HEADERS]",
            "ERROR: Unknown section (expected a part number, HEADER, HEADER.FIELDS, "
            "HEADER.FIELDS.NOT, TEXT or MIME) in BODY[HEADERS]");
        row("fields without list", "BODY[HEADER.FIELDS]",
            "ERROR: HEADER.FIELDS needs a list of field names in BODY[HEADER.FIELDS]");
        row("fields empty", "BODY[HEADER.FIELDS ()]",
            "ERROR: Empty list of header field names in BODY[HEADER.FIELDS ()]");
        row("fields atom", "BODY[HEADER.FIELDS From]",
            "ERROR: HEADER.FIELDS needs a parenthesized list of field names in "
            "BODY[HEADER.FIELDS From]");
        row("fields two spaces", "BODY[HEADER.FIELDS (From  To)]",
            "ERROR: Empty or invalid header field name in BODY[HEADER.FIELDS (From  To)]");
        row("fields colon", "BODY[HEADER.FIELDS (\"From:\")]",
            "ERROR: Invalid character in a header field name in BODY[HEADER.FIELDS (\"From:\")]");
        row("fields empty name", "BODY[HEADER.FIELDS (\"\")]",
            "ERROR: Empty or invalid header field name in BODY[HEADER.FIELDS (\"\")]");
        row("fields after list", "BODY[HEADER.FIELDS (From) x]",
            "ERROR: Unexpected text after the list of header field names in BODY[HEADER.FIELDS "
            "(From) x]");
        row("fields nested list", "BODY[HEADER.FIELDS ((From))]",
            "ERROR: Empty or invalid header field name in BODY[HEADER.FIELDS ((From))]");
        row("text after section", "BODY[]x",
            "ERROR: Expected <origin.count> after the section of BODY[]x");
        row("partial no count", "BODY[]<0>",
            "ERROR: Expected <origin.count> after the section of BODY[]<0>");
        row("partial zero count", "BODY[]<0.0>",
            "ERROR: Invalid partial count (1 to 4294967295) in BODY[]<0.0>");
        row("partial huge", "BODY[]<4294967296.1>",
            "ERROR: Invalid partial origin in BODY[]<4294967296.1>");
        row("partial negative", "BODY[]<-1.5>", "ERROR: Invalid partial origin in BODY[]<-1.5>");
        row("partial unclosed", "BODY[]<0.5",
            "ERROR: Expected <origin.count> after the section of BODY[]<0.5");
        row("partial empty origin", "BODY[]<.5>", "ERROR: Invalid partial origin in BODY[]<.5>");
        row("nested bracket", "BODY[1[2]]", "ERROR: Unexpected [ inside the section of BODY[1[2]]");
        row("modifier unknown", "FLAGS (VANISHED)", "ERROR: Unknown FETCH modifier: VANISHED");
        row("modifier not list", "FLAGS CHANGEDSINCE",
            "ERROR: Expected a list of FETCH modifiers, not CHANGEDSINCE");
        row("modifier empty", "FLAGS ()", "ERROR: Empty list of FETCH modifiers");
        row("changedsince zero", "FLAGS (CHANGEDSINCE 0)",
            "ERROR: CHANGEDSINCE needs a mod-sequence (1 to 9223372036854775807)");
        row("changedsince missing", "FLAGS (CHANGEDSINCE)",
            "ERROR: CHANGEDSINCE needs a mod-sequence (1 to 9223372036854775807)");
        row("changedsince overflow", "FLAGS (CHANGEDSINCE 9223372036854775808)",
            "ERROR: CHANGEDSINCE needs a mod-sequence (1 to 9223372036854775807)");
        row("changedsince twice", "FLAGS (CHANGEDSINCE 1 CHANGEDSINCE 2)",
            "ERROR: CHANGEDSINCE given twice");
        row("extra argument", "FLAGS (CHANGEDSINCE 1) UID",
            "ERROR: Unexpected argument after the FETCH data items: UID");
    }
    void items()
    {
        QFETCH(QByteArray, items);
        QFETCH(QByteArray, expected);
        QCOMPARE(parseItems(items), expected);
    }

    void missingItems()
    {
        QByteArray error;
        QVERIFY(!FetchRequest::parse({}, 1, &error));
        QCOMPARE(error, QByteArray("FETCH needs data items"));
    }

    void longItemIsShortenedInError()
    {
        const QByteArray item(5000, 'X');
        const QByteArray result = parseItems(item);
        QVERIFY(result.startsWith("ERROR: Unknown FETCH data item: XXXX"));
        QVERIFY(result.size() < 100);
    }

    void needs_data()
    {
        QTest::addColumn<QByteArray>("items");
        QTest::addColumn<int>("need");
        QTest::addColumn<bool>("seen");
        using N = FetchRequest::MimeNeed;
        QTest::newRow("flags") << QByteArray("(FLAGS UID RFC822.SIZE)") << int(N::None) << false;
        QTest::newRow("whole") << QByteArray("BODY[]") << int(N::None) << true;
        QTest::newRow("rfc822") << QByteArray("RFC822") << int(N::None) << true;
        QTest::newRow("peek whole") << QByteArray("BODY.PEEK[]<0.10>") << int(N::None) << false;
        QTest::newRow("envelope") << QByteArray("ENVELOPE") << int(N::Header) << false;
        QTest::newRow("header") << QByteArray("RFC822.HEADER") << int(N::Header) << false;
        QTest::newRow("text") << QByteArray("RFC822.TEXT") << int(N::Header) << true;
        QTest::newRow("fields") << QByteArray("BODY.PEEK[HEADER.FIELDS (A)]") << int(N::Header)
                                << false;
        QTest::newRow("part") << QByteArray("(ENVELOPE BODY.PEEK[1])") << int(N::Structure)
                              << false;
        QTest::newRow("body") << QByteArray("BODY") << int(N::Structure) << false;
        QTest::newRow("bodystructure")
            << QByteArray("(BODYSTRUCTURE BODY[])") << int(N::Structure) << true;
    }
    void needs()
    {
        QFETCH(QByteArray, items);
        QFETCH(int, need);
        QFETCH(bool, seen);
        CommandParser parser;
        qsizetype used = 0;
        const QByteArray line = "A FETCH 1 " + items + "\r\n";
        QCOMPARE(parser.feed(line, used), CommandParser::Status::Command);
        const auto request = FetchRequest::parse(parser.takeCommand().arguments, 1, nullptr);
        QVERIFY(request);
        QCOMPARE(int(request->mimeNeed()), need);
        QCOMPARE(request->setsSeen(), seen);
    }

    void requireUid()
    {
        auto request =
            FetchRequest::parse({Token{Token::Type::Atom, "FLAGS", {}, false, {}, 0}}, 0, nullptr);
        QVERIFY(request);
        request->require(FetchItem::Kind::Uid);
        request->require(FetchItem::Kind::Uid);
        QCOMPARE(request->items.size(), 2);
        QCOMPARE(request->items.first().responseName(), QByteArray("UID"));
    }

    void sections_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray plain = crlf(kPlain);
        const QByteArray complex = crlf(kComplex);
        auto row = [](const char *name, const QByteArray &message, const char *spec,
                      const QByteArray &expected) {
            QTest::newRow(name) << message << QByteArray(spec) << expected;
        };
        const qsizetype plainBody = plain.indexOf("Hi Bob");
        row("plain whole", plain, "", plain);
        row("plain header", plain, "HEADER", plain.left(plainBody));
        row("plain text", plain, "TEXT", plain.mid(plainBody));
        row("plain 1", plain, "1", plain.mid(plainBody));
        row("plain 1.MIME", plain, "1.MIME", plain.left(plainBody));
        row("plain 2", plain, "2", "");
        row("plain 1.1", plain, "1.1", "");
        row("plain 1.HEADER", plain, "1.HEADER", "");
        row("plain fields", plain, "HEADER.FIELDS (SUBJECT TO)",
            crlf("To: bob@example.com,\n carol@example.com\nSubject: Hello\nsubject: second\n\n"));
        row("plain fields none", plain, "HEADER.FIELDS (NOPE)", "\r\n");
        row("plain fields not", plain, "HEADER.FIELDS.NOT (subject to x-spam)",
            crlf("From: Alice <alice@example.org>\n\n"));

        row("complex header", complex, "HEADER",
            crlf("Subject: outer\nContent-Type: multipart/mixed; boundary=o\n\n"));
        row("complex 1", complex, "1", "part one");
        row("complex 1.MIME", complex, "1.MIME", crlf("Content-Type: text/plain\n\n"));
        row("complex 2", complex, "2", "AAAA");
        row("complex 2.1", complex, "2.1", "");
        row("complex 3", complex, "3",
            crlf("Subject: inner\nFrom: x@y.z\nContent-Type: multipart/alternative; boundary=i\n\n"
                 "--i\n\ninner text\n--i\nContent-Type: text/html\n\n<p>inner</p>\n--i--"));
        row("complex 3.MIME", complex, "3.MIME", crlf("Content-Type: message/rfc822\n\n"));
        row("complex 3.HEADER", complex, "3.HEADER",
            crlf("Subject: inner\nFrom: x@y.z\nContent-Type: multipart/alternative; "
                 "boundary=i\n\n"));
        row("complex 3.HEADER.FIELDS", complex, "3.HEADER.FIELDS (FROM)", crlf("From: x@y.z\n\n"));
        row("complex 3.TEXT", complex, "3.TEXT",
            crlf("--i\n\ninner text\n--i\nContent-Type: text/html\n\n<p>inner</p>\n--i--"));
        row("complex 3.1", complex, "3.1", "inner text");
        row("complex 3.1.MIME", complex, "3.1.MIME", "\r\n");
        row("complex 3.2", complex, "3.2", "<p>inner</p>");
        row("complex 3.3", complex, "3.3", "");
        row("complex 3.2.HEADER (no message)", complex, "3.2.HEADER", "");
        row("complex 4", complex, "4",
            crlf("--m\nContent-Type: image/gif\nContent-Transfer-Encoding: base64\n\nR0lG\n--m\n"
                 "Content-Type: message/rfc822\n\nSubject: deep\n\ndeep body\n--m--"));
        row("complex 4.TEXT (multipart)", complex, "4.TEXT", "");
        row("complex 4.1", complex, "4.1", "R0lG");
        row("complex 4.1.MIME", complex, "4.1.MIME",
            crlf("Content-Type: image/gif\nContent-Transfer-Encoding: base64\n\n"));
        row("complex 4.2", complex, "4.2", crlf("Subject: deep\n\ndeep body"));
        row("complex 4.2.HEADER", complex, "4.2.HEADER", crlf("Subject: deep\n\n"));
        row("complex 4.2.TEXT", complex, "4.2.TEXT", "deep body");
        row("complex 4.2.1", complex, "4.2.1", "deep body");
        row("complex 4.2.2", complex, "4.2.2", "");
        row("complex 4.2.1.1", complex, "4.2.1.1", "");
        row("complex 5", complex, "5", "");
        row("complex huge", complex, "4294967295", "");

        // The message itself is message/rfc822: its part 1 is the embedded message.
        const QByteArray wrapped = crlf("Content-Type: message/rfc822\n\nSubject: in\n\nbody\n");
        row("wrapped 1", wrapped, "1", crlf("Subject: in\n\nbody\n"));
        row("wrapped 1.HEADER", wrapped, "1.HEADER", crlf("Subject: in\n\n"));
        row("wrapped 1.1", wrapped, "1.1", crlf("body\n"));
        row("wrapped 1.2", wrapped, "1.2", "");

        const QByteArray headerOnly = crlf("Subject: no body\nFrom: a@b.c");
        row("no blank line header", headerOnly, "HEADER", headerOnly);
        row("no blank line text", headerOnly, "TEXT", "");
        row("no blank line fields", headerOnly, "HEADER.FIELDS (FROM)", "From: a@b.c");
        row("empty message", QByteArray(), "", "");
        row("empty message text", QByteArray(), "TEXT", "");
        row("empty message 1.2", QByteArray(), "1.2", "");
    }
    void sections()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, spec);
        QFETCH(QByteArray, expected);
        QCOMPARE(sectionBytes(message, spec), expected);
    }

    void rangesAreRangesOfTheFile()
    {
        // Whole parts are file ranges (streamed by FETCH), only HEADER.FIELDS is built.
        const QByteArray complex = crlf(kComplex);
        const MimePart root = MimeParser().parse(complex);
        const SectionData body = locateSection(*FetchSection::parse("3", nullptr), root, complex);
        QVERIFY(!body.isBuilt);
        QCOMPARE(body.offset, complex.indexOf("Subject: inner"));
        const SectionData fields =
            locateSection(*FetchSection::parse("3.HEADER.FIELDS (FROM)", nullptr), root, complex);
        QVERIFY(fields.isBuilt);
        const SectionData whole = locateSection(FetchSection(), root, complex);
        QCOMPARE(whole.offset, 0);
        QCOMPARE(whole.length, complex.size());
    }

    void partials_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<quint32>("origin");
        QTest::addColumn<quint32>("count");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("start") << QByteArray("TEXT") << 0u << 2u << QByteArray("Hi");
        QTest::newRow("middle") << QByteArray("TEXT") << 3u << 3u << QByteArray("Bob");
        QTest::newRow("past end clipped")
            << QByteArray("TEXT") << 9u << 100u << QByteArray("bye\r\n");
        QTest::newRow("at end") << QByteArray("TEXT") << 14u << 1u << QByteArray("");
        QTest::newRow("beyond") << QByteArray("TEXT") << 1000u << 10u << QByteArray("");
        QTest::newRow("max") << QByteArray("") << 4294967295u << 4294967295u << QByteArray("");
        QTest::newRow("whole count max")
            << QByteArray("1") << 0u << 4294967295u << QByteArray("Hi Bob,\r\nbye\r\n");
        QTest::newRow("built") << QByteArray("HEADER.FIELDS (SUBJECT)") << 9u << 5u
                               << QByteArray("Hello");
        QTest::newRow("built beyond")
            << QByteArray("HEADER.FIELDS (SUBJECT)") << 500u << 5u << QByteArray("");
    }
    void partials()
    {
        QFETCH(QByteArray, spec);
        QFETCH(quint32, origin);
        QFETCH(quint32, count);
        QFETCH(QByteArray, expected);
        QCOMPARE(sectionBytes(crlf(kPlain), spec, FetchPartial{origin, count}), expected);
    }

    void filterKeepsFoldingAndOrder()
    {
        const QByteArray header = crlf("Received: a\n\tb\nX-A: 1\nx-a : 2\n continued\n"
                                       "garbage line\nSubject: s\n\n");
        QCOMPARE(filterHeader(header, {"X-A"}, false), crlf("X-A: 1\nx-a : 2\n continued\n\n"));
        QCOMPARE(filterHeader(header, {"X-A", "RECEIVED"}, true),
                 crlf("garbage line\nSubject: s\n\n"));
        QCOMPARE(filterHeader("Subject: lf only\n\n", {"SUBJECT"}, false),
                 QByteArray("Subject: lf only\n\n"));
        QCOMPARE(filterHeader(QByteArray(), {"SUBJECT"}, false), QByteArray());
    }

    void sectionNames()
    {
        QCOMPARE(FetchSection::parse("header.fields (x-a \"b]c\")", nullptr)->name(),
                 QByteArray("HEADER.FIELDS (X-A \"B]C\")"));
        QCOMPARE(FetchSection::parse("2.mime", nullptr)->name(), QByteArray("2.MIME"));
        QCOMPARE(FetchSection::parse("", nullptr)->name(), QByteArray(""));
    }

    void everySectionStaysInsideTheMessage()
    {
        // Every path up to 4 levels, every text, on well-formed, truncated and odd messages:
        // ranges stay inside the message and nothing crashes.
        const QList<QByteArray> messages{
            crlf(kComplex),
            crlf(kComplex).left(300),
            crlf(kPlain),
            crlf("Content-Type: multipart/mixed; boundary=x\n\n--x\n--x\n--x--\n"),
            crlf("Content-Type: message/rfc822\n\nContent-Type: message/rfc822\n\n"),
            QByteArray("\n\n\n"),
            QByteArray(),
        };
        const char *const texts[] = {"",
                                     ".HEADER",
                                     ".TEXT",
                                     ".MIME",
                                     ".HEADER.FIELDS (SUBJECT)",
                                     ".HEADER.FIELDS.NOT (SUBJECT)"};
        int checked = 0;
        for (const QByteArray &message : messages) {
            const MimePart root = MimeParser().parse(message);
            QList<QByteArray> paths{QByteArray()};
            QList<QByteArray> level{QByteArray()};
            for (int depth = 0; depth < 4; ++depth) {
                QList<QByteArray> next;
                for (const QByteArray &p : std::as_const(level)) {
                    for (int n = 1; n <= 4; ++n)
                        next.append(p.isEmpty() ? QByteArray::number(n)
                                                : p + '.' + QByteArray::number(n));
                }
                paths += next;
                level = next;
            }
            for (const QByteArray &path : std::as_const(paths)) {
                for (const char *text : texts) {
                    const QByteArray spec = path.isEmpty() ? QByteArray(text).mid(1) : path + text;
                    const auto section = FetchSection::parse(spec, nullptr);
                    if (!section)
                        continue; // MIME of the top
                    for (const auto &partial :
                         {std::optional<FetchPartial>(), std::optional(FetchPartial{3, 5})}) {
                        const SectionData d =
                            applyPartial(locateSection(*section, root, message), partial);
                        QVERIFY(d.size() >= 0);
                        if (!d.isBuilt) {
                            QVERIFY2(d.offset >= 0 && d.offset + d.length <= message.size(),
                                     spec.constData());
                        }
                        ++checked;
                    }
                }
            }
        }
        QVERIFY(checked > 1000);
        // A tree from another (longer) message never reaches past the one given.
        const MimePart longer = MimeParser().parse(crlf(kComplex));
        const QByteArray shorter = crlf(kComplex).left(50);
        for (const char *spec : {"4.2.TEXT", "3", "4.1.MIME", "3.HEADER.FIELDS (FROM)"}) {
            const SectionData d =
                locateSection(*FetchSection::parse(spec, nullptr), longer, shorter);
            QCOMPARE(d.size(), 0);
        }
    }

    void quotedBracketInFieldName()
    {
        QCOMPARE(parseItems("BODY[HEADER.FIELDS (\"a]b\")]<0.5>"),
                 QByteArray("BODY[HEADER.FIELDS (\"A]B\")]<0>"));
    }
};

QTEST_APPLESS_MAIN(tst_FetchRequest)
#include "tst_fetchrequest.moc"
