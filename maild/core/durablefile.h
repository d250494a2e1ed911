// Files that must survive a crash whole: written, fsynced, and (for a replacement) renamed
// over the old one with the folder fsynced. Used for private keys and TSIG secrets, which
// must never be half-written or readable by others.
#pragma once

#include <QByteArray>
#include <QString>
#include <sys/types.h>

namespace maild::core {

// Writes data to path (created or truncated) with mode, and fsyncs it.
bool writeWholeFile(const QString &path, const QByteArray &data, mode_t mode);
// Replaces path with data atomically: a temporary beside it, fsync, rename, fsync the folder.
bool replaceFile(const QString &path, const QByteArray &data, mode_t mode);
// The whole file, or an empty array when it cannot be read (or is larger than maxBytes).
QByteArray readSmallFile(const QString &path, qint64 maxBytes = 1024 * 1024);

} // namespace maild::core
