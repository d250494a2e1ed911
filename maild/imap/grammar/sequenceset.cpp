// SequenceSet: a hand-written scanner over the set's text and range arithmetic.
// Security: numbers are checked for overflow digit by digit.
#include "imap/grammar/sequenceset.h"

#include <algorithm>

namespace maild::imap {

namespace {

// Reads nz-number or '*' (returned as 0). False on anything else.
bool readNumber(QByteArrayView text, qsizetype &pos, quint32 &out)
{
    if (pos < text.size() && text[pos] == '*') {
        ++pos;
        out = 0;
        return true;
    }
    if (pos >= text.size() || text[pos] < '1' || text[pos] > '9')
        return false;
    quint64 n = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        n = n * 10 + quint64(text[pos] - '0');
        if (n > 0xffffffffULL)
            return false;
        ++pos;
    }
    out = quint32(n);
    return true;
}

} // namespace

std::optional<SequenceSet> SequenceSet::parse(QByteArrayView text)
{
    SequenceSet set;
    qsizetype pos = 0;
    for (;;) {
        Element e{};
        if (!readNumber(text, pos, e.first))
            return std::nullopt;
        e.last = e.first;
        if (pos < text.size() && text[pos] == ':') {
            ++pos;
            if (!readNumber(text, pos, e.last))
                return std::nullopt;
        }
        set.m_elements.append(e);
        if (pos == text.size())
            return set;
        if (text[pos] != ',')
            return std::nullopt;
        ++pos;
    }
}

bool SequenceSet::usesStar() const
{
    return std::any_of(m_elements.begin(), m_elements.end(),
                       [](const Element &e) { return e.first == 0 || e.last == 0; });
}

QList<SequenceSet::Range> SequenceSet::ranges(quint32 max) const
{
    QList<Range> out;
    out.reserve(m_elements.size());
    for (const Element &e : m_elements) {
        if (max == 0 && (e.first == 0 || e.last == 0))
            continue;
        const quint32 a = e.first == 0 ? max : e.first;
        const quint32 b = e.last == 0 ? max : e.last;
        out.append(Range{qMin(a, b), qMax(a, b)});
    }
    std::sort(out.begin(), out.end(),
              [](const Range &x, const Range &y) { return x.first < y.first; });
    QList<Range> merged;
    for (const Range &r : out) {
        if (!merged.isEmpty() && quint64(r.first) <= quint64(merged.last().last) + 1)
            merged.last().last = qMax(merged.last().last, r.last);
        else
            merged.append(r);
    }
    return merged;
}

bool SequenceSet::contains(quint32 n, quint32 max) const
{
    for (const Element &e : m_elements) {
        if (max == 0 && (e.first == 0 || e.last == 0))
            continue;
        const quint32 a = e.first == 0 ? max : e.first;
        const quint32 b = e.last == 0 ? max : e.last;
        if (n >= qMin(a, b) && n <= qMax(a, b))
            return true;
    }
    return false;
}

QList<quint32> SequenceSet::intersect(const QList<quint32> &sortedUids, quint32 max) const
{
    const QList<Range> rs = ranges(max);
    QList<quint32> out;
    qsizetype r = 0;
    for (quint32 uid : sortedUids) {
        while (r < rs.size() && rs[r].last < uid)
            ++r;
        if (r == rs.size())
            break;
        if (uid >= rs[r].first)
            out.append(uid);
    }
    return out;
}

quint64 SequenceSet::count(quint32 max) const
{
    quint64 total = 0;
    for (const Range &r : ranges(max))
        total += quint64(r.last) - r.first + 1;
    return total;
}

} // namespace maild::imap
