// Unit tests of maild::imap::ResponseWriter: quoting versus literals, flag lists, the
// INTERNALDATE format and the APPEND / SEARCH date grammars (with refusals).
#include "imap/grammar/responsewriter.h"

#include <QTest>
#include <QTimeZone>

using maild::imap::ResponseWriter;

class tst_ResponseWriter : public QObject
{
    Q_OBJECT

private slots:
    void strings()
    {
        QCOMPARE(ResponseWriter::string("hello"), QByteArray("\"hello\""));
        QCOMPARE(ResponseWriter::string(""), QByteArray("\"\""));
        QCOMPARE(ResponseWriter::string("a\"b\\c"), QByteArray("\"a\\\"b\\\\c\""));
        QCOMPARE(ResponseWriter::string("a\r\nb"), QByteArray("{4}\r\na\r\nb"));
        QCOMPARE(ResponseWriter::string("caf\xc3\xa9"), QByteArray("{5}\r\ncaf\xc3\xa9"));
        QCOMPARE(ResponseWriter::string(QByteArray(2000, 'x')).left(8), QByteArray("{2000}\r\n"));
        QCOMPARE(ResponseWriter::nstring(QByteArray()), QByteArray("NIL"));
        QCOMPARE(ResponseWriter::nstring(QByteArray("")), QByteArray("\"\""));
        QCOMPARE(ResponseWriter::astring("INBOX"), QByteArray("INBOX"));
        QCOMPARE(ResponseWriter::astring("nil"), QByteArray("\"nil\""));
        QCOMPARE(ResponseWriter::astring("a b"), QByteArray("\"a b\""));
        QCOMPARE(ResponseWriter::astring(""), QByteArray("\"\""));
    }

    void flags()
    {
        QCOMPARE(ResponseWriter::flagList({}), QByteArray("()"));
        QCOMPARE(ResponseWriter::flagList({"\\Seen", "$Label1"}), QByteArray("(\\Seen $Label1)"));
    }

    void dateTime()
    {
        const QDateTime utc(QDate(2026, 11, 21), QTime(22, 8, 0), QTimeZone::utc());
        QCOMPARE(ResponseWriter::dateTime(utc), QByteArray("\"21-Nov-2026 22:08:00 +0000\""));
        const QDateTime west(QDate(1994, 2, 1), QTime(7, 5, 9), QTimeZone(-(7 * 3600 + 30 * 60)));
        QCOMPARE(ResponseWriter::dateTime(west), QByteArray("\"01-Feb-1994 07:05:09 -0730\""));
    }

    void parseDateTime_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("utcSeconds");
        const qint64 base = QDateTime(QDate(2026, 11, 21), QTime(22, 8, 0), QTimeZone::utc())
                                .toSecsSinceEpoch();
        QTest::newRow("utc") << QByteArray("21-Nov-2026 22:08:00 +0000") << true << base;
        QTest::newRow("offset") << QByteArray("21-Nov-2026 23:38:00 +0130") << true << base;
        QTest::newRow("negative offset") << QByteArray("21-Nov-2026 17:08:00 -0500") << true << base;
        QTest::newRow("lower-case month") << QByteArray("21-nov-2026 22:08:00 +0000") << true << base;
        const qint64 first = QDateTime(QDate(2026, 11, 1), QTime(0, 0, 0), QTimeZone::utc())
                                 .toSecsSinceEpoch();
        QTest::newRow("space day") << QByteArray(" 1-Nov-2026 00:00:00 +0000") << true << first;
        QTest::newRow("zero day") << QByteArray("01-Nov-2026 00:00:00 +0000") << true << first;
        QTest::newRow("no zone") << QByteArray("21-Nov-2026 22:08:00") << false << qint64(0);
        QTest::newRow("bad month") << QByteArray("21-Nox-2026 22:08:00 +0000") << false << qint64(0);
        QTest::newRow("31 Feb") << QByteArray("31-Feb-2026 22:08:00 +0000") << false << qint64(0);
        QTest::newRow("hour 24") << QByteArray("21-Nov-2026 24:08:00 +0000") << false << qint64(0);
        QTest::newRow("zone minutes") << QByteArray("21-Nov-2026 22:08:00 +0099") << false << qint64(0);
        QTest::newRow("trailing") << QByteArray("21-Nov-2026 22:08:00 +0000x") << false << qint64(0);
        QTest::newRow("short year") << QByteArray("21-Nov-26 22:08:00 +0000") << false << qint64(0);
        QTest::newRow("empty") << QByteArray() << false << qint64(0);
    }

    void parseDateTime()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(qint64, utcSeconds);
        const std::optional<QDateTime> got = ResponseWriter::parseDateTime(text);
        QCOMPARE(bool(got), valid);
        if (valid)
            QCOMPARE(got->toSecsSinceEpoch(), utcSeconds);
    }

    void roundTrip()
    {
        const QDateTime when(QDate(2026, 3, 4), QTime(5, 6, 7), QTimeZone(3600 * 2));
        QByteArray text = ResponseWriter::dateTime(when);
        text = text.mid(1, text.size() - 2);
        QCOMPARE(ResponseWriter::parseDateTime(text)->toSecsSinceEpoch(), when.toSecsSinceEpoch());
    }

    void parseDate()
    {
        QCOMPARE(ResponseWriter::parseDate("1-Feb-1994"), std::optional<QDate>(QDate(1994, 2, 1)));
        QCOMPARE(ResponseWriter::parseDate("01-FEB-1994"), std::optional<QDate>(QDate(1994, 2, 1)));
        QCOMPARE(ResponseWriter::parseDate("29-Feb-2024"), std::optional<QDate>(QDate(2024, 2, 29)));
        QVERIFY(!ResponseWriter::parseDate("29-Feb-2026"));
        QVERIFY(!ResponseWriter::parseDate(" 1-Feb-1994"));
        QVERIFY(!ResponseWriter::parseDate("1-Feb-1994 "));
        QVERIFY(!ResponseWriter::parseDate("123-Feb-1994"));
        QVERIFY(!ResponseWriter::parseDate("1-Feb"));
    }
};

QTEST_APPLESS_MAIN(tst_ResponseWriter)
#include "tst_responsewriter.moc"
