// Traffic figures for the admin tool's graphs: messages in and out, connections and bytes
// of every mail listener, counted per minute in a ring of the last 60 minutes and per day
// (the daemon's local date). Fed on the event loop by the protocol services and sessions;
// read by stats.get and server.status. The clock can be injected so tests can roll minutes.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QObject>

#include <array>
#include <functional>

namespace maild::core {

class Statistics : public QObject
{
    Q_OBJECT
public:
    enum class Counter { MessagesIn, MessagesOut, Connections, BytesIn, BytesOut };
    static constexpr int kCounters = 5;
    static constexpr int kMinutes = 60;

    using Clock = std::function<QDateTime()>;
    // Without a clock, the current time is used.
    explicit Statistics(Clock clock = {}, QObject *parent = nullptr);

    void add(Counter counter, qint64 amount = 1);

    struct Window
    {
        QDateTime minuteStart; // the start of the oldest minute, UTC
        // Per counter, one value per minute, oldest first; the last is the current minute.
        std::array<QList<qint64>, kCounters> series;
    };
    // The last `minutes` minutes (1..kMinutes) up to and including the current one.
    Window window(int minutes) const;
    // Today's total of a counter (0 after midnight until something is counted).
    qint64 today(Counter counter) const;

    static QString counterName(Counter counter); // "messagesIn"

private:
    struct Bucket
    {
        qint64 minute = -1; // minutes since the epoch
        std::array<qint64, kCounters> counts{};
    };

    QDateTime now() const;
    static qint64 minuteOf(const QDateTime &t);

    Clock m_clock;
    std::array<Bucket, kMinutes> m_ring;
    QDate m_day;
    std::array<qint64, kCounters> m_today{};
};

} // namespace maild::core
