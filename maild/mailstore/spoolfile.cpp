// Incoming message spool file (see spoolfile.h).
#include "mailstore/spoolfile.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace maild::mailstore {

namespace {
constexpr qsizetype kBufferBytes = 64 * 1024;
} // namespace

std::unique_ptr<SpoolFile> SpoolFile::create(const QString &dir, const QString &id, QString *error)
{
    const QString path = dir + QLatin1Char('/') + id;
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return nullptr;
    }
    std::unique_ptr<SpoolFile> f(new SpoolFile(fd, path));
    f->m_buffer.reserve(kBufferBytes);
    return f;
}

SpoolFile::~SpoolFile()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        ::unlink(QFile::encodeName(m_path).constData());
    }
}

bool SpoolFile::write(const char *data, qsizetype length)
{
    if (m_failed)
        return false;
    m_size += length;
    if (m_buffer.size() + length > kBufferBytes && !flush())
        return false;
    if (length >= kBufferBytes) {
        while (length > 0) {
            const ssize_t n = ::write(m_fd, data, size_t(length));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                m_failed = true;
                return false;
            }
            data += n;
            length -= n;
        }
        return true;
    }
    m_buffer.append(data, length);
    return true;
}

bool SpoolFile::flush()
{
    const char *p = m_buffer.constData();
    qsizetype left = m_buffer.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_failed = true;
            return false;
        }
        p += n;
        left -= n;
    }
    m_buffer.clear();
    return true;
}

int SpoolFile::release()
{
    const int fd = m_fd;
    m_fd = -1;
    return fd;
}

} // namespace maild::mailstore
