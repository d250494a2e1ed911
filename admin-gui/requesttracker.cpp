// Calls to the daemon with a count of those outstanding (see requesttracker.h).
#include "requesttracker.h"

#include "connectionmanager.h"

#include <QPointer>

namespace admin {

RequestTracker::RequestTracker(gui::ConnectionManager *manager, QObject *parent)
    : QObject(parent), m_manager(manager)
{
}

void RequestTracker::call(const QString &method, const QJsonObject &params,
                          common::control::ControlClient::Callback done)
{
    if (++m_pending == 1)
        emit busyChanged(true);
    m_manager->client()->call(
        method, params,
        [self = QPointer(this), done = std::move(done)](const common::control::Reply &reply) {
            if (self && --self->m_pending == 0)
                emit self->busyChanged(false);
            if (done)
                done(reply);
        });
}

} // namespace admin
