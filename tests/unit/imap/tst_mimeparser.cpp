// Unit tests of maild::imap::MimeParser with bodyStructure() and envelope(): real-looking
// messages (plain, alternative, mixed with attachment, nested message/rfc822, 200 levels of
// multipart) against hand-checked BODYSTRUCTURE, BODY and ENVELOPE strings; headers,
// parameters (RFC 2231), addresses and groups; depth and part limits.
// Security: deeply nested and malformed MIME must end as leaves, never as a crash.
#include "imap/grammar/bodystructure.h"
#include "imap/grammar/envelope.h"
#include "imap/grammar/mimeparser.h"

#include <QTest>

using namespace maild::imap;

namespace {

QByteArray crlf(const char *text)
{
    return QByteArray(text).replace("\n", "\r\n");
}

const char *const kPlain = "From: Alice <alice@example.org>\n"
                           "To: bob@example.com\n"
                           "Subject: Hello\n"
                           "Date: Sat, 21 Nov 2026 22:08:00 +0000\n"
                           "Message-ID: <1@example.org>\n"
                           "\n"
                           "Hi Bob,\n"
                           "How are you?\n";

const char *const kAlternative = "From: a@b.c\n"
                                 "Content-Type: multipart/alternative; boundary=\"XX\"\n"
                                 "\n"
                                 "preamble\n"
                                 "--XX\n"
                                 "Content-Type: text/plain; charset=utf-8\n"
                                 "\n"
                                 "plain\n"
                                 "--XX\n"
                                 "Content-Type: text/html; charset=utf-8\n"
                                 "Content-Transfer-Encoding: quoted-printable\n"
                                 "\n"
                                 "<p>html</p>\n"
                                 "--XX--\n"
                                 "epilogue\n";

const char *const kMixed = "Content-Type: multipart/mixed; boundary=b1\n"
                           "\n"
                           "--b1\n"
                           "\n"
                           "Body text.\n"
                           "--b1\n"
                           "Content-Type: application/pdf; name=\"r.pdf\"\n"
                           "Content-Disposition: attachment; filename=\"r.pdf\"\n"
                           "Content-Transfer-Encoding: base64\n"
                           "Content-ID: <c1@x>\n"
                           "Content-Description: Report\n"
                           "Content-Language: en, de\n"
                           "\n"
                           "JVBERi0xLjQK\n"
                           "AAAA\n"
                           "--b1--\n";

const char *const kNested = "Content-Type: multipart/mixed; boundary=o\n"
                            "\n"
                            "--o\n"
                            "Content-Type: text/plain\n"
                            "\n"
                            "See attached.\n"
                            "--o\n"
                            "Content-Type: message/rfc822\n"
                            "\n"
                            "From: Carol <carol@x.org>\n"
                            "Subject: Inner\n"
                            "To: undisclosed-recipients:;\n"
                            "\n"
                            "Inner body\n"
                            "--o--\n";

const QByteArray kCarol = "((\"Carol\" NIL \"carol\" \"x.org\"))";
const QByteArray kInnerEnvelope = "(NIL \"Inner\" " + kCarol + ' ' + kCarol + ' ' + kCarol
    + " ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL NIL NIL NIL)";

// multipart/mixed nested `levels` deep with boundaries b0, b1, ...; a text leaf inside.
QByteArray deepMultipart(int levels)
{
    QByteArray msg;
    for (int i = 0; i < levels; ++i)
        msg += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\r\n\r\n--b"
            + QByteArray::number(i) + "\r\n";
    msg += "Content-Type: text/plain\r\n\r\nleaf";
    for (int i = levels - 1; i >= 0; --i)
        msg += "\r\n--b" + QByteArray::number(i) + "--";
    return msg;
}

} // namespace

class tst_MimeParser : public QObject
{
    Q_OBJECT

private slots:
    void bodyStructures_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("structure");
        QTest::addColumn<QByteArray>("body");

        QTest::newRow("plain")
            << crlf(kPlain)
            << QByteArray("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 23 2 "
                          "NIL NIL NIL NIL)")
            << QByteArray("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 23 2)");

        QTest::newRow("multipart/alternative")
            << crlf(kAlternative)
            << QByteArray("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 5 1 NIL "
                          "NIL NIL NIL)(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL "
                          "\"QUOTED-PRINTABLE\" 11 1 NIL NIL NIL NIL) \"ALTERNATIVE\" "
                          "(\"BOUNDARY\" \"XX\") NIL NIL NIL)")
            << QByteArray("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 5 1)"
                          "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL "
                          "\"QUOTED-PRINTABLE\" 11 1) \"ALTERNATIVE\")");

        QTest::newRow("multipart/mixed with attachment")
            << crlf(kMixed)
            << QByteArray("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 10 1 "
                          "NIL NIL NIL NIL)(\"APPLICATION\" \"PDF\" (\"NAME\" \"r.pdf\") "
                          "\"<c1@x>\" \"Report\" \"BASE64\" 18 NIL (\"ATTACHMENT\" (\"FILENAME\" "
                          "\"r.pdf\")) (\"en\" \"de\") NIL) \"MIXED\" (\"BOUNDARY\" \"b1\") NIL "
                          "NIL NIL)")
            << QByteArray("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 10 1)"
                          "(\"APPLICATION\" \"PDF\" (\"NAME\" \"r.pdf\") \"<c1@x>\" \"Report\" "
                          "\"BASE64\" 18) \"MIXED\")");

        QTest::newRow("nested message/rfc822")
            << crlf(kNested)
            << "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 13 1 NIL NIL NIL NIL)(\"MESSAGE\" "
               "\"RFC822\" NIL NIL NIL \"7BIT\" 85 "
                   + kInnerEnvelope
                   + " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 10 1 NIL "
                     "NIL NIL NIL) 5 NIL NIL NIL NIL) \"MIXED\" (\"BOUNDARY\" \"o\") NIL NIL NIL)"
            << "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 13 1)(\"MESSAGE\" \"RFC822\" NIL NIL "
               "NIL \"7BIT\" 85 "
                   + kInnerEnvelope
                   + " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 10 1) 5) "
                     "\"MIXED\")";

        QTest::newRow("multipart without boundary is a leaf")
            << crlf("Content-Type: multipart/mixed\n\nhello\n")
            << QByteArray("(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"7BIT\" 7 NIL NIL NIL "
                          "NIL)")
            << QByteArray("(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"7BIT\" 7)");

        QTest::newRow("digest defaults to message/rfc822")
            << crlf("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: x\n\nhi\n--d--\n")
            << QByteArray()
            << QByteArray("((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 16 (NIL \"x\" NIL NIL "
                          "NIL NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" (\"CHARSET\" "
                          "\"us-ascii\") NIL NIL \"7BIT\" 2 1) 3) \"DIGEST\")");

        QTest::newRow("8-bit parameter becomes a literal")
            << QByteArray("Content-Type: text/plain; name=\"caf\xc3\xa9\"\r\n\r\nx")
            << QByteArray()
            << QByteArray("(\"TEXT\" \"PLAIN\" (\"NAME\" {5}\r\ncaf\xc3\xa9) NIL NIL \"7BIT\" 1 1)");
    }

    void bodyStructures()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, structure);
        QFETCH(QByteArray, body);
        const MimePart root = MimeParser().parse(message);
        if (!structure.isEmpty())
            QCOMPARE(bodyStructure(root, true), structure);
        if (!body.isEmpty())
            QCOMPARE(bodyStructure(root, false), body);
    }

    void envelopeOfPlain()
    {
        const MimePart root = MimeParser().parse(crlf(kPlain));
        const QByteArray alice = "((\"Alice\" NIL \"alice\" \"example.org\"))";
        QCOMPARE(envelope(root.header),
                 "(\"Sat, 21 Nov 2026 22:08:00 +0000\" \"Hello\" " + alice + ' ' + alice + ' '
                     + alice + " ((NIL NIL \"bob\" \"example.com\")) NIL NIL NIL "
                               "\"<1@example.org>\")");
    }

    void offsets()
    {
        const QByteArray msg = crlf(kAlternative);
        const MimePart root = MimeParser().parse(msg);
        QCOMPARE(root.children.size(), 2);
        const MimePart &plain = root.children[0];
        QCOMPARE(msg.mid(plain.bodyOffset, plain.bodySize), QByteArray("plain"));
        QCOMPARE(msg.mid(plain.headerOffset, plain.headerSize),
                 QByteArray("Content-Type: text/plain; charset=utf-8\r\n\r\n"));
        QCOMPARE(root.headerSize + root.bodySize, msg.size());
    }

    void deepNestingBecomesLeaf()
    {
        const QByteArray msg = deepMultipart(200);
        const MimePart root = MimeParser().parse(msg);
        // Levels 0..49 stay multipart; level 50 is a leaf holding the rest.
        const MimePart *p = &root;
        for (int level = 0; level < 50; ++level) {
            QVERIFY(p->isMultipart());
            QCOMPARE(p->children.size(), 1);
            p = &p->children.first();
        }
        QVERIFY(!p->isMultipart());
        QCOMPARE(p->type, QByteArray("APPLICATION"));
        const QByteArray head = "Content-Type: multipart/mixed; boundary=b50\r\n\r\n";
        const qsizetype bodyStart = msg.indexOf(head) + head.size();
        const qsizetype bodyEnd = msg.indexOf("\r\n--b49--");
        QCOMPARE(p->bodySize, bodyEnd - bodyStart);

        // 50 multipart levels open a parenthesis each, then the leaf its own.
        QByteArray expected = QByteArray(51, '(') + "\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL "
            "\"7BIT\" " + QByteArray::number(bodyEnd - bodyStart) + " NIL NIL NIL NIL)";
        for (int level = 49; level >= 0; --level)
            expected += " \"MIXED\" (\"BOUNDARY\" \"b" + QByteArray::number(level)
                + "\") NIL NIL NIL)";
        QCOMPARE(bodyStructure(root, true), expected);
    }

    void deepMessageNesting()
    {
        QByteArray msg;
        for (int i = 0; i < 5000; ++i)
            msg += "Content-Type: message/rfc822\r\n\r\n";
        msg += "x";
        const MimePart root = MimeParser().parse(msg);
        QVERIFY(bodyStructure(root, true).startsWith("(\"MESSAGE\" \"RFC822\""));
    }

    void partLimit()
    {
        QByteArray msg = "Content-Type: multipart/mixed; boundary=z\r\n\r\n";
        for (int i = 0; i < 100; ++i)
            msg += "--z\r\n\r\npart\r\n";
        msg += "--z--\r\n";
        MimeLimits limits;
        limits.maxParts = 10;
        const MimePart root = MimeParser(limits).parse(msg);
        QCOMPARE(root.children.size(), 9); // the root counts as one
        QCOMPARE(MimeParser().parse(msg).children.size(), 100);
    }

    void headers()
    {
        const QByteArray msg = crlf("Subject: one\n two\n\tthree\nX-Empty:\nno colon line\n"
                                    "subject: second\n\nbody");
        const MimePart part = MimeParser().parseHeaderOnly(msg);
        QCOMPARE(part.header.value("SUBJECT"), QByteArray(" one two\tthree"));
        QCOMPARE(part.header.values("subject").size(), 2);
        QCOMPARE(part.header.value("x-empty"), QByteArray(""));
        QVERIFY(part.header.value("Missing").isNull());
        QCOMPARE(part.bodyOffset, msg.indexOf("body"));
        QVERIFY(part.children.isEmpty());
        // The full parse trims the values.
        QCOMPARE(MimeParser().parse(msg).header.value("Subject"), QByteArray("one two\tthree"));
        // No empty line: all header, no body.
        const MimePart headerOnly = MimeParser().parse("Subject: x");
        QCOMPARE(headerOnly.bodySize, 0);
        QCOMPARE(headerOnly.header.value("subject"), QByteArray("x"));
    }

    void contentTypeParameters()
    {
        QByteArray type, subtype;
        MimeParams params;
        QVERIFY(MimeParser::parseContentType(
            "Text/Plain (comment); Charset=\"utf-8\"; format=flowed;", type, subtype, params));
        QCOMPARE(type, QByteArray("TEXT"));
        QCOMPARE(subtype, QByteArray("PLAIN"));
        QCOMPARE(params, MimeParams({{"CHARSET", "utf-8"}, {"FORMAT", "flowed"}}));

        QVERIFY(MimeParser::parseContentType(
            "application/x-stuff; title*0*=us-ascii'en'This%20is; title*1*=%20fun; "
            "name*1=\"b.txt\"; name*0=a",
            type, subtype, params));
        QCOMPARE(params, MimeParams({{"TITLE*", "us-ascii'en'This%20is%20fun"},
                                     {"NAME", "ab.txt"}}));
        QVERIFY(MimeParser::parseContentType("a/b; x*=utf-8''%e2", type, subtype, params));
        QCOMPARE(params, MimeParams({{"X*", "utf-8''%e2"}}));
        QVERIFY(!MimeParser::parseContentType("text", type, subtype, params));
        QVERIFY(!MimeParser::parseContentType("/plain", type, subtype, params));
    }

    void addresses_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("list"); // rendered like ENVELOPE address lists
        QTest::newRow("addr-spec") << QByteArray("bob@example.com")
                                   << QByteArray("(NIL NIL \"bob\" \"example.com\")");
        QTest::newRow("quoted name") << QByteArray("\"Doe, \\\"J\\\"\" <j@d.org>")
                                     << QByteArray("(\"Doe, \\\"J\\\"\" NIL \"j\" \"d.org\")");
        QTest::newRow("phrase with dot") << QByteArray("John Q. Public <jqp@x.y>")
                                         << QByteArray("(\"John Q. Public\" NIL \"jqp\" \"x.y\")");
        QTest::newRow("encoded word kept") << QByteArray("=?UTF-8?Q?J=C3=B6rg?= <j@x.de>")
                                           << QByteArray("(\"=?UTF-8?Q?J=C3=B6rg?=\" NIL \"j\" \"x.de\")");
        // RFC 5322 3.4: a comment after a bare addr-spec is its display name (as mail
        // clients show it); comments elsewhere are dropped.
        QTest::newRow("comment names an addr-spec") << QByteArray("a@b.c (Alice), c@d.e")
                                         << QByteArray("(\"Alice\" NIL \"a\" \"b.c\")(NIL NIL \"c\" \"d.e\")");
        QTest::newRow("comment form") << QByteArray("user@domain (Real  Name)")
                                      << QByteArray("(\"Real Name\" NIL \"user\" \"domain\")");
        QTest::newRow("comments inside angles dropped")
            << QByteArray("<user-from (comment)@ (comment) domain.org>")
            << QByteArray("(NIL NIL \"user-from\" \"domain.org\")");
        QTest::newRow("comment beside a phrase dropped") << QByteArray("Bob (the boss) <b@x.y> (work)")
                                                         << QByteArray("(\"Bob\" NIL \"b\" \"x.y\")");
        QTest::newRow("nested comment") << QByteArray("u@h (A (B) \\) C)")
                                        << QByteArray("(\"A (B) ) C\" NIL \"u\" \"h\")");
        QTest::newRow("comment inside an addr-spec dropped") << QByteArray("u (x) @ h")
                                                             << QByteArray("(NIL NIL \"u\" \"h\")");
        QTest::newRow("route") << QByteArray("<@r1.x,@r2.y:u@h.z>")
                               << QByteArray("(NIL \"@r1.x,@r2.y\" \"u\" \"h.z\")");
        QTest::newRow("group") << QByteArray("Team: a@x.y, B <b@x.y>;, c@z")
                               << QByteArray("(NIL NIL \"Team\" NIL)(NIL NIL \"a\" \"x.y\")"
                                             "(\"B\" NIL \"b\" \"x.y\")(NIL NIL NIL NIL)"
                                             "(NIL NIL \"c\" \"z\")");
        QTest::newRow("empty group") << QByteArray("undisclosed-recipients:;")
                                     << QByteArray("(NIL NIL \"undisclosed-recipients\" NIL)"
                                                   "(NIL NIL NIL NIL)");
        QTest::newRow("unterminated group") << QByteArray("G: a@b")
                                            << QByteArray("(NIL NIL \"G\" NIL)(NIL NIL \"a\" \"b\")"
                                                          "(NIL NIL NIL NIL)");
        QTest::newRow("no domain") << QByteArray("root") << QByteArray("(NIL NIL \"root\" \"\")");
        QTest::newRow("empty elements") << QByteArray(", ,a@b,") << QByteArray("(NIL NIL \"a\" \"b\")");
        QTest::newRow("unterminated angle") << QByteArray("X <a@b")
                                            << QByteArray("(\"X\" NIL \"a\" \"b\")");
        QTest::newRow("domain literal") << QByteArray("u@[192.0.2.1]")
                                        << QByteArray("(NIL NIL \"u\" \"[192.0.2.1]\")");
    }

    void addresses()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, list);
        QByteArray got;
        for (const EnvelopeAddress &a : parseAddressList(value)) {
            got += '(' + (a.name.isNull() ? QByteArray("NIL") : '"' + a.name + '"') + ' '
                + (a.adl.isNull() ? QByteArray("NIL") : '"' + a.adl + '"') + ' '
                + (a.mailbox.isNull() ? QByteArray("NIL") : '"' + a.mailbox + '"') + ' '
                + (a.host.isNull() ? QByteArray("NIL") : '"' + a.host + '"') + ')';
        }
        got.replace("Doe, \"J\"", "Doe, \\\"J\\\""); // compare in the escaped form
        QCOMPARE(got, list);
    }

    void plainAddresses()
    {
        QCOMPARE(maild::imap::plainAddresses(parseAddressList("<user-from (c)@ (c) domain.org>")),
                 QByteArray("user-from@domain.org"));
        QCOMPARE(maild::imap::plainAddresses(parseAddressList("u@h (Real Name), \"B\" <b@x>")),
                 QByteArray("Real Name <u@h>, B <b@x>"));
        QCOMPARE(maild::imap::plainAddresses(parseAddressList("T: a@x, b@y;, c@z")),
                 QByteArray("T:a@x, b@y;, c@z"));
    }

    void envelopeDefaultsAndLiterals()
    {
        MimeHeader h;
        h.fields = {{"From", "a@b"}, {"Reply-To", "r@b"}, {"Subject", "caf\xc3\xa9"}};
        QCOMPARE(envelope(h), QByteArray("(NIL {5}\r\ncaf\xc3\xa9 ((NIL NIL \"a\" \"b\")) "
                                         "((NIL NIL \"a\" \"b\")) ((NIL NIL \"r\" \"b\")) NIL NIL "
                                         "NIL NIL NIL)"));
        QCOMPARE(envelope(MimeHeader()), QByteArray("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)"));
    }

    void lfOnlyMessage()
    {
        const MimePart root = MimeParser().parse(QByteArray(kAlternative));
        QCOMPARE(root.children.size(), 2);
        QCOMPARE(root.children[0].bodySize, 5);
    }
};

QTEST_APPLESS_MAIN(tst_MimeParser)
#include "tst_mimeparser.moc"
