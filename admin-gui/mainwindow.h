// The Server Admin window: a header with the daemon's identity, a sidebar (the server, then
// each mail service with its status light), and for the selection the tabs of the registered
// panes (paneregistry.cpp); a toolbar to start and stop services; the connection state in
// the status bar. It forwards server.status answers, notifications and session changes to
// the panes, which do the rest.
#pragma once

#include "connectionmanager.h"
#include "pane.h"
#include "serverstatus.h"

#include <QList>
#include <QMainWindow>

class QAction;
class QLabel;
class QProgressBar;
class QTabWidget;

namespace gui {
class ConnectionStatus;
}

namespace admin {

class ServiceActions;
class ServiceListModel;
class Sidebar;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(gui::ConnectionManager *manager, QWidget *parent = nullptr);
    ~MainWindow() override;

    ServiceListModel *serviceModel() const { return m_services; }
    const ServerStatus &status() const { return m_status; }
    QTabWidget *tabs() const { return m_tabs; }
    Sidebar *sidebar() const { return m_sidebar; }
    ServiceActions *serviceActions() const { return m_serviceActions; }
    // Selects the server ("") or a service in the sidebar, then the tab of that pane class.
    void selectService(const QString &service);
    template <typename T> T *showPane()
    {
        for (Pane *pane : m_panes) {
            if (auto *wanted = qobject_cast<T *>(pane)) {
                showPaneWidget(pane);
                return wanted;
            }
        }
        return nullptr;
    }

public slots:
    // Asks the daemon for `server.status` again.
    void refresh();

signals:
    // A `server.status` answer has been shown.
    void statusRefreshed();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createHeader();
    void createActions();
    void showPaneWidget(Pane *pane);
    void onServiceSelected(const QString &service);
    void onCurrentTabChanged(int index);
    void applyStatus(const ServerStatus &status);
    void onNotification(const QString &method, const QJsonObject &params);
    void onStateChanged(gui::ConnectionManager::State state);
    void onReconnectFailed(const QString &sentence);
    void logInAgain(const QString &why);
    void updateTitle();
    void about();

    gui::ConnectionManager *m_manager;
    ServiceListModel *m_services;
    ServerStatus m_status;
    QList<Pane *> m_panes;
    Pane *m_visiblePane = nullptr;

    Sidebar *m_sidebar = nullptr;
    QTabWidget *m_tabs = nullptr;
    ServiceActions *m_serviceActions = nullptr;
    RequestTracker *m_requests = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_hostTitle = nullptr;
    QLabel *m_subtitle = nullptr;
    gui::ConnectionStatus *m_connectionStatus = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_logInAction = nullptr;
    bool m_loginOpen = false;
};

} // namespace admin
