// Sequential control requests (see requestqueue.h).
#include "requestqueue.h"

#include <QPointer>

namespace usermgr {

RequestQueue::RequestQueue(common::control::ControlClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
}

bool RequestQueue::start(const QList<QueuedRequest> &requests)
{
    if (m_running)
        return false;
    m_requests = requests;
    m_replies.clear();
    m_cancelled = false;
    m_running = true;
    ++m_generation;
    emit progress(0, total());
    sendNext();
    return true;
}

void RequestQueue::cancel()
{
    m_cancelled = true;
}

int RequestQueue::failures() const
{
    int n = 0;
    for (const common::control::Reply &r : m_replies)
        n += r.ok() ? 0 : 1;
    return n;
}

void RequestQueue::sendNext()
{
    const bool failed = m_stopOnError && !m_replies.isEmpty() && !m_replies.constLast().ok();
    if (m_cancelled || failed || m_replies.size() >= m_requests.size()) {
        m_running = false;
        emit finished();
        return;
    }
    const QueuedRequest &request = m_requests.at(m_replies.size());
    const quint64 generation = m_generation;
    m_client->call(request.method, request.params,
                   [self = QPointer(this), generation](const common::control::Reply &reply) {
                       if (!self || generation != self->m_generation)
                           return;
                       self->m_replies.append(reply);
                       const int index = int(self->m_replies.size()) - 1;
                       emit self->answered(index, reply);
                       emit self->progress(self->done(), self->total());
                       self->sendNext();
                   });
}

} // namespace usermgr
