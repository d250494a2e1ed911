// Read-only mapping of a message file (see messagefile.h).
#include "mailstore/messagefile.h"

namespace maild::mailstore {

bool MessageFile::open(const QString &path)
{
    close();
    m_file = std::make_shared<QFile>(path);
    if (!m_file->open(QIODevice::ReadOnly)) {
        m_missing = !QFile::exists(path);
        m_file.reset();
        return false;
    }
    const qint64 size = m_file->size();
    if (size == 0)
        return true;
    m_map = m_file->map(0, size);
    if (!m_map) {
        m_file.reset();
        return false;
    }
    m_bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(m_map), qsizetype(size));
    return true;
}

void MessageFile::close()
{
    m_bytes = QByteArray();
    if (m_map)
        m_file->unmap(m_map);
    m_map = nullptr;
    m_missing = false;
    m_file.reset(); // closed when nobody else streams from it
}

} // namespace maild::mailstore
