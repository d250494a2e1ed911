// The login window of mailadmin and mailusers: control socket path, administrator name and
// password; runs ConnectionManager::login() without blocking (a busy indicator while it
// works) and accepts once logged in. Remembers the socket path and name in QSettings.
// Security: the password is never stored; its field is cleared once the login has been made.
#pragma once

#include "connectionmanager.h"

#include <QDialog>
#include <QTimer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace gui {

class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    // The QSettings used are the application's (organization "Mailroom", the binary's name).
    explicit LoginDialog(ConnectionManager *manager, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // For a window whose session ended: a window-modal dialog, filled in with the session's
    // socket and name, opened at once and deleted when closed. why replaces the intro text.
    static LoginDialog *openForSession(ConnectionManager *manager, QWidget *window,
                                       const QString &why);

    void setIntroText(const QString &text);
    void setSocketPath(const QString &path);
    QString socketPath() const;
    void setUserName(const QString &name);
    QString userName() const;
    QString statusText() const;
    void setStatusText(const QString &text, bool isError);
    bool isBusy() const { return m_busy; }

public slots:
    // Same as clicking Log In.
    void logIn();
    // Cancels a login in progress; closes the dialog when none is.
    void reject() override;

private:
    void onLoggedIn();
    void onLoginFailed(ConnectionManager::FailureKind kind, const QString &sentence);
    void browse();
    void setBusy(bool busy);
    void showStatus(const QString &text, bool isError);
    void tickRateLimit();
    void updateLoginButton();

    ConnectionManager *m_manager;
    QLabel *m_introLabel;
    QLineEdit *m_socketPathEdit;
    QPushButton *m_browseButton;
    QLineEdit *m_userEdit;
    QLineEdit *m_passwordEdit;
    QLabel *m_statusIcon;
    QLabel *m_statusLabel;
    QProgressBar *m_busyIndicator;
    QDialogButtonBox *m_buttons;
    QPushButton *m_loginButton;
    QPushButton *m_cancelButton;
    QTimer m_rateLimitTimer;
    int m_rateLimitRemaining = 0;
    bool m_busy = false;
};

} // namespace gui
