// RFC 3501 sequence sets ("1", "1:5", "*", "5:*", "1,3:4,10:*"): parsing, '*' resolved
// against the mailbox's largest number, membership and intersection with sorted UID lists.
// Security: the text is the client's; work is O(ranges), never O(numbers), so
// "1:4294967295" costs no more than "1".
#pragma once

#include <QByteArrayView>
#include <QList>
#include <optional>

namespace maild::imap {

class SequenceSet
{
public:
    struct Range
    {
        quint32 first; // first <= last once resolved
        quint32 last;
        bool operator==(const Range &) const = default;
    };

    // nullopt for 0, numbers past 4294967295, empty elements or stray characters.
    static std::optional<SequenceSet> parse(QByteArrayView text);

    // The set with '*' as max, sorted and merged. With max == 0 (an empty mailbox) elements
    // that name '*' select nothing.
    QList<Range> ranges(quint32 max) const;

    bool contains(quint32 n, quint32 max) const;
    // The members of sortedUids (ascending) that the set holds; O(uids + ranges).
    QList<quint32> intersect(const QList<quint32> &sortedUids, quint32 max) const;
    // How many numbers the set holds (up to 2^32, hence 64 bits).
    quint64 count(quint32 max) const;

    // Calls f(n) for each number in ascending order until f returns false.
    template<typename F>
    void forEach(quint32 max, F f) const
    {
        for (const Range &r : ranges(max)) {
            for (quint64 n = r.first; n <= r.last; ++n) {
                if (!f(quint32(n)))
                    return;
            }
        }
    }

    bool usesStar() const;

private:
    struct Element
    {
        quint32 first; // 0 stands for '*'
        quint32 last;
    };
    QList<Element> m_elements;
};

} // namespace maild::imap
