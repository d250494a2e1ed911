// Unit tests of core::Statistics with an injected clock: counts land in the current minute's
// bucket, the window is oldest first and ends at the current minute, a minute without
// traffic reads 0, a bucket reused an hour later starts afresh, a gap longer than the ring
// clears everything, and today's totals restart at the (local) midnight.
#include "core/statistics.h"

#include <QTest>

using maild::core::Statistics;
using Counter = maild::core::Statistics::Counter;

class tst_Statistics : public QObject
{
    Q_OBJECT

private slots:
    void countsLandInTheCurrentMinute();
    void windowIsOldestFirst_data();
    void windowIsOldestFirst();
    void bucketReusedAnHourLaterStartsAfresh();
    void longGapClearsTheRing();
    void windowIsClamped();
    void todayRestartsAtMidnight();
    void ignoresNonPositiveAmounts();

private:
    QDateTime m_now;
    Statistics::Clock clock()
    {
        return [this] { return m_now; };
    }
};

namespace {
const QDateTime kBase = QDateTime(QDate(2026, 11, 21), QTime(12, 0, 0), Qt::UTC);
} // namespace

void tst_Statistics::countsLandInTheCurrentMinute()
{
    m_now = kBase.addSecs(30);
    Statistics stats(clock());
    stats.add(Counter::MessagesIn);
    stats.add(Counter::MessagesIn);
    stats.add(Counter::BytesIn, 1000);
    stats.add(Counter::Connections);
    const Statistics::Window w = stats.window(60);
    QCOMPARE(w.minuteStart, kBase.addSecs(-59 * 60));
    for (const auto &series : w.series)
        QCOMPARE(series.size(), 60);
    QCOMPARE(w.series[size_t(Counter::MessagesIn)].last(), 2);
    QCOMPARE(w.series[size_t(Counter::BytesIn)].last(), 1000);
    QCOMPARE(w.series[size_t(Counter::Connections)].last(), 1);
    QCOMPARE(w.series[size_t(Counter::MessagesOut)].last(), 0);
    QCOMPARE(w.series[size_t(Counter::MessagesIn)].first(), 0);
    QCOMPARE(stats.today(Counter::MessagesIn), 2);
}

void tst_Statistics::windowIsOldestFirst_data()
{
    QTest::addColumn<int>("minutes");
    QTest::newRow("1") << 1;
    QTest::newRow("5") << 5;
    QTest::newRow("60") << 60;
}

void tst_Statistics::windowIsOldestFirst()
{
    QFETCH(int, minutes);
    m_now = kBase;
    Statistics stats(clock());
    // n messages in the minute n minutes before the last one: 0 now, 1 a minute ago...
    for (int ago = 9; ago >= 0; --ago) {
        m_now = kBase.addSecs(-ago * 60 + 59);
        stats.add(Counter::MessagesIn, ago + 1);
    }
    m_now = kBase.addSecs(10);
    const Statistics::Window w = stats.window(minutes);
    QCOMPARE(w.minuteStart, kBase.addSecs(-(minutes - 1) * 60));
    const QList<qint64> &in = w.series[size_t(Counter::MessagesIn)];
    QCOMPARE(in.size(), minutes);
    for (int i = 0; i < minutes; ++i) {
        const int ago = minutes - 1 - i;
        QCOMPARE(in.at(i), ago <= 9 ? ago + 1 : 0);
    }
}

void tst_Statistics::bucketReusedAnHourLaterStartsAfresh()
{
    m_now = kBase;
    Statistics stats(clock());
    stats.add(Counter::BytesOut, 500);
    m_now = kBase.addSecs(60 * 60); // the same slot of the ring, an hour later
    stats.add(Counter::BytesOut, 7);
    const Statistics::Window w = stats.window(60);
    const QList<qint64> &out = w.series[size_t(Counter::BytesOut)];
    QCOMPARE(out.last(), 7);
    qint64 total = 0;
    for (qint64 v : out)
        total += v;
    QCOMPARE(total, 7); // the hour-old 500 is not shown anywhere
    m_now = kBase.addSecs(60 * 60 + 59 * 60);
    QCOMPARE(stats.window(60).series[size_t(Counter::BytesOut)].first(), 7);
    m_now = kBase.addSecs(2 * 60 * 60);
    QCOMPARE(stats.window(60).series[size_t(Counter::BytesOut)].first(), 0);
}

void tst_Statistics::longGapClearsTheRing()
{
    m_now = kBase;
    Statistics stats(clock());
    for (int m = 0; m < 60; ++m) {
        m_now = kBase.addSecs(m * 60);
        stats.add(Counter::Connections);
    }
    QCOMPARE(stats.window(60).series[size_t(Counter::Connections)], QList<qint64>(60, 1));
    m_now = kBase.addSecs(3 * 60 * 60 + 5);
    QCOMPARE(stats.window(60).series[size_t(Counter::Connections)], QList<qint64>(60, 0));
}

void tst_Statistics::windowIsClamped()
{
    m_now = kBase;
    Statistics stats(clock());
    QCOMPARE(stats.window(0).series[0].size(), 1);
    QCOMPARE(stats.window(1000).series[0].size(), 60);
}

void tst_Statistics::todayRestartsAtMidnight()
{
    const QDateTime lateEvening(QDate(2026, 11, 21), QTime(23, 59, 30), Qt::LocalTime);
    m_now = lateEvening.toUTC();
    Statistics stats(clock());
    stats.add(Counter::MessagesIn, 3);
    stats.add(Counter::MessagesOut, 1);
    QCOMPARE(stats.today(Counter::MessagesIn), 3);
    m_now = lateEvening.addSecs(60).toUTC(); // 00:00:30 the next day
    QCOMPARE(stats.today(Counter::MessagesIn), 0);
    QCOMPARE(stats.today(Counter::MessagesOut), 0);
    // The per-minute ring does not care about days: the last minute is still shown.
    QCOMPARE(stats.window(2).series[size_t(Counter::MessagesIn)], (QList<qint64>{3, 0}));
    stats.add(Counter::MessagesIn);
    QCOMPARE(stats.today(Counter::MessagesIn), 1);
    QCOMPARE(stats.today(Counter::MessagesOut), 0);
}

void tst_Statistics::ignoresNonPositiveAmounts()
{
    m_now = kBase;
    Statistics stats(clock());
    stats.add(Counter::BytesIn, 0);
    stats.add(Counter::BytesIn, -5);
    QCOMPARE(stats.window(1).series[size_t(Counter::BytesIn)].last(), 0);
    QCOMPARE(stats.today(Counter::BytesIn), 0);
}

QTEST_GUILESS_MAIN(tst_Statistics)
#include "tst_statistics.moc"
