// Sends a list of control requests one after another through ControlClient (which has no
// batch call), never blocking: the next request leaves when the previous one is answered.
// Reports progress and each answer, so the windows can show a progress bar and per-item
// errors. Used for saving several accounts at once, importing and exporting.
#pragma once

#include "control/controlclient.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

namespace usermgr {

struct QueuedRequest
{
    QString method;
    QJsonObject params;
};

class RequestQueue : public QObject
{
    Q_OBJECT
public:
    explicit RequestQueue(common::control::ControlClient *client, QObject *parent = nullptr);

    // Starts sending requests; false when a run is still going.
    bool start(const QList<QueuedRequest> &requests);
    // After a failed request, send nothing more (for steps that depend on each other).
    void setStopOnError(bool stop) { m_stopOnError = stop; }
    // Sends nothing more; the request on its way is still answered and reported.
    void cancel();
    bool isRunning() const { return m_running; }
    int total() const { return int(m_requests.size()); }
    int done() const { return int(m_replies.size()); }
    const QList<common::control::Reply> &replies() const { return m_replies; }
    int failures() const;

signals:
    void progress(int done, int total);
    void answered(int index, const common::control::Reply &reply);
    void finished();

private:
    void sendNext();

    common::control::ControlClient *m_client;
    QList<QueuedRequest> m_requests;
    QList<common::control::Reply> m_replies;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_stopOnError = false;
    quint64 m_generation = 0;
};

} // namespace usermgr
