// The Workgroup Manager window: the accounts in a table with a find field (debounced,
// filtered and sorted by the daemon) beside the account editor (Basic and Mail tabs); a
// toolbar to create, duplicate, delete, import and export accounts; a busy indicator and the
// connection state in the status bar. Unsaved edits are never dropped without asking.
#pragma once

#include "connectionmanager.h"
#include "model/account.h"

#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;

namespace gui {
class ConnectionStatus;
}

namespace usermgr {

class AccountEditor;
class AccountListModel;
class ImportDialog;
class RequestQueue;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(gui::ConnectionManager *manager, QWidget *parent = nullptr);
    ~MainWindow() override;

    AccountListModel *accountModel() const { return m_accounts; }
    AccountEditor *editor() const { return m_editor; }
    QTableView *table() const { return m_table; }
    bool isBusy() const;

public slots:
    void refresh();
    void newAccount();
    void duplicateAccount();
    void deleteAccounts();
    // Reads a CSV file and opens the import preview (non-modal); nullptr if unreadable.
    ImportDialog *importFile(const QString &path);
    // Writes every account (all pages, fetched asynchronously) to path; exported() follows.
    void exportTo(const QString &path);

signals:
    void exported(bool ok, const QString &sentence);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void onSelectionChanged();
    void selectNames(const QStringList &names);
    QStringList selectedNames() const;
    QList<common::model::Account> selectedAccounts() const;
    // Save / Discard / Cancel for unsaved edits; true when the caller may go on.
    bool confirmLeave();
    void updateBusy();
    void updateActions();
    void loadDomains();
    void exportPage(const QString &path, int offset, QList<common::model::Account> done);
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
    AccountEditor *m_editor;
    RequestQueue *m_deleteQueue;
    QProgressBar *m_busyBar;
    QStringList m_shownNames; // what the editor shows, to restore after a reload
    QStringList m_pendingNames; // to select once the editor's save finished
    bool m_restoring = false;
    bool m_closeAfterSave = false;
    int m_exporting = 0;
    QAction *m_newAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QTimer m_findTimer;
    QAction *m_refreshAction = nullptr;
    QAction *m_logInAction = nullptr;
    bool m_loginOpen = false;
};

} // namespace usermgr
