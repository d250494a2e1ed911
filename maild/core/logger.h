// Structured logging: every entry (time, level, service, message) goes to the log file, to an
// in-memory ring that control clients tail, and to subscribers as a signal. Qt's own
// qDebug/qWarning output is routed here too.
// Thread-safe: the delivery worker logs too (its entries reach subscribers through a queued
// signal). Security: callers never log secrets; passwords appear as ********.
#pragma once

#include <model/logentry.h>

#include <QFile>
#include <QMutex>
#include <QObject>
#include <deque>

namespace maild::core {

using common::model::LogEntry;
using common::model::LogLevel;

class Logger : public QObject
{
    Q_OBJECT
public:
    static constexpr size_t kRingSize = 5000;

    explicit Logger(QObject *parent = nullptr);
    ~Logger() override;

    static Logger *instance();

    // Opens (or reopens, after log rotation) the log file. Empty path: no file.
    bool openFile(const QString &path, QString *error);
    void reopen();
    void setLevel(LogLevel level) { m_level = level; }
    LogLevel level() const { return m_level; }
    void setEchoToStderr(bool echo) { m_echo = echo; }

    void log(LogLevel level, const QString &service, const QString &message);
    // The newest entries, oldest first, filtered by minimum level and service ("" = any).
    QList<LogEntry> tail(int limit, LogLevel minLevel, const QString &service) const;

signals:
    void entryAdded(const common::model::LogEntry &entry);

private:
    mutable QMutex m_mutex;
    std::deque<LogEntry> m_ring;
    QFile m_file;
    QString m_path;
    LogLevel m_level = LogLevel::Info;
    bool m_echo = true;
};

void logDebug(const QString &service, const QString &message);
void logInfo(const QString &service, const QString &message);
void logNotice(const QString &service, const QString &message);
void logWarning(const QString &service, const QString &message);
void logError(const QString &service, const QString &message);

} // namespace maild::core
