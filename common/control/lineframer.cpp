// Newline framing with a size limit (see lineframer.h).
#include "control/lineframer.h"

namespace common::control {

LineFramer::LineFramer(qsizetype maxFrameBytes) : m_max(maxFrameBytes) {}

void LineFramer::feed(QByteArrayView data)
{
    if (m_discarding) {
        // Drop everything up to the newline that ends the oversized frame.
        const qsizetype nl = data.indexOf('\n');
        if (nl < 0)
            return;
        m_discarding = false;
        data = data.sliced(nl + 1);
    }
    m_buffer.append(data.data(), data.size());
}

LineFramer::Result LineFramer::next()
{
    while (!m_discarding) {
        const qsizetype from = std::max(m_start, m_scanFrom);
        const qsizetype nl = m_buffer.indexOf('\n', from);
        if (nl < 0) {
            // A trailing CR may be the first half of the frame's CRLF: it does not count.
            qsizetype pending = m_buffer.size() - m_start;
            if (pending > 0 && m_buffer.back() == '\r')
                --pending;
            if (pending > m_max) {
                m_buffer.clear();
                m_start = m_scanFrom = 0;
                m_discarding = true;
                return {Status::TooLarge, {}};
            }
            m_scanFrom = m_buffer.size();
            compact();
            return {Status::NeedMore, {}};
        }
        qsizetype end = nl;
        if (end > m_start && m_buffer.at(end - 1) == '\r')
            --end;
        const qsizetype length = end - m_start;
        const qsizetype begin = m_start;
        m_start = m_scanFrom = nl + 1;
        if (length > m_max)
            return {Status::TooLarge, {}};
        if (length == 0)
            continue;
        return {Status::Frame, m_buffer.mid(begin, length)};
    }
    return {Status::NeedMore, {}};
}

void LineFramer::compact()
{
    if (m_start == 0)
        return;
    m_buffer.remove(0, m_start);
    m_scanFrom -= m_start;
    m_start = 0;
}

} // namespace common::control
