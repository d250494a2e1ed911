// The login window (see logindialog.h).
#include "logindialog.h"

#include "paths.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

namespace gui {

namespace {
const QString kSocketPathKey = QStringLiteral("login/socketPath");
const QString kUserKey = QStringLiteral("login/user");
} // namespace

LoginDialog::LoginDialog(ConnectionManager *manager, QWidget *parent)
    : QDialog(parent), m_manager(manager)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log In"));

    auto *appIcon = new QLabel(this);
    appIcon->setPixmap(QApplication::windowIcon().pixmap(48, 48));
    auto *title = new QLabel(tr("<b>Log in to the mail server</b>"), this);
    m_introLabel =
        new QLabel(tr("Enter the name and password of an administrator of the mail server."), this);
    m_introLabel->setWordWrap(true);
    auto *titleBox = new QVBoxLayout;
    titleBox->addWidget(title);
    titleBox->addWidget(m_introLabel);
    auto *header = new QHBoxLayout;
    header->addWidget(appIcon, 0, Qt::AlignTop);
    header->addLayout(titleBox, 1);

    m_socketPathEdit = new QLineEdit(this);
    m_socketPathEdit->setObjectName(QStringLiteral("socketPathEdit"));
    m_socketPathEdit->setMinimumWidth(320);
    m_socketPathEdit->setToolTip(
        tr("The control socket of the mail daemon: control.sock in the run directory of its "
           "data directory."));
    m_browseButton = new QPushButton(tr("Browse…"), this);
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    m_browseButton->setAutoDefault(false);
    auto *socketRow = new QHBoxLayout;
    socketRow->addWidget(m_socketPathEdit, 1);
    socketRow->addWidget(m_browseButton);

    m_userEdit = new QLineEdit(this);
    m_userEdit->setObjectName(QStringLiteral("userEdit"));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("&Control socket:"), socketRow);
    form->addRow(tr("Administrator &name:"), m_userEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(socketRow)))
        label->setBuddy(m_socketPathEdit);

    m_statusIcon = new QLabel(this);
    m_statusIcon->setObjectName(QStringLiteral("statusIcon"));
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setMinimumHeight(m_statusLabel->fontMetrics().lineSpacing() * 2);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_statusLabel, 1);

    m_busyIndicator = new QProgressBar(this);
    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setRange(0, 0); // indeterminate
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setMaximumHeight(m_busyIndicator->fontMetrics().height());
    m_busyIndicator->setVisible(false);
    // Keep the dialog's height when the indicator appears and goes.
    QSizePolicy keep = m_busyIndicator->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_busyIndicator->setSizePolicy(keep);

    m_buttons = new QDialogButtonBox(this);
    m_loginButton = m_buttons->addButton(tr("Log In"), QDialogButtonBox::AcceptRole);
    m_loginButton->setObjectName(QStringLiteral("loginButton"));
    m_loginButton->setDefault(true);
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addLayout(statusRow);
    layout->addWidget(m_busyIndicator);
    layout->addWidget(m_buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    connect(m_loginButton, &QPushButton::clicked, this, &LoginDialog::logIn);
    connect(m_cancelButton, &QPushButton::clicked, this, &LoginDialog::reject);
    connect(m_browseButton, &QPushButton::clicked, this, &LoginDialog::browse);
    connect(m_manager, &ConnectionManager::loggedIn, this, &LoginDialog::onLoggedIn);
    connect(m_manager, &ConnectionManager::loginFailed, this, &LoginDialog::onLoginFailed);
    m_rateLimitTimer.setInterval(1000);
    connect(&m_rateLimitTimer, &QTimer::timeout, this, &LoginDialog::tickRateLimit);

    // An explicit $MAILROOM_SOCKET wins over the remembered path.
    const QSettings settings;
    const QString remembered = settings.value(kSocketPathKey).toString();
    m_socketPathEdit->setText(qEnvironmentVariableIsSet("MAILROOM_SOCKET") || remembered.isEmpty()
                                  ? common::defaultControlSocket()
                                  : remembered);
    m_userEdit->setText(settings.value(kUserKey).toString());
    if (m_userEdit->text().isEmpty())
        m_userEdit->setFocus();
    else
        m_passwordEdit->setFocus();
    showStatus({}, false);
}

LoginDialog::~LoginDialog()
{
    if (m_busy)
        m_manager->logout();
}

LoginDialog *LoginDialog::openForSession(ConnectionManager *manager, QWidget *window,
                                         const QString &why)
{
    auto *dialog = new LoginDialog(manager, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSocketPath(manager->socketPath());
    dialog->setUserName(manager->user());
    if (!why.isEmpty())
        dialog->setIntroText(why);
    dialog->open();
    return dialog;
}

void LoginDialog::setIntroText(const QString &text)
{
    m_introLabel->setText(text);
}

void LoginDialog::setSocketPath(const QString &path)
{
    m_socketPathEdit->setText(path);
}

QString LoginDialog::socketPath() const
{
    return m_socketPathEdit->text().trimmed();
}

void LoginDialog::setUserName(const QString &name)
{
    m_userEdit->setText(name);
    if (!name.isEmpty())
        m_passwordEdit->setFocus();
}

QString LoginDialog::userName() const
{
    return m_userEdit->text().trimmed();
}

QString LoginDialog::statusText() const
{
    return m_statusLabel->text();
}

void LoginDialog::setStatusText(const QString &text, bool isError)
{
    showStatus(text, isError);
}

void LoginDialog::logIn()
{
    if (m_busy || m_rateLimitRemaining > 0)
        return;
    if (socketPath().isEmpty()) {
        showStatus(tr("Enter the path of the mail daemon's control socket."), true);
        m_socketPathEdit->setFocus();
        return;
    }
    if (userName().isEmpty()) {
        showStatus(tr("Enter the administrator's name."), true);
        m_userEdit->setFocus();
        return;
    }
    if (m_passwordEdit->text().isEmpty()) {
        showStatus(tr("Enter the password."), true);
        m_passwordEdit->setFocus();
        return;
    }
    setBusy(true);
    showStatus(tr("Connecting to the mail daemon…"), false);
    // May report a missing socket before it returns: setBusy() must come first.
    m_manager->login(socketPath(), userName(), m_passwordEdit->text());
}

void LoginDialog::reject()
{
    if (m_busy) {
        m_manager->logout();
        setBusy(false);
        showStatus(tr("Login cancelled."), false);
        return;
    }
    QDialog::reject();
}

void LoginDialog::onLoggedIn()
{
    if (!m_busy)
        return;
    QSettings settings;
    settings.setValue(kSocketPathKey, socketPath());
    settings.setValue(kUserKey, userName());
    m_passwordEdit->clear();
    setBusy(false);
    showStatus(tr("Logged in."), false);
    accept();
}

void LoginDialog::onLoginFailed(ConnectionManager::FailureKind kind, const QString &sentence)
{
    if (!m_busy)
        return;
    setBusy(false);
    showStatus(sentence, true);
    switch (kind) {
    case ConnectionManager::FailureKind::WrongPassword:
        m_passwordEdit->setFocus();
        m_passwordEdit->selectAll();
        break;
    case ConnectionManager::FailureKind::RateLimited:
        m_rateLimitRemaining = m_manager->retryAfterSeconds();
        m_rateLimitTimer.start();
        updateLoginButton();
        break;
    case ConnectionManager::FailureKind::NotRunning:
    case ConnectionManager::FailureKind::NotAllowed:
        m_socketPathEdit->setFocus();
        break;
    default:
        break;
    }
}

void LoginDialog::tickRateLimit()
{
    if (--m_rateLimitRemaining <= 0) {
        m_rateLimitRemaining = 0;
        m_rateLimitTimer.stop();
        showStatus(tr("You can try again now."), false);
    } else {
        showStatus(ConnectionManager::describeRateLimit(m_rateLimitRemaining), true);
    }
    updateLoginButton();
}

void LoginDialog::browse()
{
    const QFileInfo current(socketPath());
    const QString dir = current.absoluteDir().exists() ? current.absolutePath() : QDir::homePath();
    auto *dialog = new QFileDialog(this, tr("Choose the Control Socket"), dir);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    // The platform dialogs hide sockets; Qt's own shows them with QDir::System.
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setFilter(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot);
    dialog->setNameFilters({tr("Control sockets (*.sock)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        setSocketPath(file);
        m_userEdit->setFocus();
    });
    dialog->open();
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyIndicator->setVisible(busy);
    m_socketPathEdit->setEnabled(!busy);
    m_browseButton->setEnabled(!busy);
    m_userEdit->setEnabled(!busy);
    m_passwordEdit->setEnabled(!busy);
    updateLoginButton();
}

void LoginDialog::updateLoginButton()
{
    m_loginButton->setEnabled(!m_busy && m_rateLimitRemaining == 0);
}

void LoginDialog::showStatus(const QString &text, bool isError)
{
    m_statusLabel->setText(text);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_statusIcon->setPixmap(isError && !text.isEmpty()
                                ? style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size)
                                : QPixmap());
    m_statusIcon->setVisible(isError && !text.isEmpty());
}

} // namespace gui
