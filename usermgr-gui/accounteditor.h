// The editor pane beside the accounts list: a Basic tab (short name, full name, password with
// confirmation and a strength hint, administrator, aliases) and the Mail tab, with Save and
// Revert. Edits one account, a new one, or the mail options of several at once (then one
// account.update per account, sent one after another with progress). Every call is
// asynchronous; the daemon's complaints appear under the matching field and the edits stay.
// Security: the password is sent only on Save (account.create or account.setPassword).
#pragma once

#include "control/controlclient.h"
#include "model/account.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace usermgr {

class MailTab;
class RequestQueue;

class AccountEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        Empty,
        Single,
        New,
        Several
    };

    explicit AccountEditor(common::control::ControlClient *client, QWidget *parent = nullptr);

    // Shows these accounts (fetching a fresh copy of a single one from the daemon).
    void showAccounts(const QList<common::model::Account> &accounts);
    // A new account, its fields copied from a template (Duplicate) without name or aliases.
    void startNew(const common::model::Account &templ = {});
    Mode mode() const { return m_mode; }
    QStringList accountNames() const;
    bool isModified() const;
    bool isBusy() const { return m_busy; }
    QTabWidget *tabs() const { return m_tabs; }
    MailTab *mailTab() const { return m_mailTab; }

    // Rates a password for the hint beside the field: 0 (too short) to 3 (strong).
    static int passwordStrength(const QString &password);

public slots:
    void save();
    void revert();

signals:
    void busyChanged(bool busy);
    void progress(int done, int total);
    // Everything was stored; names are the accounts now shown.
    void saved(const QStringList &names);
    // Saving stopped on an error (shown in the pane).
    void saveFailed();
    void modifiedChanged(bool modified);
    void statusMessage(const QString &sentence);

private:
    QWidget *createBasicTab();
    void load(const QList<common::model::Account> &accounts);
    void setBusy(bool busy);
    void onEdited();
    void updateStrength();
    void showError(const common::control::RpcError &error);
    void clearErrors();
    bool checkLocally();
    QStringList aliases() const;
    void onSaveFinished();

    common::control::ControlClient *m_client;
    RequestQueue *m_queue;
    Mode m_mode = Mode::Empty;
    QList<common::model::Account> m_accounts;
    QTabWidget *m_tabs;
    QLineEdit *m_nameEdit;
    QLabel *m_nameError;
    QLineEdit *m_fullNameEdit;
    QLabel *m_fullNameError;
    QLineEdit *m_passwordEdit;
    QLineEdit *m_confirmEdit;
    QLabel *m_strengthLabel;
    QLabel *m_passwordError;
    QCheckBox *m_adminCheck;
    QListWidget *m_aliasList;
    QPushButton *m_addAliasButton;
    QPushButton *m_removeAliasButton;
    QLabel *m_aliasError;
    MailTab *m_mailTab;
    QLabel *m_headerLabel;
    QLabel *m_generalError;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
    bool m_loading = false;
    bool m_basicDirty = false;
    bool m_busy = false;
    quint64 m_loadGeneration = 0;
};

} // namespace usermgr
