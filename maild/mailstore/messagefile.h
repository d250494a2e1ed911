// A stored message mapped read-only, so that FETCH and SEARCH read its bytes without a copy.
// Message files are immutable until expunged; the mapping stays valid while this object
// lives (an expunge only unlinks the name).
#pragma once

#include <QByteArray>
#include <QFile>

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

private:
    QFile m_file;
    uchar *m_map = nullptr;
    QByteArray m_bytes;
};

} // namespace maild::mailstore
