// The DATA state machine (see datareader.h).
#include "smtp/grammar/datareader.h"

namespace maild::smtp {

namespace {
constexpr char kReceived[] = "received:";
constexpr qsizetype kReceivedLength = sizeof(kReceived) - 1;
} // namespace

void DataReader::noteLineStart(char c)
{
    if (!m_inHeaders || m_lineHead.size() >= kReceivedLength)
        return;
    const char lower = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    if (lower != kReceived[m_lineHead.size()]) {
        m_lineHead.append('\x01'); // cannot match any more
        m_lineHead.resize(kReceivedLength);
        return;
    }
    m_lineHead.append(lower);
    if (m_lineHead.size() == kReceivedLength)
        ++m_received;
}

qsizetype DataReader::feed(QByteArrayView input, QByteArray &out)
{
    qsizetype i = 0;
    const qsizetype n = input.size();
    while (i < n && m_status == Status::NeedMore) {
        const char c = input[i++];
        switch (m_state) {
        case State::LineStart:
            if (c == '.') {
                m_state = State::Dot;
                break;
            }
            if (m_inHeaders && c == '\r') {
                // An empty line ends the header section (if the CR is followed by LF).
                m_state = State::CR;
                m_inHeaders = false;
                break;
            }
            m_lineHead.clear();
            m_state = State::Text;
            [[fallthrough]];
        case State::Text:
            if (c == '\r') {
                m_state = State::CR;
            } else if (c == '\n') {
                m_status = Status::BareLineEnding;
            } else {
                if (c == '\0')
                    m_sawNul = true;
                noteLineStart(c);
                out.append(c);
            }
            break;
        case State::CR:
            if (c != '\n') {
                m_status = Status::BareLineEnding;
                break;
            }
            out.append("\r\n", 2);
            m_lineHead.clear();
            m_state = State::LineStart;
            break;
        case State::Dot:
            if (c == '\r') {
                m_state = State::DotCR;
            } else if (c == '\n') {
                m_status = Status::BareLineEnding;
            } else {
                // A dot-stuffed line: the first dot is dropped, the rest is text.
                m_lineHead.clear();
                m_lineHead.append('\x01');
                m_lineHead.resize(kReceivedLength);
                m_state = State::Text;
                if (c == '\0')
                    m_sawNul = true;
                out.append(c);
            }
            break;
        case State::DotCR:
            if (c == '\n')
                m_status = Status::Done;
            else
                m_status = Status::BareLineEnding;
            break;
        }
    }
    return i;
}

} // namespace maild::smtp
