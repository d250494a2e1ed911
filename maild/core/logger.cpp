// The daemon's logger (see logger.h).
#include "core/logger.h"

#include <QDateTime>
#include <algorithm>
#include <cstdio>

namespace maild::core {

namespace {

Logger *g_instance = nullptr;

void qtMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    LogLevel level = LogLevel::Warning;
    switch (type) {
    case QtDebugMsg: level = LogLevel::Debug; break;
    case QtInfoMsg: level = LogLevel::Info; break;
    case QtWarningMsg: level = LogLevel::Warning; break;
    case QtCriticalMsg:
    case QtFatalMsg: level = LogLevel::Error; break;
    }
    if (g_instance)
        g_instance->log(level, QStringLiteral("qt"), message);
    else
        std::fprintf(stderr, "%s\n", qUtf8Printable(message));
}

} // namespace

Logger::Logger(QObject *parent) : QObject(parent)
{
    g_instance = this;
    qInstallMessageHandler(qtMessageHandler);
}

Logger::~Logger()
{
    qInstallMessageHandler(nullptr);
    if (g_instance == this)
        g_instance = nullptr;
}

Logger *Logger::instance()
{
    return g_instance;
}

bool Logger::openFile(const QString &path, QString *error)
{
    QMutexLocker lock(&m_mutex);
    m_file.close();
    m_path = path;
    if (path.isEmpty())
        return true;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text | QIODevice::Unbuffered)) {
        *error = QStringLiteral("cannot open log file %1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    return true;
}

void Logger::reopen()
{
    QString error;
    if (!openFile(m_path, &error))
        log(LogLevel::Error, QStringLiteral("maild"), error);
}

void Logger::log(LogLevel level, const QString &service, const QString &message)
{
    if (level < m_level)
        return;
    LogEntry entry{QDateTime::currentDateTimeUtc(), level, service, message};
    const QByteArray line = entry.toLine().toUtf8() + '\n';
    {
        QMutexLocker lock(&m_mutex);
        if (m_file.isOpen())
            m_file.write(line);
        if (m_echo)
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        m_ring.push_back(entry);
        if (m_ring.size() > kRingSize)
            m_ring.pop_front();
    }
    emit entryAdded(entry);
}

QList<LogEntry> Logger::tail(int limit, LogLevel minLevel, const QString &service) const
{
    QMutexLocker lock(&m_mutex);
    QList<LogEntry> out;
    for (auto it = m_ring.rbegin(); it != m_ring.rend() && out.size() < limit; ++it) {
        if (it->level >= minLevel && (service.isEmpty() || it->service == service))
            out.append(*it);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

void logDebug(const QString &service, const QString &message)
{
    if (Logger *l = Logger::instance())
        l->log(LogLevel::Debug, service, message);
}
void logInfo(const QString &service, const QString &message)
{
    if (Logger *l = Logger::instance())
        l->log(LogLevel::Info, service, message);
}
void logNotice(const QString &service, const QString &message)
{
    if (Logger *l = Logger::instance())
        l->log(LogLevel::Notice, service, message);
}
void logWarning(const QString &service, const QString &message)
{
    if (Logger *l = Logger::instance())
        l->log(LogLevel::Warning, service, message);
}
void logError(const QString &service, const QString &message)
{
    if (Logger *l = Logger::instance())
        l->log(LogLevel::Error, service, message);
}

} // namespace maild::core
