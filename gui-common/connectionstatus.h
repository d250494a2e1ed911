// A status-bar label that follows a ConnectionManager: "Connected to … as …",
// "Connection lost — reconnecting…", "Disconnected: <why>". Shared by both main windows.
#pragma once

#include "connectionmanager.h"

#include <QWidget>

class QLabel;

namespace gui {

class ConnectionStatus : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatus(ConnectionManager *manager, QWidget *parent = nullptr);

    QString text() const;

private:
    void update(ConnectionManager::State state);
    void show(const QString &iconName, const QString &text);

    ConnectionManager *m_manager;
    QLabel *m_icon;
    QLabel *m_label;
    QString m_lastFailure;
};

} // namespace gui
