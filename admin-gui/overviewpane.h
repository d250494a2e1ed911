// The Overview tab: for the server, its identity (version, host, uptime, data directory,
// profile), open connections, messages today, warnings (e.g. a certificate near expiry) and
// its services; for one service, its state, listeners, problem and counters. While shown it
// asks for a fresh server.status every few seconds.
#pragma once

#include "pane.h"

#include <QElapsedTimer>
#include <QTimer>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace admin {

class OverviewPane : public Pane
{
    Q_OBJECT
public:
    OverviewPane(const PaneContext &context, QWidget *parent);

    QString title() const override { return tr("Overview"); }
    void setService(const QString &service) override;
    void statusChanged(const ServerStatus &status) override;
    void sessionChanged(bool loggedIn) override;
    void visibilityChanged(bool visible) override;

private:
    QWidget *createServerPage();
    QWidget *createServicePage();
    void updateUptime();
    void updateServicesPage();
    void updateServicePage();

    ServerStatus m_status;
    QElapsedTimer m_uptimeClock;
    QTimer m_uptimeTimer;
    QTimer m_statusTimer; // while shown: connections and messages today stay current
    QStackedWidget *m_pages = nullptr;
    QWidget *m_serverPage = nullptr;
    QWidget *m_servicePage = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLabel *m_uptimeLabel = nullptr;
    QLabel *m_dataDirLabel = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_connectionsLabel = nullptr;
    QLabel *m_messagesTodayLabel = nullptr;
    QLabel *m_warningsLabel = nullptr;
    QStackedWidget *m_servicesStack = nullptr;
    QTreeView *m_serviceView = nullptr;
    QLabel *m_noServicesLabel = nullptr;
    QLabel *m_serviceState = nullptr;
    QLabel *m_serviceListeners = nullptr;
    QLabel *m_serviceProblem = nullptr;
    QLabel *m_serviceConnections = nullptr;
    QLabel *m_serviceCounters = nullptr;
};

} // namespace admin
