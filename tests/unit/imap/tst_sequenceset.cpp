// Unit tests of maild::imap::SequenceSet: parsing (and refusals), '*' resolution, reversed
// ranges, membership, intersection, and that 1:4294967295 costs O(ranges).
// Security: sequence sets are client text; the huge-set cases pin the complexity promise.
#include "imap/grammar/sequenceset.h"

#include <QElapsedTimer>
#include <QTest>

using maild::imap::SequenceSet;
using Range = SequenceSet::Range;

Q_DECLARE_METATYPE(QList<Range>)

namespace {
QByteArray show(const QList<Range> &ranges)
{
    QByteArray out;
    for (const Range &r : ranges)
        out += (out.isEmpty() ? "" : ",") + QByteArray::number(r.first) + ':'
            + QByteArray::number(r.last);
    return out;
}
} // namespace

class tst_SequenceSet : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<quint32>("max");
        QTest::addColumn<QByteArray>("ranges"); // "" when refused, "-" when empty
        QTest::newRow("one") << QByteArray("1") << 10u << QByteArray("1:1");
        QTest::newRow("range") << QByteArray("1:5") << 10u << QByteArray("1:5");
        QTest::newRow("star") << QByteArray("*") << 10u << QByteArray("10:10");
        QTest::newRow("from to star") << QByteArray("5:*") << 10u << QByteArray("5:10");
        QTest::newRow("star beyond") << QByteArray("15:*") << 10u << QByteArray("10:15");
        QTest::newRow("list") << QByteArray("1,3:4,10:*") << 20u << QByteArray("1:1,3:4,10:20");
        QTest::newRow("reversed") << QByteArray("5:1") << 10u << QByteArray("1:5");
        QTest::newRow("merged") << QByteArray("3:7,1:4,8") << 10u << QByteArray("1:8");
        QTest::newRow("max number") << QByteArray("4294967295") << 1u
                                    << QByteArray("4294967295:4294967295");
        QTest::newRow("huge") << QByteArray("1:4294967295") << 1u << QByteArray("1:4294967295");
        QTest::newRow("star, empty mailbox") << QByteArray("1:*,3") << 0u << QByteArray("3:3");
        QTest::newRow("only star, empty mailbox") << QByteArray("*") << 0u << QByteArray("-");
        QTest::newRow("zero") << QByteArray("0") << 10u << QByteArray();
        QTest::newRow("zero in range") << QByteArray("0:5") << 10u << QByteArray();
        QTest::newRow("leading zero") << QByteArray("01") << 10u << QByteArray();
        QTest::newRow("overflow") << QByteArray("4294967296") << 10u << QByteArray();
        QTest::newRow("long overflow") << QByteArray("99999999999999999999") << 10u << QByteArray();
        QTest::newRow("empty") << QByteArray() << 10u << QByteArray();
        QTest::newRow("empty element") << QByteArray("1,,2") << 10u << QByteArray();
        QTest::newRow("trailing comma") << QByteArray("1,") << 10u << QByteArray();
        QTest::newRow("open range") << QByteArray("1:") << 10u << QByteArray();
        QTest::newRow("double colon") << QByteArray("1:2:3") << 10u << QByteArray();
        QTest::newRow("letters") << QByteArray("1:a") << 10u << QByteArray();
        QTest::newRow("space") << QByteArray("1, 2") << 10u << QByteArray();
        QTest::newRow("negative") << QByteArray("-1") << 10u << QByteArray();
    }

    void parse()
    {
        QFETCH(QByteArray, text);
        QFETCH(quint32, max);
        QFETCH(QByteArray, ranges);
        const std::optional<SequenceSet> set = SequenceSet::parse(text);
        if (ranges.isEmpty()) {
            QVERIFY(!set);
            return;
        }
        QVERIFY(set);
        const QByteArray got = show(set->ranges(max));
        QCOMPARE(got.isEmpty() ? QByteArray("-") : got, ranges);
    }

    void contains()
    {
        const SequenceSet set = *SequenceSet::parse("2,4:6,9:*");
        QVERIFY(!set.contains(1, 12));
        QVERIFY(set.contains(2, 12));
        QVERIFY(!set.contains(3, 12));
        QVERIFY(set.contains(5, 12));
        QVERIFY(set.contains(12, 12));
        QVERIFY(!set.contains(13, 12));
        QVERIFY(set.usesStar());
        QVERIFY(!SequenceSet::parse("1:2")->usesStar());
        QVERIFY(!set.contains(9, 0)); // empty mailbox: 9:* selects nothing
    }

    void intersect()
    {
        const SequenceSet set = *SequenceSet::parse("2,4:6,100:*");
        const QList<quint32> uids{1, 2, 3, 5, 6, 7, 99, 100, 150, 4000000000u};
        QCOMPARE(set.intersect(uids, 4000000000u),
                 QList<quint32>({2, 5, 6, 100, 150, 4000000000u}));
        QCOMPARE(set.intersect({}, 10), QList<quint32>());
        // "UID FETCH 200:*" with the highest UID 150 still names UID 150 (RFC 3501 6.4.8).
        QCOMPARE(SequenceSet::parse("200:*")->intersect(uids, 150), QList<quint32>({150}));
    }

    void hugeSetIsCheap()
    {
        QElapsedTimer timer;
        timer.start();
        const SequenceSet set = *SequenceSet::parse("1:4294967295,7,4294967295:1");
        QCOMPARE(set.ranges(5).size(), 1);
        QCOMPARE(set.count(5), quint64(4294967295u));
        QVERIFY(set.contains(4294967295u, 5));
        QList<quint32> uids;
        for (quint32 i = 1; i <= 1000; ++i)
            uids.append(i * 4000000u);
        QCOMPARE(set.intersect(uids, 5).size(), 1000);
        int seen = 0;
        set.forEach(5, [&](quint32 n) { ++seen; return n < 3; });
        QCOMPARE(seen, 3);
        QVERIFY(timer.elapsed() < 1000);
    }

    void forEachAtTop()
    {
        // The loop must end at 4294967295 without wrapping to 0.
        QList<quint32> got;
        SequenceSet::parse("4294967294:*")->forEach(4294967295u, [&](quint32 n) {
            got.append(n);
            return got.size() < 10;
        });
        QCOMPARE(got, QList<quint32>({4294967294u, 4294967295u}));
    }
};

QTEST_APPLESS_MAIN(tst_SequenceSet)
#include "tst_sequenceset.moc"
