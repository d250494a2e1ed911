// Unit tests of maild::imap::mimetext, the decoders SEARCH reads messages through: transfer
// encodings (base64, quoted-printable, with junk and soft breaks), RFC 2047 encoded words in
// header fields, charsets (ICU ones when Qt has them), which charsets are ASCII-compatible,
// and the day of a Date: header.
// Security: all input is a stranger's message; every decoder must take anything.
#include "imap/grammar/mimetext.h"

#include <QStringDecoder>
#include <QTest>

using namespace maild::imap;

namespace {

QString header(const QByteArray &value)
{
    QString out;
    mimetext::appendHeaderValue(value, out);
    return out;
}

} // namespace

class tst_MimeText : public QObject
{
    Q_OBJECT

private slots:
    void transfer_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("base64") << QByteArray("BASE64") << QByteArray("aGVs\r\nbG8=\r\n")
                                << QByteArray("hello");
        QTest::newRow("base64 junk")
            << QByteArray("BASE64") << QByteArray("a G!V*sbG8") << QByteArray("hello");
        QTest::newRow("base64 empty") << QByteArray("BASE64") << QByteArray("") << QByteArray("");
        QTest::newRow("base64 short") << QByteArray("BASE64") << QByteArray("a") << QByteArray("");
        QTest::newRow("qp") << QByteArray("QUOTED-PRINTABLE") << QByteArray("a=3Db=C3=BC")
                            << QByteArray("a=b\xc3\xbc");
        QTest::newRow("qp soft crlf") << QByteArray("QUOTED-PRINTABLE")
                                      << QByteArray("ab=\r\ncd=  \r\nef") << QByteArray("abcdef");
        QTest::newRow("qp soft lf")
            << QByteArray("QUOTED-PRINTABLE") << QByteArray("ab=\ncd") << QByteArray("abcd");
        QTest::newRow("qp bad") << QByteArray("QUOTED-PRINTABLE") << QByteArray("=ZZ =4 =")
                                << QByteArray("=ZZ =4 =");
        QTest::newRow("qp lower hex")
            << QByteArray("QUOTED-PRINTABLE") << QByteArray("=3d") << QByteArray("=");
        QTest::newRow("7bit") << QByteArray("7BIT") << QByteArray("a=3D") << QByteArray("a=3D");
    }

    void transfer()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        QByteArray result("stale");
        mimetext::decodeTransfer(encoding, in, result);
        QCOMPARE(result, out);
    }

    void headerWords_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << QByteArray("hello") << QStringLiteral("hello");
        QTest::newRow("q latin1") << QByteArray("=?iso-8859-1?q?J=F6rg_M=FCller?= <j@x>")
                                  << QStringLiteral("Jörg Müller <j@x>");
        QTest::newRow("b utf8") << QByteArray("=?UTF-8?B?R3LDvMOfZQ==?=")
                                << QStringLiteral("Grüße");
        QTest::newRow("adjacent") << QByteArray("=?utf-8?q?a?= =?utf-8?q?b?=")
                                  << QStringLiteral("ab");
        QTest::newRow("adjacent folded")
            << QByteArray("=?utf-8?q?a?=\r\n\t=?utf-8?q?b?=") << QStringLiteral("ab");
        QTest::newRow("text between")
            << QByteArray("=?utf-8?q?a?= x =?utf-8?q?b?=") << QStringLiteral("a x b");
        QTest::newRow("split character")
            << QByteArray("=?UTF-8?Q?=C3?= =?UTF-8?Q?=BC?=") << QStringLiteral("ü");
        QTest::newRow("two charsets")
            << QByteArray("=?iso-8859-1?q?=FC?= =?utf-8?q?=C3=BC?=") << QStringLiteral("üü");
        QTest::newRow("language") << QByteArray("=?utf-8*de?q?=C3=BC?=") << QStringLiteral("ü");
        QTest::newRow("bad kind") << QByteArray("=?utf-8?x?abc?=")
                                  << QStringLiteral("=?utf-8?x?abc?=");
        QTest::newRow("unterminated")
            << QByteArray("=?utf-8?q?abc") << QStringLiteral("=?utf-8?q?abc");
        QTest::newRow("empty charset") << QByteArray("=??q?abc?=") << QStringLiteral("=??q?abc?=");
        QTest::newRow("raw utf8") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                                "e")
                                  << QStringLiteral("Grüße");
        QTest::newRow("raw latin1") << QByteArray("Gr\xfc\xdf"
                                                  "e")
                                    << QStringLiteral("Grüße");
        QTest::newRow("unknown charset")
            << QByteArray("=?x-nonsense?q?abc?=") << QStringLiteral("abc");
    }

    void headerWords()
    {
        QFETCH(QByteArray, in);
        QFETCH(QString, out);
        QCOMPARE(header(in), out);
    }

    void charsets()
    {
        QString out;
        mimetext::appendCharset("utf-8",
                                "Gr\xc3\xbc\xc3\x9f"
                                "e",
                                out);
        QCOMPARE(out, QStringLiteral("Grüße"));
        out.clear();
        mimetext::appendCharset("ISO-8859-1",
                                "Gr\xfc\xdf"
                                "e",
                                out);
        QCOMPARE(out, QStringLiteral("Grüße"));
        out.clear();
        mimetext::appendCharset("us-ascii",
                                "Gr\xfc\xdf"
                                "e",
                                out); // mislabelled 8-bit
        QCOMPARE(out, QStringLiteral("Grüße"));
        out = QStringLiteral("kept ");
        mimetext::appendCharset("", "x", out);
        QCOMPARE(out, QStringLiteral("kept x"));
        if (!QStringDecoder("ISO-8859-15").isValid())
            QSKIP("this Qt has no ICU: only UTF-8 and Latin-1 decode exactly");
        out.clear();
        mimetext::appendCharset("ISO-8859-15", "\xa4", out);
        QCOMPARE(out, QStringLiteral("€"));
        out.clear();
        mimetext::appendCharset("windows-1252", "\x80", out);
        QCOMPARE(out, QStringLiteral("€"));
        out.clear();
        // 7-bit, yet not ASCII text: must go through the decoder.
        mimetext::appendCharset("ISO-2022-JP", "\x1b$B$3$s$K$A$O\x1b(B", out);
        QCOMPARE(out, QStringLiteral("こんにちは"));
    }

    void asciiCompatible_data()
    {
        QTest::addColumn<QByteArray>("charset");
        QTest::addColumn<bool>("compatible");
        for (const char *yes : {"", "us-ascii", "UTF-8", "utf8", "ISO-8859-1", "iso-8859-15",
                                "windows-1252", "KOI8-R", "latin1"})
            QTest::newRow(yes) << QByteArray(yes) << true;
        for (const char *no :
             {"ISO-2022-JP", "UTF-16", "utf-16le", "UTF-7", "Shift_JIS", "x-unknown", "utf"})
            QTest::newRow(no) << QByteArray(no) << false;
    }

    void asciiCompatible()
    {
        QFETCH(QByteArray, charset);
        QFETCH(bool, compatible);
        QCOMPARE(mimetext::asciiCompatible(charset), compatible);
    }

    void dates_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QDate>("out"); // invalid when refused
        QTest::newRow("rfc5322") << QByteArray("Sun, 1 Nov 2026 00:30:00 +0100")
                                 << QDate(2026, 11, 1);
        QTest::newRow("no day name") << QByteArray("01 Nov 2026 10:00 -0800") << QDate(2026, 11, 1);
        QTest::newRow("two-digit year") << QByteArray("15 Nov 26 20:00 GMT") << QDate(2026, 11, 15);
        QTest::newRow("old year") << QByteArray("Fri, 1 Jan 99 00:00:00 GMT") << QDate(1999, 1, 1);
        QTest::newRow("lowercase") << QByteArray("3 dec 2025") << QDate(2025, 12, 3);
        QTest::newRow("bad month") << QByteArray("1 Foo 2026") << QDate();
        QTest::newRow("bad day") << QByteArray("31 Feb 2026") << QDate();
        QTest::newRow("empty") << QByteArray("") << QDate();
        QTest::newRow("words") << QByteArray("yesterday evening") << QDate();
        QTest::newRow("iso") << QByteArray("2026-11-01") << QDate();
    }

    void dates()
    {
        QFETCH(QByteArray, in);
        QFETCH(QDate, out);
        const std::optional<QDate> date = mimetext::headerDate(in);
        QCOMPARE(date.value_or(QDate()), out);
    }
};

QTEST_APPLESS_MAIN(tst_MimeText)
#include "tst_mimetext.moc"
