// Per-minute and per-day traffic counters (see statistics.h).
#include "core/statistics.h"

namespace maild::core {

Statistics::Statistics(Clock clock, QObject *parent) : QObject(parent), m_clock(std::move(clock)) {}

QDateTime Statistics::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

qint64 Statistics::minuteOf(const QDateTime &t)
{
    const qint64 seconds = t.toSecsSinceEpoch();
    // Floor division: a clock before 1970 still maps each minute to one bucket.
    return seconds >= 0 ? seconds / 60 : (seconds - 59) / 60;
}

void Statistics::add(Counter counter, qint64 amount)
{
    if (amount <= 0)
        return;
    const QDateTime t = now();
    const qint64 minute = minuteOf(t);
    Bucket &bucket = m_ring[size_t(((minute % kMinutes) + kMinutes) % kMinutes)];
    if (bucket.minute != minute) {
        // The slot last held a minute an hour (or more) ago: it starts afresh.
        bucket.minute = minute;
        bucket.counts.fill(0);
    }
    const auto index = size_t(counter);
    bucket.counts[index] += amount;

    const QDate day = t.toLocalTime().date();
    if (day != m_day) {
        m_day = day;
        m_today.fill(0);
    }
    m_today[index] += amount;
}

Statistics::Window Statistics::window(int minutes) const
{
    minutes = qBound(1, minutes, kMinutes);
    const qint64 current = minuteOf(now());
    const qint64 first = current - minutes + 1;
    Window w;
    w.minuteStart = QDateTime::fromSecsSinceEpoch(first * 60, Qt::UTC);
    for (auto &series : w.series)
        series.reserve(minutes);
    for (qint64 minute = first; minute <= current; ++minute) {
        const Bucket &bucket = m_ring[size_t(((minute % kMinutes) + kMinutes) % kMinutes)];
        for (size_t c = 0; c < size_t(kCounters); ++c)
            w.series[c].append(bucket.minute == minute ? bucket.counts[c] : 0);
    }
    return w;
}

qint64 Statistics::today(Counter counter) const
{
    if (m_day != now().toLocalTime().date())
        return 0;
    return m_today[size_t(counter)];
}

QString Statistics::counterName(Counter counter)
{
    switch (counter) {
    case Counter::MessagesIn:
        return QStringLiteral("messagesIn");
    case Counter::MessagesOut:
        return QStringLiteral("messagesOut");
    case Counter::Connections:
        return QStringLiteral("connections");
    case Counter::BytesIn:
        return QStringLiteral("bytesIn");
    case Counter::BytesOut:
        return QStringLiteral("bytesOut");
    }
    return {};
}

} // namespace maild::core
