// The plumbing every line-based mail protocol session shares (SMTP, POP3, IMAP): reading
// CRLF lines with a length limit, a raw mode for message bodies, pausing input while
// asynchronous work (a delivery, a password check) runs so replies stay in order, the idle
// timer, and starting TLS — implicitly on connect or by STARTTLS/STLS, dropping whatever the
// client pipelined in the clear.
// Security: everything read here comes from an unauthenticated network peer.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

class QSslSocket;

namespace maild::core {
class Statistics;
}

namespace maild::net {

class LineSession : public QObject
{
    Q_OBJECT
public:
    LineSession(QSslSocket *socket, qsizetype maxLine, QObject *parent);
    ~LineSession() override;

    // Unique among all sessions of this process, never reused (connection.list/close).
    quint64 id() const { return m_id; }
    // Where bytes read and written are counted; set by the service right after creation.
    void setStatistics(core::Statistics *statistics) { m_statistics = statistics; }
    QHostAddress peer() const { return m_peer; }
    QDateTime since() const { return m_since; }
    bool isEncrypted() const;
    bool isClosed() const { return m_closed; }
    void send(const QByteArray &data);
    // Writes what is buffered to the socket now rather than at the next turn of the event
    // loop (a burst of unsolicited output to thousands of idle sessions).
    void flush();
    // Closes once pending output is written; no further input is handled.
    void closeNow();

signals:
    void finished(maild::net::LineSession *session);

protected:
    // A complete line, without its line ending (CRLF or LF).
    virtual void handleLine(const QByteArray &line) = 0;
    // A line longer than the limit; its rest up to the next LF is dropped.
    virtual void lineTooLong() = 0;
    virtual void idleTimeout() = 0;
    // The TLS handshake completed (implicit TLS, or after startTls).
    virtual void tlsEstablished() = 0;
    virtual void bytesIn(qint64 count) { Q_UNUSED(count); }
    // Output was written to the network: a streaming sender may write more now.
    virtual void outputWritten() {}
    qint64 pendingOutput() const;
    // Raw mode (a message body): handleRaw() consumes from pendingInput() with consumeInput().
    virtual bool inRawMode() const { return false; }
    virtual void handleRaw() {}

    QByteArrayView pendingInput() const;
    void consumeInput(qsizetype count);

    // While paused, input is buffered but not handled (an asynchronous step is running).
    void pauseInput();
    void resumeInput();
    void setIdleTimeout(int milliseconds);

    // Starts the TLS handshake with config; with discardPending, input already received is
    // dropped first (STARTTLS injection, RFC 3207 5 / RFC 2595 / RFC 3501 11.1). Returns
    // false if the handshake cannot start.
    bool startTls(const QSslConfiguration &config, bool discardPending);
    QSslSocket *socket() const { return m_socket; }

private:
    void onReadyRead();
    void process();
    bool takeLine(QByteArray *line);

    QSslSocket *m_socket;
    const quint64 m_id;
    core::Statistics *m_statistics = nullptr;
    QHostAddress m_peer;
    QDateTime m_since;
    qsizetype m_maxLine;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    int m_paused = 0;
    bool m_discardingLine = false;
    bool m_closed = false;
    bool m_processing = false;
    bool m_handshaking = false;
    bool m_outputBlocked = false; // the client does not read: commands wait (see process)
    QTimer m_idle;
};

} // namespace maild::net
