// Unit tests of maild::imap::SearchQuery / SearchMatcher: every RFC 3501 search
// key and MODSEQ against four messages (plain, quoted-printable ISO-8859-1 with RFC 2047
// headers, multipart with base64 UTF-8, an embedded message and a non-text part, and one
// whose file cannot be read), OR/NOT/list nesting, CHARSET, refusals with their texts, that
// cheap keys decide before the file is read. The decoders on their own: tst_mimetext.cpp.
// Security: search keys are client text (nesting cap, huge sets), messages strangers' bytes.
#include "imap/grammar/commandparser.h"
#include "imap/grammar/mimetext.h"
#include "imap/grammar/searchquery.h"

#include <QStringDecoder>
#include <QTest>

using namespace maild::imap;

namespace {

QByteArray crlf(const char *text)
{
    return QByteArray(text).replace("\n", "\r\n");
}

// The arguments of "A SEARCH <text>" as the real command parser gives them.
QList<Token> tokens(const QByteArray &text)
{
    CommandParser parser;
    const QByteArray line = "A SEARCH " + text + "\r\n";
    qsizetype used = 0;
    QByteArrayView rest(line);
    for (;;) {
        const CommandParser::Status status = parser.feed(rest, used);
        rest = rest.sliced(used);
        if (status == CommandParser::Status::Command)
            return parser.takeCommand().arguments;
        if (status == CommandParser::Status::Error) {
            qWarning() << "parser refused" << text << parser.error().text;
            return {};
        }
        if (rest.isEmpty())
            return {};
    }
}

const char *const kPlain = "From: Alice Example <alice@example.org>\n"
                           "To: bob@example.com\n"
                           "Cc: carol@example.net\n"
                           "Subject: Quarterly report\n"
                           "Date: Sun, 1 Nov 2026 00:30:00 +0100\n"
                           "X-Priority: 1\n"
                           "\n"
                           "Hello Bob, the numbers are in.\n";

const char *const kLatin1 = "From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <joerg@example.de>\n"
                            "To: alice@example.org\n"
                            "Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgQmVybGlu?=\n"
                            "Date: 15 Nov 26 20:00 GMT\n"
                            "Content-Type: text/plain; charset=iso-8859-1\n"
                            "Content-Transfer-Encoding: quoted-printable\n"
                            "\n"
                            "Viele Gr=FC=DFe aus der Stadt, dies ist eine sehr lange Zeile, =\n"
                            "die weich umbrochen wird.\n"
                            "J=F6rg\n";

const char *const kMixed = "From: robot@example.org\n"
                           "Subject: Mixed bag\n"
                           "Content-Type: multipart/mixed; boundary=\"b1\"\n"
                           "\n"
                           "preamble PREAMBLETOKEN\n"
                           "--b1\n"
                           "Content-Type: text/plain; charset=utf-8\n"
                           "Content-Transfer-Encoding: base64\n"
                           "\n"
                           "RGFzIFBh\n"
                           "w593b3J0IGlzdCBnZWhlaW0u\n"
                           "--b1\n"
                           "Content-Type: application/pdf\n"
                           "\n"
                           "ATTACHMENTTOKEN\n"
                           "--b1\n"
                           "Content-Type: message/rfc822\n"
                           "\n"
                           "Subject: Inner subject\n"
                           "\n"
                           "inner body text\n"
                           "--b1--\n";

struct Fixture
{
    QList<SearchMessage> messages;
    int reads = 0; // how often a message file was asked for
};

SearchMessage message(quint32 seq, quint32 uid, QByteArrayList flags, bool recent, qint64 size,
                      const QDateTime &internal, qint64 modseq)
{
    SearchMessage m;
    m.seq = seq;
    m.uid = uid;
    m.flags = std::move(flags);
    m.recent = recent;
    m.size = size;
    m.internalDate = internal;
    m.modseq = modseq;
    return m;
}

void addContent(Fixture &f, SearchMessage &m, const QByteArray &bytes, bool readable = true)
{
    m.content = [&f, bytes, readable]() -> std::optional<QByteArray> {
        ++f.reads;
        if (!readable)
            return std::nullopt;
        return bytes;
    };
}

// 1: seen+answered, old; 2: flagged, $Important, recent; 3: deleted, draft, seen, recent;
// 4: unflagged, old, and its file cannot be read.
void build(Fixture &f)
{
    f.messages = {
        message(1, 10, {"\\Seen", "\\Answered"}, false, 100,
                QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC), 5),
        message(2, 20, {"\\Flagged", "$Important"}, true, 2000,
                QDateTime(QDate(2026, 11, 15), QTime(23, 30), Qt::OffsetFromUTC, -5 * 3600), 9),
        message(3, 30, {"\\Deleted", "\\Draft", "\\Seen"}, true, 50000,
                QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC), 12),
        message(4, 40, {}, false, 10, QDateTime(QDate(2026, 10, 31), QTime(12, 0), Qt::UTC), 1),
    };
    addContent(f, f.messages[0], crlf(kPlain));
    addContent(f, f.messages[1], crlf(kLatin1));
    addContent(f, f.messages[2], crlf(kMixed));
    addContent(f, f.messages[3], QByteArray(), false);
}

QByteArray run(const QByteArray &keys, Fixture &f, SearchError *errorOut = nullptr)
{
    SearchError error;
    const std::optional<SearchQuery> query = SearchQuery::parse(tokens(keys), error);
    if (errorOut)
        *errorOut = error;
    if (!query)
        return "error: " + error.text;
    SearchMatcher matcher(*query, quint32(f.messages.size()), 40);
    QByteArray out;
    for (const SearchMessage &m : std::as_const(f.messages)) {
        if (matcher.matches(m))
            out += (out.isEmpty() ? "" : " ") + QByteArray::number(m.seq);
    }
    return out;
}

} // namespace

class tst_SearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void keys_data()
    {
        QTest::addColumn<QByteArray>("keys");
        QTest::addColumn<QByteArray>("expected"); // sequence numbers that match
        const auto row = [](const char *keys, const char *expected) {
            QTest::newRow(keys) << QByteArray(keys) << QByteArray(expected);
        };
        // Flags and \Recent.
        row("ALL", "1 2 3 4");
        row("all", "1 2 3 4");
        row("SEEN", "1 3");
        row("UNSEEN", "2 4");
        row("ANSWERED", "1");
        row("UNANSWERED", "2 3 4");
        row("DELETED", "3");
        row("UNDELETED", "1 2 4");
        row("DRAFT", "3");
        row("UNDRAFT", "1 2 4");
        row("FLAGGED", "2");
        row("UNFLAGGED", "1 3 4");
        row("KEYWORD $Important", "2");
        row("KEYWORD $important", "2");
        row("KEYWORD $Other", "");
        row("UNKEYWORD $Important", "1 3 4");
        row("RECENT", "2 3");
        row("OLD", "1 4");
        row("NEW", "2");
        // Size, internal date (its own offset: message 2 arrived 15 Nov, -0500), MODSEQ.
        row("LARGER 100", "2 3");
        row("LARGER 99", "1 2 3");
        row("SMALLER 100", "4");
        row("SMALLER 0", "");
        row("LARGER 4294967295", "");
        row("BEFORE 1-Nov-2026", "4");
        row("ON 1-Nov-2026", "1");
        row("ON 15-Nov-2026", "2");
        row("ON \"15-Nov-2026\"", "2");
        row("SINCE 15-Nov-2026", "2 3");
        row("SINCE 01-Dec-2026", "3");
        row("MODSEQ 9", "2 3");
        row("MODSEQ 0", "1 2 3 4");
        row("MODSEQ \"/flags/\\\\Seen\" all 9", "2 3");
        // Sent dates: the Date: field's day as written (message 1 is 31 Oct in UTC).
        row("SENTON 1-Nov-2026", "1");
        row("SENTBEFORE 15-Nov-2026", "1");
        row("SENTON 15-Nov-2026", "2");
        row("SENTSINCE 1-Nov-2026", "1 2");
        row("SENTSINCE 2-Nov-2026", "2");
        // Sequence numbers and UIDs.
        row("1", "1");
        row("2:3", "2 3");
        row("2,4", "2 4");
        row("*", "4");
        row("3:*", "3 4");
        row("4:2", "2 3 4");
        row("5", "");
        row("1:4294967295", "1 2 3 4");
        row("UID 20:30", "2 3");
        row("UID *", "4");
        row("UID 15", "");
        row("UID 25:*", "3 4");
        row("UID 10,40", "1 4");
        // Header fields: RFC 2047 decoded, case-insensitive in Unicode.
        row("FROM alice", "1");
        row("FROM \"Alice Example\"", "1");
        row("FROM \"müller\"", "2");
        row("FROM \"MÜLLER\"", "2");
        row("FROM \"Jörg Müller\"", "2");
        row("FROM example", "1 2 3");
        row("TO alice", "2");
        row("CC carol", "1");
        row("BCC carol", "");
        row("SUBJECT \"grüße\"", "2");
        row("SUBJECT \"GRÜSSE\"", ""); // simple case folding: ß is not SS
        row("SUBJECT report", "1");
        row("SUBJECT inner", "");
        row("SUBJECT \"\"", "1 2 3");
        row("HEADER X-Priority 1", "1");
        row("HEADER x-priority \"\"", "1");
        row("HEADER Content-Type iso-8859-1", "2");
        row("HEADER X-Missing \"\"", "");
        // Body and text: transfer encodings and charsets undone, text parts only.
        row("BODY \"grüße\"", "2");
        row("BODY \"GRÜSSE\"", "");
        row("BODY \"dies ist eine sehr lange Zeile, die weich\"", "2");
        row("BODY \"jörg\"", "2");
        row("BODY numbers", "1");
        row("BODY \"THE NUMBERS\"", "1");
        row("BODY VIELE", "2"); // ASCII in quoted-printable Latin-1, found without decoding it
        row("BODY \"=FC\"", "");
        row("BODY \"paßwort\"", "3");
        row("BODY \"PASSWORT\"", "");
        row("BODY ATTACHMENTTOKEN", "");
        row("BODY PREAMBLETOKEN", "");
        row("BODY \"inner body\"", "3");
        row("BODY \"Inner subject\"", "3");
        row("BODY quarterly", "");
        row("BODY \"\"", "1 2 3");
        row("TEXT quarterly", "1");
        row("TEXT \"subject: quarterly\"", "1");
        row("TEXT \"müller\"", "2");
        row("TEXT \"paßwort\"", "3");
        QTest::newRow("TEXT literal") << QByteArray("TEXT {6}\r\nPaßwo") << QByteArray("3");
        // Combinations.
        row("SEEN ANSWERED", "1");
        row("SEEN FROM alice", "1");
        row("OR SEEN FLAGGED", "1 2 3");
        row("OR FLAGGED SEEN", "1 2 3");
        row("NOT SEEN", "2 4");
        row("NOT NOT SEEN", "1 3");
        row("(SEEN DELETED)", "3");
        row("(SEEN)", "1 3");
        row("((SEEN) ((DELETED)))", "3");
        row("OR (SEEN DELETED) FROM alice", "1 3");
        row("NOT (SEEN DELETED)", "1 2 4");
        row("OR OR 1 2 3", "1 2 3");
        row("OR 1 OR 2 3", "1 2 3");
        row("NOT OR 1 2", "3 4");
        row("UID 10:30 NOT 2", "1 3");
        row("CHARSET UTF-8 SUBJECT \"grüße\"", "2");
        row("charset us-ascii SEEN", "1 3");
        // A message whose file is gone matches nothing that reads it, negated or not.
        row("NOT BODY zzz", "1 2 3");
        row("NOT FROM zzz", "1 2 3");
        row("OR 4 BODY zzz", "4");
    }

    void keys()
    {
        QFETCH(QByteArray, keys);
        QFETCH(QByteArray, expected);
        Fixture f;
        build(f);
        QCOMPARE(run(keys, f), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("keys");
        QTest::addColumn<QByteArray>("error");
        const auto row = [](const char *keys, const char *error) {
            QTest::newRow(keys) << QByteArray(keys) << QByteArray(error);
        };
        row("", "Missing search keys");
        row("FOO", "Unknown search key FOO");
        row("\"SEEN\"", "Search key expected");
        row("FROM", "FROM needs a string");
        row("FROM (a)", "FROM needs a string");
        row("SUBJECT", "SUBJECT needs a string");
        row("BEFORE", "BEFORE needs a date like 1-Feb-1994");
        row("ON 32-Jan-2026", "ON needs a date like 1-Feb-1994");
        row("SINCE 1-Foo-2026", "SINCE needs a date like 1-Feb-1994");
        row("SENTON 2026-01-01", "SENTON needs a date like 1-Feb-1994");
        row("LARGER", "LARGER needs a number");
        row("LARGER x", "LARGER needs a number");
        row("SMALLER 4294967296", "SMALLER needs a number");
        row("KEYWORD", "KEYWORD needs a keyword");
        row("KEYWORD \"x\"", "KEYWORD needs a keyword");
        row("HEADER", "HEADER needs a field name and a string");
        row("HEADER X-A", "HEADER needs a field name and a string");
        row("HEADER \"\" x", "HEADER needs a valid field name");
        row("NOT", "Missing search key after NOT or OR");
        row("OR SEEN", "Missing search key after NOT or OR");
        row("OR FOO SEEN", "Unknown search key FOO");
        row("()", "Empty list of search keys");
        row("(SEEN ())", "Empty list of search keys");
        row("UID", "UID needs a sequence set");
        row("UID x", "UID needs a sequence set");
        row("UID 0", "UID needs a sequence set");
        row("0", "Invalid sequence set");
        row("1:0", "Invalid sequence set");
        row("4294967296", "Unknown search key 4294967296");
        row("MODSEQ", "MODSEQ needs a number");
        row("MODSEQ x", "MODSEQ needs a number");
        row("MODSEQ 9223372036854775808", "MODSEQ needs a number");
        row("MODSEQ \"/flags/\\\\Seen\" bogus 5",
            "MODSEQ entry needs a \"/flags/...\" name and priv, shared or all");
        row("MODSEQ \"x\" all 5",
            "MODSEQ entry needs a \"/flags/...\" name and priv, shared or all");
        row("CHARSET", "CHARSET needs a name");
        row("CHARSET UTF-8", "Missing search keys");
        row("ALL CHARSET UTF-8", "CHARSET must come first");
    }

    void errors()
    {
        QFETCH(QByteArray, keys);
        QFETCH(QByteArray, error);
        Fixture f;
        build(f);
        SearchError e;
        QCOMPARE(run(keys, f, &e), "error: " + error);
        QVERIFY(!e.badCharset);
    }

    void badCharset_data()
    {
        QTest::addColumn<QByteArray>("keys");
        QTest::newRow("koi8") << QByteArray("CHARSET KOI8-R SUBJECT x");
        QTest::newRow("latin1") << QByteArray("CHARSET ISO-8859-1 ALL");
        QTest::newRow("quoted") << QByteArray("CHARSET \"UTF-7\" ALL");
    }

    void badCharset()
    {
        QFETCH(QByteArray, keys);
        SearchError e;
        QVERIFY(!SearchQuery::parse(tokens(keys), e));
        QVERIFY(e.badCharset);
        QVERIFY(e.text.startsWith("[BADCHARSET (UTF-8 US-ASCII)]"));
    }

    void modSeqLargest()
    {
        SearchError e;
        const auto q = SearchQuery::parse(tokens("MODSEQ 9223372036854775807"), e);
        QVERIFY(q);
        QVERIFY(q->usesModSeq());
        QCOMPARE(q->root().number, std::numeric_limits<qint64>::max());
        QVERIFY(!SearchQuery::parse(tokens("SEEN"), e)->usesModSeq());
        QVERIFY(SearchQuery::parse(tokens("NOT OR SEEN MODSEQ 3"), e)->usesModSeq());
    }

    void nesting()
    {
        SearchError e;
        QByteArray deep;
        for (int i = 0; i < 64; ++i)
            deep += "NOT ";
        QVERIFY(SearchQuery::parse(tokens(deep + "SEEN"), e));
        QVERIFY(!SearchQuery::parse(tokens("NOT " + deep + "SEEN"), e));
        QCOMPARE(e.text, QByteArray("Search keys nested too deeply"));
        QByteArray ors;
        for (int i = 0; i < 1000; ++i)
            ors += "OR SEEN ";
        QVERIFY(!SearchQuery::parse(tokens(ors + "SEEN"), e));
        QCOMPARE(e.text, QByteArray("Search keys nested too deeply"));
    }

    void cheapKeysFirst()
    {
        SearchError e;
        const auto q = SearchQuery::parse(tokens("BODY x FROM y SEEN"), e);
        QVERIFY(q);
        QCOMPARE(q->root().kind, SearchKey::Kind::And);
        QCOMPARE(q->root().children[0].kind, SearchKey::Kind::Flag);
        QCOMPARE(q->root().children[1].kind, SearchKey::Kind::Header);
        QCOMPARE(q->root().children[2].kind, SearchKey::Kind::Body);
        QCOMPARE(q->root().cost, int(SearchKey::BodyBytes));
        QVERIFY(q->needsContent());
        QVERIFY(!SearchQuery::parse(tokens("OR SEEN UID 1:*"), e)->needsContent());

        // Flags decide: the files are never read for unseen messages.
        Fixture f;
        build(f);
        QCOMPARE(run("BODY numbers SEEN", f), QByteArray("1"));
        QCOMPARE(f.reads, 2); // messages 1 and 3
        f.reads = 0;
        QCOMPARE(run("OR SEEN BODY zzz", f), QByteArray("1 3"));
        QCOMPARE(f.reads, 2); // messages 2 and 4
        f.reads = 0;
        QCOMPARE(run("FROM alice SUBJECT report BODY numbers TEXT bob", f), QByteArray("1"));
        QCOMPARE(f.reads, 4); // once per message, however many keys read it
        f.reads = 0;
        QCOMPARE(run("SEEN FLAGGED", f), QByteArray(""));
        QCOMPARE(f.reads, 0);
    }

    // Structure MimeParser cut short (depth, part count, an encoded message/rfc822) is still
    // searched, undecoded: no text of a message is out of reach of BODY.
    void structureCutShort_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("keys");
        QByteArray deep = "Subject: innermost\r\n\r\nthe end\r\n";
        for (int i = 0; i < 300; ++i)
            deep = "Subject: level " + QByteArray::number(i) +
                   "\r\nContent-Type: message/rfc822\r\n\r\n" + deep;
        QTest::newRow("300 nested messages") << deep << QByteArray("BODY \"the end\"");
        QTest::newRow("300 nested, inner subject") << deep << QByteArray("BODY innermost");
        QByteArray head, tail;
        for (int i = 0; i < 300; ++i) {
            head += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) +
                    "\"\r\n\r\n--b" + QByteArray::number(i) + "\r\n";
            tail = "\r\n--b" + QByteArray::number(i) + "--\r\n" + tail;
        }
        QTest::newRow("300 nested multiparts")
            << QByteArray("Subject: x\r\n" + head + "Content-Type: text/plain\r\n\r\ndeep\r\n" +
                          tail)
            << QByteArray("BODY deep");
        QByteArray wide = "Content-Type: multipart/mixed; boundary=w\r\n\r\n";
        for (int i = 0; i < 12000; ++i)
            wide += "--w\r\nContent-Type: text/plain\r\n\r\npart " + QByteArray::number(i) + "\r\n";
        wide += "--w--\r\n";
        QTest::newRow("12000 parts, early") << wide << QByteArray("BODY \"part 17\"");
        QTest::newRow("12000 parts, late") << wide << QByteArray("BODY \"part 11999\"");
        QTest::newRow("base64 message/rfc822")
            << QByteArray(
                   "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                   QByteArray("Subject: hidden\r\n\r\nsecret words\r\n").toBase64() + "\r\n")
            << QByteArray("BODY \"secret words\"");
    }

    void structureCutShort()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, keys);
        SearchError e;
        const auto q = SearchQuery::parse(tokens(keys), e);
        QVERIFY(q);
        SearchMatcher matcher(*q, 1, 1);
        SearchMessage m;
        m.seq = m.uid = 1;
        m.content = [&message] { return std::optional<QByteArray>(message); };
        QVERIFY(matcher.matches(m));
        const auto absent = SearchQuery::parse(tokens("BODY \"not in there\""), e);
        SearchMatcher none(*absent, 1, 1);
        QVERIFY(!none.matches(m));
    }

    void sequenceStarOnEmptyMailbox()
    {
        SearchError e;
        const auto q = SearchQuery::parse(tokens("UID 1:*"), e);
        SearchMatcher matcher(*q, 0, 0);
        SearchMessage m;
        m.seq = 1;
        m.uid = 1;
        QVERIFY(!matcher.matches(m)); // '*' in an empty mailbox names nothing
    }

    // ASCII words inside 7-bit ISO-2022-JP escapes are not text; the Japanese text is.
    void iso2022jpBody()
    {
        if (!QStringDecoder("ISO-2022-JP").isValid())
            QSKIP("this Qt has no ICU");
        const QByteArray message = crlf("Subject: x\n"
                                        "Content-Type: text/plain; charset=ISO-2022-JP\n"
                                        "\n"
                                        "\x1b$B$3$s$K$A$O\x1b(B\n");
        SearchMessage m;
        m.seq = m.uid = 1;
        m.content = [&message] { return std::optional<QByteArray>(message); };
        const auto found = [&m](const QByteArray &keys) {
            SearchError e;
            const auto q = SearchQuery::parse(tokens(keys), e);
            SearchMatcher matcher(*q, 1, 1);
            return matcher.matches(m);
        };
        QVERIFY(found("BODY \"こんにちは\""));
        QVERIFY(!found("BODY \"$K$A\""));
    }
};

QTEST_APPLESS_MAIN(tst_SearchQuery)
#include "tst_searchquery.moc"
