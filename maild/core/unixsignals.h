// Turns SIGTERM, SIGINT and SIGHUP into Qt signals on the event loop (self-pipe), so that
// shutdown and reload run as ordinary code, never inside a signal handler.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace maild::core {

class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

signals:
    void terminateRequested(int signal);
    void reloadRequested();

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace maild::core
