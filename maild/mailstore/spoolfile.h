// An incoming message being received: written to <data>/spool/<id> as the bytes arrive
// (never held whole in memory), then handed to the delivery worker with its open descriptor
// so the worker can fsync it. A spool file that is not handed over is removed.
#pragma once

#include <QByteArray>
#include <QString>
#include <memory>

namespace maild::mailstore {

class SpoolFile
{
public:
    static std::unique_ptr<SpoolFile> create(const QString &dir, const QString &id, QString *error);
    ~SpoolFile();
    SpoolFile(const SpoolFile &) = delete;
    SpoolFile &operator=(const SpoolFile &) = delete;

    bool write(const char *data, qsizetype length);
    bool write(const QByteArray &data) { return write(data.constData(), data.size()); }
    // Pushes buffered bytes to the kernel (no fsync: the worker does that).
    bool flush();
    qint64 size() const { return m_size; }
    const QString &path() const { return m_path; }
    bool failed() const { return m_failed; }
    // Gives up ownership of the descriptor and the file (the delivery worker takes both).
    int release();

private:
    SpoolFile(int fd, QString path) : m_fd(fd), m_path(std::move(path)) {}

    int m_fd;
    QString m_path;
    QByteArray m_buffer;
    qint64 m_size = 0;
    bool m_failed = false;
};

} // namespace maild::mailstore
