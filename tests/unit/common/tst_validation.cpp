// Unit tests of common::validation: short names, domain names, email addresses, full names
// and passwords, at and just past every limit, plus the relay and injection shapes the rules
// exist to refuse, and address normalisation.
// Security: these rules guard file names, SMTP envelopes and SQL parameters; each refusal row
// is an input someone could send.
#include "validation/validation.h"

#include <QTest>

using namespace common::validation;

namespace {

QString ascii(const char *s)
{
    return QString::fromLatin1(s);
}
QString repeat(char c, int n)
{
    return QString(n, QLatin1Char(c));
}
// A string with one UTF-16 code unit placed between two letters, for control characters.
QString around(char16_t c)
{
    return QStringLiteral("ab") + QChar(c) + QStringLiteral("cd");
}

// A domain of exactly n characters made of 63-character labels (n >= 1).
QString domainOfLength(int n)
{
    QString out;
    while (out.size() < n) {
        if (!out.isEmpty())
            out += QLatin1Char('.');
        const int room = n - int(out.size());
        out += repeat('a', std::min(63, room));
    }
    return out;
}

void addRow(const char *name, const QString &value, bool valid)
{
    QTest::newRow(name) << value << valid;
}

void verifyCheck(const Problem &problem, const QString &value, bool valid)
{
    if (valid) {
        QVERIFY2(!problem,
                 qPrintable(
                     QStringLiteral("refused \"%1\": %2").arg(value, problem.value_or(QString()))));
    } else {
        QVERIFY2(problem, qPrintable(QStringLiteral("accepted \"%1\"").arg(value)));
        QVERIFY(!problem->isEmpty());
    }
}

} // namespace

class tst_Validation : public QObject
{
    Q_OBJECT

private slots:
    void shortName_data();
    void shortName();
    void domainName_data();
    void domainName();
    void emailAddress_data();
    void emailAddress();
    void fullName_data();
    void fullName();
    void password_data();
    void password();
    void normalizeAddress_data();
    void normalizeAddress();
    void normalizeDomain();
};

void tst_Validation::shortName_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    addRow("alice", ascii("alice"), true);
    addRow("one letter", ascii("a"), true);
    addRow("one digit", ascii("7"), true);
    addRow("dot inside", ascii("bob.smith"), true);
    addRow("underscore and hyphen", ascii("x_y-z"), true);
    addRow("digits first", ascii("42abc"), true);
    addRow("64 chars", repeat('a', 64), true);

    addRow("empty", QString(), false);
    addRow("65 chars", repeat('a', 65), false);
    addRow("upper case", ascii("Alice"), false);
    addRow("all upper case", ascii("ALICE"), false);
    addRow("leading dot", ascii(".alice"), false);
    addRow("leading hyphen", ascii("-alice"), false);
    addRow("leading underscore", ascii("_alice"), false);
    addRow("trailing dot", ascii("alice."), false);
    addRow("double dot", ascii("a..b"), false);
    addRow("dot dot alone", ascii(".."), false);
    addRow("space inside", ascii("al ice"), false);
    addRow("trailing space", ascii("alice "), false);
    addRow("double quote", ascii("al\"ice"), false);
    addRow("single quote", ascii("o'brien"), false);
    addRow("semicolon", ascii("a;drop"), false);
    addRow("slash", ascii("a/b"), false);
    addRow("backslash", ascii("a\\b"), false);
    addRow("at sign", ascii("a@b"), false);
    addRow("NUL", around(u'\0'), false);
    addRow("newline", around(u'\n'), false);
    addRow("non-ASCII letter", QStringLiteral("jos\u00e9"), false);
    addRow("fullwidth letter", QStringLiteral("\uff41lice"), false);
}

void tst_Validation::shortName()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    verifyCheck(checkShortName(value), value, valid);
}

void tst_Validation::domainName_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    addRow("example.org", ascii("example.org"), true);
    addRow("mail.example.co.uk", ascii("mail.example.co.uk"), true);
    addRow("punycode", ascii("xn--bcher-kva.example"), true);
    addRow("localhost", ascii("localhost"), true);
    addRow("digits in labels", ascii("123.example.org"), true);
    addRow("hyphen inside", ascii("a-b.example"), true);
    addRow("upper case", ascii("Example.ORG"), true);
    addRow("label 63 chars", repeat('a', 63) + ascii(".org"), true);
    addRow("total 253", domainOfLength(253), true);

    addRow("empty", QString(), false);
    addRow("leading hyphen", ascii("-a.com"), false);
    addRow("trailing hyphen", ascii("a-.com"), false);
    addRow("empty label", ascii("a..b"), false);
    addRow("leading dot", ascii(".a"), false);
    addRow("trailing dot", ascii("a."), false);
    addRow("dot alone", ascii("."), false);
    addRow("label 64 chars", repeat('a', 64) + ascii(".org"), false);
    addRow("total 254", domainOfLength(254), false);
    addRow("space", ascii("exa mple.org"), false);
    addRow("numeric top label", ascii("a.123"), false);
    addRow("IPv4 address", ascii("192.168.0.1"), false);
    addRow("address literal", ascii("[127.0.0.1]"), false);
    addRow("underscore", ascii("my_host.example"), false);
    addRow("non-ASCII", QStringLiteral("b\u00fccher.example"), false);
    addRow("NUL", ascii("example.org") + QChar(u'\0'), false);
    addRow("trailing newline", ascii("example.org\n"), false);
    addRow("at sign", ascii("a@example.org"), false);
}

void tst_Validation::domainName()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    verifyCheck(checkDomainName(value), value, valid);
}

void tst_Validation::emailAddress_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    addRow("simple", ascii("a@example.org"), true);
    addRow("dots and plus", ascii("first.last+tag@example.org"), true);
    addRow("upper case", ascii("Alice@Example.ORG"), true);
    addRow("local part 64 chars", repeat('a', 64) + ascii("@x.org"), true);
    addRow("total 254", repeat('a', 64) + QLatin1Char('@') + domainOfLength(189), true);
    addRow("single-label domain", ascii("postmaster@localhost"), true);

    addRow("empty", QString(), false);
    addRow("missing @", ascii("alice.example.org"), false);
    addRow("empty local part", ascii("@example.org"), false);
    addRow("empty domain", ascii("alice@"), false);
    addRow("double dot in local part", ascii("a..b@x.org"), false);
    addRow("leading dot in local part", ascii(".a@x.org"), false);
    addRow("trailing dot in local part", ascii("a.@x.org"), false);
    addRow("quoted local part", ascii("\"a b\"@x.org"), false);
    addRow("quoted local part without space", ascii("\"ab\"@x.org"), false);
    addRow("percent relay", ascii("user%other@host.org"), false);
    addRow("bang path", ascii("a!b@x.org"), false);
    addRow("source route", ascii("@a:b@c.org"), false);
    addRow("two @", ascii("a@b@c.org"), false);
    addRow("local part 65 chars", repeat('a', 65) + ascii("@x.org"), false);
    addRow("total 255", repeat('a', 64) + QLatin1Char('@') + domainOfLength(190), false);
    addRow("trailing space", ascii("a@example.org "), false);
    addRow("trailing spaces", ascii("a@example.org   "), false);
    addRow("leading space", ascii(" a@example.org"), false);
    addRow("space in local part", ascii("a b@example.org"), false);
    addRow("angle brackets", ascii("<a@example.org>"), false);
    addRow("display name", ascii("Alice <a@example.org>"), false);
    addRow("comma list", ascii("a@example.org,b@example.org"), false);
    addRow("CRLF injection", ascii("a@example.org\r\nRCPT TO:<b@evil.org>"), false);
    addRow("NUL in local part", ascii("a") + QChar(u'\0') + ascii("b@x.org"), false);
    addRow("backslash", ascii("a\\b@x.org"), false);
    addRow("address literal domain", ascii("a@[127.0.0.1]"), false);
    addRow("numeric domain", ascii("a@1.2.3.4"), false);
    addRow("non-ASCII local part", QStringLiteral("j\u00f6rg@example.org"), false);
    addRow("non-ASCII domain", QStringLiteral("a@b\u00fccher.example"), false);
    addRow("bad domain", ascii("a@-x.org"), false);
}

void tst_Validation::emailAddress()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    verifyCheck(checkEmailAddress(value), value, valid);
}

void tst_Validation::fullName_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    addRow("empty (optional)", QString(), true);
    addRow("plain", ascii("Alice Liddell"), true);
    addRow("punctuation", ascii("Dr. O'Brien-Smith, Jr."), true);
    addRow("non-ASCII", QStringLiteral("Zo\u00eb \u0141ukasiewicz \u5f20\u4e09"), true);
    addRow("256 chars", repeat('x', 256), true);

    addRow("257 chars", repeat('x', 257), false);
    addRow("newline", around(u'\n'), false);
    addRow("carriage return", around(u'\r'), false);
    addRow("tab", around(u'\t'), false);
    addRow("NUL", around(u'\0'), false);
    addRow("escape", around(u'\x1b'), false);
    addRow("DEL", around(u'\x7f'), false);
    addRow("C1 control (NEL)", around(u'\x85'), false);
    addRow("line separator", around(u'\u2028'), false);
    addRow("paragraph separator", around(u'\u2029'), false);
}

void tst_Validation::fullName()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    verifyCheck(checkFullName(value), value, valid);
}

void tst_Validation::password_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    addRow("7 chars", ascii("abcdefg"), false);
    addRow("empty", QString(), false);
    addRow("8 chars", ascii("abcdefgh"), true);
    addRow("spaces and symbols", ascii("correct horse \"battery\" $taple;"), true);
    addRow("non-ASCII", QStringLiteral("p\u00e4ssw\u00f6rd\u00df"), true);
    addRow("1024 bytes", repeat('p', 1024), true);
    addRow("1024 bytes of 2-byte characters", QString(512, QChar(u'\u00e9')), true);
    addRow("1025 bytes", repeat('p', 1025), false);
    addRow("1026 bytes of 2-byte characters", QString(513, QChar(u'\u00e9')), false);
    addRow("control character",
           ascii("abcd\x01"
                 "efgh"),
           false);
    addRow("newline", ascii("abcdefgh\n"), false);
    addRow("NUL", ascii("abcd") + QChar(u'\0') + ascii("efgh"), false);
    addRow("DEL",
           ascii("abcd\x7f"
                 "efgh"),
           false);
    // "At least 8 characters" counts characters (code points, as NIST SP 800-63B asks), not
    // UTF-16 units: four characters outside the BMP are 8 units but only 4 characters.
    addRow("4 characters outside the BMP",
           QStringLiteral("\U0001F511\U0001F512\U0001F513\U0001F510"), false);
    addRow("7 ASCII + 1 outside the BMP", QStringLiteral("abcdefg\U0001F511"), true);
}

void tst_Validation::password()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    verifyCheck(checkPassword(value), value, valid);
}

void tst_Validation::normalizeAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");

    QTest::newRow("already normal") << ascii("alice@example.org") << ascii("alice@example.org");
    QTest::newRow("domain lowered") << ascii("alice@EXAMPLE.Org") << ascii("alice@example.org");
    QTest::newRow("local part kept")
        << ascii("Alice.Smith@Example.ORG") << ascii("Alice.Smith@example.org");
    QTest::newRow("upper-case local part only")
        << ascii("BOB@example.org") << ascii("BOB@example.org");
    QTest::newRow("last @ splits") << ascii("A@B@C.ORG") << ascii("A@B@c.org");
    QTest::newRow("no @ unchanged") << ascii("NoAt.Example") << ascii("NoAt.Example");
    QTest::newRow("empty") << QString() << QString();
}

void tst_Validation::normalizeAddress()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    QCOMPARE(common::validation::normalizeAddress(address), expected);
}

void tst_Validation::normalizeDomain()
{
    QCOMPARE(common::validation::normalizeDomain(ascii("Mail.EXAMPLE.org")),
             ascii("mail.example.org"));
    QCOMPARE(common::validation::normalizeDomain(ascii("example.org")), ascii("example.org"));
}

QTEST_APPLESS_MAIN(tst_Validation)
#include "tst_validation.moc"
