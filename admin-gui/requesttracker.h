// Every call the Server Admin window makes to the daemon goes through here, so that the
// window can show a busy indicator while any answer is outstanding. Calls stay asynchronous;
// the callback runs once with the answer (or the error when the connection is lost).
#pragma once

#include "control/controlclient.h"

#include <QObject>

namespace gui {
class ConnectionManager;
}

namespace admin {

class RequestTracker : public QObject
{
    Q_OBJECT
public:
    explicit RequestTracker(gui::ConnectionManager *manager, QObject *parent = nullptr);

    void call(const QString &method, const QJsonObject &params,
              common::control::ControlClient::Callback done);
    bool isBusy() const { return m_pending > 0; }

signals:
    void busyChanged(bool busy);

private:
    gui::ConnectionManager *m_manager;
    int m_pending = 0;
};

} // namespace admin
