// Splits a byte stream into newline-terminated frames with a hard size limit.
// Fed any number of bytes at a time; resumable; used on both ends of the control socket.
// Security: the peer controls every byte. A frame past the limit is reported once and its
// bytes are dropped up to the next newline without ever being buffered.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace common::control {

class LineFramer
{
public:
    enum class Status { Frame, NeedMore, TooLarge };
    struct Result
    {
        Status status;
        QByteArray frame; // without the line terminator; only for Status::Frame
    };

    explicit LineFramer(qsizetype maxFrameBytes);

    void feed(QByteArrayView data);
    // The next complete frame, TooLarge once per oversized frame, or NeedMore.
    // Empty lines are skipped.
    Result next();
    qsizetype buffered() const { return m_buffer.size() - m_start; }
    void setMaxFrameBytes(qsizetype max) { m_max = max; }

private:
    void compact();

    QByteArray m_buffer;
    qsizetype m_start = 0;    // first unconsumed byte
    qsizetype m_scanFrom = 0; // where to resume searching for '\n'
    qsizetype m_max;
    bool m_discarding = false;
};

} // namespace common::control
