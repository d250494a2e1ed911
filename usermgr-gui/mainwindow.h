// The Workgroup Manager window, for now: the accounts in a read-only table with a find
// field (debounced, filtered by the daemon), their count and the connection state in the
// status bar. Later issues add creating, editing and deleting accounts and the Mail tab.
#pragma once

#include "connectionmanager.h"

#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;

namespace gui {
class ConnectionStatus;
}

namespace usermgr {

class AccountListModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(gui::ConnectionManager *manager, QWidget *parent = nullptr);
    ~MainWindow() override;

    AccountListModel *accountModel() const { return m_accounts; }

public slots:
    void refresh();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void updateTitle();
    void updateCount();
    void onStateChanged(gui::ConnectionManager::State state);
    void logInAgain(const QString &why);

    gui::ConnectionManager *m_manager;
    AccountListModel *m_accounts;
    QLineEdit *m_findEdit;
    QTableView *m_table;
    QLabel *m_countLabel;
    gui::ConnectionStatus *m_connectionStatus;
    QTimer m_findTimer;
    QAction *m_refreshAction = nullptr;
    QAction *m_logInAction = nullptr;
    bool m_loginOpen = false;
};

} // namespace usermgr
