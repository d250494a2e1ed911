// Line-based session plumbing (see linesession.h).
#include "net/linesession.h"

#include "core/statistics.h"

#include <QSslSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <atomic>

namespace maild::net {

namespace {

std::atomic<quint64> g_nextSessionId{1};

// Back-pressure against a client that sends without reading: while input is paused, at most
// this much of it is taken from the socket (the rest waits in the kernel, and TCP's window
// closes); while this much output is unsent, no further command is handled.
constexpr qsizetype kMaxBufferedInput = 1024 * 1024;
constexpr qint64 kMaxPendingOutput = 1024 * 1024;

} // namespace

LineSession::LineSession(QSslSocket *socket, qsizetype maxLine, QObject *parent)
    : QObject(parent), m_socket(socket), m_id(g_nextSessionId.fetch_add(1)), m_peer(socket->peerAddress()),
      m_since(QDateTime::currentDateTimeUtc()), m_maxLine(maxLine)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(256 * 1024); // Qt stops reading from the kernel past this
    connect(m_socket, &QSslSocket::readyRead, this, &LineSession::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        m_closed = true;
        m_idle.stop();
        emit finished(this);
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_handshaking = false;
        tlsEstablished();
        resumeInput();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError) {
            m_closed = true;
            m_socket->abort();
        }
    });
    // bytesWritten counts what the session wrote (plain text, also under TLS), once it
    // reached the network, so the greeting sent from a constructor is counted too.
    connect(m_socket, &QSslSocket::bytesWritten, this, [this](qint64 written) {
        if (m_statistics)
            m_statistics->add(core::Statistics::Counter::BytesOut, written);
        outputWritten();
        if (m_outputBlocked && pendingOutput() < kMaxPendingOutput / 2) {
            m_outputBlocked = false;
            process();
        }
    });
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, [this] { outputWritten(); });
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_handshaking) {
            // A client that stalls its TLS handshake gets no protocol goodbye: there is no
            // channel to send it on. The connection is simply dropped.
            m_closed = true;
            m_socket->abort();
            return;
        }
        idleTimeout();
    });
}

LineSession::~LineSession() = default;

bool LineSession::isEncrypted() const
{
    return m_socket->isEncrypted();
}

void LineSession::send(const QByteArray &data)
{
    if (!m_closed)
        m_socket->write(data);
}

void LineSession::flush()
{
    if (!m_closed)
        m_socket->flush();
}

qint64 LineSession::pendingOutput() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void LineSession::closeNow()
{
    if (m_closed)
        return;
    m_closed = true;
    m_idle.stop();
    m_socket->disconnectFromHost();
}

void LineSession::setIdleTimeout(int milliseconds)
{
    m_idle.setInterval(milliseconds);
    if (!m_paused)
        m_idle.start();
}

void LineSession::pauseInput()
{
    ++m_paused;
    m_idle.stop();
}

void LineSession::resumeInput()
{
    if (m_paused > 0)
        --m_paused;
    if (m_paused || m_closed)
        return;
    m_idle.start();
    process();
}

QByteArrayView LineSession::pendingInput() const
{
    return QByteArrayView(m_in).sliced(m_inPos);
}

void LineSession::consumeInput(qsizetype count)
{
    m_inPos += count;
}

bool LineSession::startTls(const QSslConfiguration &config, bool discardPending)
{
    m_socket->flush();
    if (discardPending) {
        m_inPos = m_in.size();
        m_discardingLine = false;
    }
    pauseInput(); // until encrypted()
    m_handshaking = true;
    m_idle.start(); // a stalled handshake still times out
    m_socket->setSslConfiguration(config);
    m_socket->startServerEncryption();
    return true;
}

void LineSession::onReadyRead()
{
    // Acknowledge at once rather than after the delayed-ACK timer: a client that writes a
    // literal and its closing CRLF in two small writes (Python's imaplib, with Nagle on)
    // otherwise waits up to 40 ms for our ACK before it sends the CRLF.
    const int one = 1;
    ::setsockopt(int(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    if ((m_paused || m_outputBlocked) && m_in.size() - m_inPos >= kMaxBufferedInput)
        return; // taken when input resumes (resumeInput, process)
    const QByteArray chunk = m_socket->readAll();
    if (m_statistics)
        m_statistics->add(core::Statistics::Counter::BytesIn, chunk.size());
    bytesIn(chunk.size());
    if (m_closed)
        return;
    m_in.append(chunk);
    if (!m_paused)
        m_idle.start();
    process();
}

void LineSession::process()
{
    if (m_processing)
        return; // re-entered from a handler; the outer loop carries on
    m_processing = true;
    while (!m_paused && !m_closed) {
        if (pendingOutput() >= kMaxPendingOutput) {
            m_outputBlocked = true; // bytesWritten resumes
            break;
        }
        if (inRawMode()) {
            const qsizetype before = m_inPos;
            handleRaw();
            if (inRawMode() && (m_inPos == before || m_inPos >= m_in.size()))
                break; // needs more input
            continue;
        }
        QByteArray line;
        if (!takeLine(&line))
            break;
        handleLine(line);
    }
    m_processing = false;
    if (m_inPos > 0 && (m_inPos >= m_in.size() || m_inPos > 64 * 1024)) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
    // Input left in the socket while we were paused or blocked: readyRead will not come again
    // for it, so fetch it now (queued, so a long pipeline never recurses).
    if (!m_paused && !m_outputBlocked && !m_closed && m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, [this] { onReadyRead(); }, Qt::QueuedConnection);
}

bool LineSession::takeLine(QByteArray *line)
{
    while (true) {
        const qsizetype nl = m_in.indexOf('\n', m_inPos);
        if (nl < 0) {
            if (m_in.size() - m_inPos > m_maxLine) {
                if (!m_discardingLine)
                    lineTooLong();
                m_discardingLine = true;
                m_inPos = m_in.size();
            }
            return false;
        }
        const qsizetype start = m_inPos;
        m_inPos = nl + 1;
        if (m_discardingLine) {
            m_discardingLine = false;
            continue;
        }
        qsizetype end = nl;
        if (end > start && m_in.at(end - 1) == '\r')
            --end;
        if (end - start > m_maxLine - 2) {
            lineTooLong();
            continue;
        }
        *line = m_in.mid(start, end - start);
        return true;
    }
}

} // namespace maild::net
