// The Server Admin window: the daemon's identity (version, host, uptime, data directory),
// its warnings and its mail services with their state, kept current by `service.state`
// notifications; the connection state in the status bar. Later issues add the pages for
// settings, logs, connections, the queue, MX records and certificates beside these.
#pragma once

#include "connectionmanager.h"
#include "serverstatus.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace gui {
class ConnectionStatus;
}

namespace admin {

class ServiceListModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(gui::ConnectionManager *manager, QWidget *parent = nullptr);
    ~MainWindow() override;

    ServiceListModel *serviceModel() const { return m_services; }
    const ServerStatus &status() const { return m_status; }

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
    QWidget *createOverview();
    QWidget *createServices();
    void createActions();
    void applyStatus(const ServerStatus &status);
    void onNotification(const QString &method, const QJsonObject &params);
    void onStateChanged(gui::ConnectionManager::State state);
    void onReconnectFailed(const QString &sentence);
    void logInAgain(const QString &why);
    void updateTitle();
    void updateUptime();
    void updateServicesPage();
    void about();

    gui::ConnectionManager *m_manager;
    ServiceListModel *m_services;
    ServerStatus m_status;
    QElapsedTimer m_uptimeClock;
    QTimer m_uptimeTimer;

    QWidget *m_overviewBox = nullptr;
    QWidget *m_servicesBox = nullptr;
    QLabel *m_hostTitle = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLabel *m_uptimeLabel = nullptr;
    QLabel *m_dataDirLabel = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_warningsLabel = nullptr;
    QStackedWidget *m_servicesStack = nullptr;
    QTreeView *m_serviceView = nullptr;
    QLabel *m_noServicesLabel = nullptr;
    gui::ConnectionStatus *m_connectionStatus = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_logInAction = nullptr;
    bool m_loginOpen = false;
};

} // namespace admin
