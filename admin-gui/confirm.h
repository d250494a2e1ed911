// Asking before a destructive action (stopping a service, disconnecting a client, deleting a
// certificate): a window-modal message box that never blocks the event loop; `proceed` runs
// only when the person clicks the button naming the action.
#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace admin {

// The box is named "confirmBox", its accepting button "confirmButton".
void confirmThen(QWidget *parent, const QString &question, const QString &details,
                 const QString &actionText, std::function<void()> proceed);

} // namespace admin
