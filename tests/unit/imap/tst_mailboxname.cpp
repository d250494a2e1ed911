// Unit tests of maild::imap::MailboxName: modified UTF-7 both ways (RFC 3501 5.1.3 and its
// example), every kind of bad encoding refused, the store's name rules, INBOX normalisation.
// Security: names with "..", "/", NUL or bad encodings (TESTING.md, IMAP list).
#include "imap/grammar/mailboxname.h"

#include <QTest>

using maild::imap::MailboxName;

class tst_MailboxName : public QObject
{
    Q_OBJECT

private slots:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        auto ok = [](const char *tag, const char *wire, const QString &name) {
            QTest::newRow(tag) << QByteArray(wire) << name << true;
        };
        auto bad = [](const char *tag, const QByteArray &wire) {
            QTest::newRow(tag) << wire << QString() << false;
        };
        ok("ascii", "INBOX/Sent", QStringLiteral("INBOX/Sent"));
        ok("ampersand", "Tom &- Jerry", QStringLiteral("Tom & Jerry"));
        ok("rfc example", "~peter/mail/&U,BTFw-/&ZeVnLIqe-",
           QStringLiteral("~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e"));
        ok("umlaut", "Entw&APw-rfe", QStringLiteral("Entw\u00fcrfe"));
        ok("emoji", "&2D3eAA-", QString::fromUtf8("\xf0\x9f\x98\x80"));
        ok("empty", "", QString());
        bad("unterminated", "Entw&APw");
        bad("bare ampersand at end", "a&");
        bad("non-base64", "&AP*-");
        bad("standard base64 slash", "&AP/-");
        bad("encoded printable ascii", "&AGE-");
        bad("too few bits", "&AP-");
        bad("bad padding", "&APx-");
        bad("adjacent runs", "&APw-&APw-");
        bad("lone high surrogate", "&2D0-");
        bad("lone low surrogate", "&3gA-");
        bad("raw 8-bit", "caf\xc3\xa9");
        bad("control", "a\tb");
        bad("NUL", QByteArray("a\0b", 3));
    }

    void decode()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const std::optional<QString> got = MailboxName::decode(wire);
        QCOMPARE(bool(got), valid);
        if (valid) {
            QCOMPARE(*got, name);
            QCOMPARE(MailboxName::encode(name), wire); // the one canonical form
        }
    }

    void encodeRoundTrip()
    {
        const QString names[] = {QStringLiteral("\u00e9t\u00e9 & hiver"),
                                 QStringLiteral("\u65e5\u672c\u8a9e/a\u00e9b"),
                                 QStringLiteral("&&&"), QStringLiteral("\u00e9")};
        for (const QString &n : names) {
            const QByteArray wire = MailboxName::encode(n);
            for (char c : wire)
                QVERIFY(c >= 0x20 && c <= 0x7e);
            QCOMPARE(MailboxName::decode(wire).value_or(QString()), n);
        }
    }

    void problems_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("acceptable");
        auto row = [](const char *tag, const QString &n, bool ok) {
            QTest::newRow(tag) << n << ok;
        };
        row("plain", QStringLiteral("Archive/2026"), true);
        row("dots inside", QStringLiteral("a.b/..c/d.."), true);
        row("empty", QString(), false);
        row("leading slash", QStringLiteral("/etc"), false);
        row("trailing slash", QStringLiteral("a/"), false);
        row("double slash", QStringLiteral("a//b"), false);
        row("dot", QStringLiteral("a/./b"), false);
        row("dotdot", QStringLiteral("../x"), false);
        row("dotdot last", QStringLiteral("a/.."), false);
        row("NUL", QString(QChar(0)) + QStringLiteral("x"), false);
        row("newline", QStringLiteral("a\nb"), false);
        row("DEL", QStringLiteral("a\x7f"), false);
        row("C1 control", QStringLiteral("a\u0085"), false);
        row("wildcard", QStringLiteral("a*"), false);
        row("percent", QStringLiteral("a%b"), false);
        row("255", QString(255, QLatin1Char('x')), true);
        row("256", QString(256, QLatin1Char('x')), false);
        row("10 levels", QStringLiteral("1/2/3/4/5/6/7/8/9/10"), true);
        row("11 levels", QStringLiteral("1/2/3/4/5/6/7/8/9/10/11"), false);
    }

    void problems()
    {
        QFETCH(QString, name);
        QFETCH(bool, acceptable);
        QCOMPARE(MailboxName::problem(name).isEmpty(), acceptable);
    }

    void inbox()
    {
        QCOMPARE(MailboxName::normalized(QStringLiteral("inbox")), QStringLiteral("INBOX"));
        QCOMPARE(MailboxName::normalized(QStringLiteral("InBoX/Sub")), QStringLiteral("INBOX/Sub"));
        QCOMPARE(MailboxName::normalized(QStringLiteral("Inboxes")), QStringLiteral("Inboxes"));
        QCOMPARE(MailboxName::normalized(QStringLiteral("Sent/inbox")),
                 QStringLiteral("Sent/inbox"));
    }

    void fromWire()
    {
        QString why;
        QCOMPARE(MailboxName::fromWire("inbox/Entw&APw-rfe").value_or(QString()),
                 QStringLiteral("INBOX/Entw\u00fcrfe"));
        QVERIFY(!MailboxName::fromWire("a/&AGE-", &why));
        QVERIFY(why.contains(QLatin1String("UTF-7")));
        QVERIFY(!MailboxName::fromWire("a/../b", &why));
        QVERIFY(!why.isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_MailboxName)
#include "tst_mailboxname.moc"
