// A stored message mapped read-only, so that FETCH and SEARCH read its bytes without a copy.
// Message files are immutable until expunged; the mapping stays valid while this object
// lives (an expunge only unlinks the name), and so does the open file that file() shares
// with whoever streams from it later.
#pragma once

#include <QByteArray>
#include <QFile>
#include <memory>

namespace maild::mailstore {

class MessageFile
{
public:
    MessageFile() = default;
    ~MessageFile() { close(); }
    MessageFile(const MessageFile &) = delete;
    MessageFile &operator=(const MessageFile &) = delete;

    // Maps the file at path (closing any earlier one); false when it cannot be read.
    bool open(const QString &path);
    void close();
    // The file's bytes (empty for an empty file); valid until close().
    const QByteArray &bytes() const { return m_bytes; }
    // After a failed open(): the file does not exist (the message was expunged meanwhile).
    bool missing() const { return m_missing; }
    // The open file, to read from after close() (the content cannot change or vanish).
    std::shared_ptr<QFile> file() const { return m_file; }

private:
    std::shared_ptr<QFile> m_file;
    bool m_missing = false;
    uchar *m_map = nullptr;
    QByteArray m_bytes;
};

} // namespace maild::mailstore
