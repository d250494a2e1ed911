// The toolbar's Start Service / Stop Service (for the sidebar's service) and Start All /
// Stop All. They are enabled from the state the daemon pushed (`service.state`), never from
// a guess after a click; stopping asks first. The calls are asynchronous; a refusal is
// reported through failed().
#pragma once

#include <QObject>
#include <QSet>
#include <QString>

class QAction;
class QWidget;

namespace gui {
class ConnectionManager;
}

namespace admin {

class RequestTracker;
class ServiceListModel;

class ServiceActions : public QObject
{
    Q_OBJECT
public:
    ServiceActions(gui::ConnectionManager *manager, RequestTracker *requests,
                   ServiceListModel *services, QWidget *window);

    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }
    QAction *startAllAction() const { return m_startAll; }
    QAction *stopAllAction() const { return m_stopAll; }

    // "" (the server) or a service's name.
    void setService(const QString &service);
    void updateActions();

signals:
    void failed(const QString &sentence);

private:
    void startOrStop(const QStringList &names, bool start);
    void askToStop(const QStringList &names);
    QStringList namesIn(bool running) const;
    QString displayName(const QString &name) const;

    gui::ConnectionManager *m_manager;
    RequestTracker *m_requests;
    ServiceListModel *m_services;
    QWidget *m_window;
    QString m_service;
    QSet<QString> m_pending; // a call is under way: the button waits for the daemon's answer
    QAction *m_start;
    QAction *m_stop;
    QAction *m_startAll;
    QAction *m_stopAll;
};

} // namespace admin
