// The DATA phase of SMTP as a resumable state machine: undoes dot-stuffing, finds the one
// true end of data (<CRLF>.<CRLF>), and refuses every other line ending — a bare LF or bare
// CR stops it at once, so no forged end of data (SMTP smuggling) can ever be honoured.
// Also counts Received: headers (loop detection) and notes NUL bytes. Lines may be of any
// length (RFC 5321 4.5.3.1.6 asks not to limit them where it can be helped; the message size
// bounds them).
// Fed any number of bytes; knows nothing of sockets or files.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace maild::smtp {

class DataReader
{
public:
    enum class Status { NeedMore, Done, BareLineEnding };

    DataReader() = default;

    // Consumes bytes from input, appending the unstuffed message to out. Returns how many
    // bytes of input were consumed (all, unless the data ended or failed inside it).
    qsizetype feed(QByteArrayView input, QByteArray &out);
    Status status() const { return m_status; }

    int receivedHeaders() const { return m_received; }
    bool sawNul() const { return m_sawNul; }

private:
    enum class State { LineStart, Text, CR, Dot, DotCR };
    void noteLineStart(char c);

    State m_state = State::LineStart;
    Status m_status = Status::NeedMore;
    bool m_inHeaders = true;
    QByteArray m_lineHead; // the first bytes of a header line, to recognise Received:
    int m_received = 0;
    bool m_sawNul = false;
};

} // namespace maild::smtp
