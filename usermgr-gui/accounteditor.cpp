// The account editor pane (see accounteditor.h).
#include "accounteditor.h"

#include "mailtab.h"
#include "requestqueue.h"
#include "validation/validation.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace usermgr {

using common::control::Reply;
using common::control::RpcError;
using common::model::Account;

namespace {
QLabel *makeErrorLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setStyleSheet(QStringLiteral("color: #c0392b;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

QVBoxLayout *withError(QWidget *field, QLabel *error)
{
    auto *box = new QVBoxLayout;
    box->setSpacing(2);
    box->addWidget(field);
    box->addWidget(error);
    return box;
}
} // namespace

AccountEditor::AccountEditor(common::control::ControlClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_queue(new RequestQueue(client, this))
{
    setObjectName(QStringLiteral("accountEditor"));
    m_headerLabel = new QLabel(this);
    m_headerLabel->setObjectName(QStringLiteral("editorHeader"));
    QFont big = m_headerLabel->font();
    big.setBold(true);
    m_headerLabel->setFont(big);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->addTab(createBasicTab(), tr("Basic"));
    m_mailTab = new MailTab(this);
    m_tabs->addTab(m_mailTab, tr("Mail"));

    m_generalError = makeErrorLabel(this, QStringLiteral("generalError"));
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    m_revertButton = new QPushButton(tr("Re&vert"), this);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_saveButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headerLabel);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_generalError);
    layout->addLayout(buttons);

    connect(m_saveButton, &QPushButton::clicked, this, &AccountEditor::save);
    connect(m_revertButton, &QPushButton::clicked, this, &AccountEditor::revert);
    connect(m_mailTab, &MailTab::modified, this, &AccountEditor::onEdited);
    connect(m_queue, &RequestQueue::progress, this, &AccountEditor::progress);
    connect(m_queue, &RequestQueue::finished, this, &AccountEditor::onSaveFinished);
    load({});
}

QWidget *AccountEditor::createBasicTab()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("basicTab"));
    auto *form = new QFormLayout(page);

    m_nameEdit = new QLineEdit(page);
    m_nameEdit->setObjectName(QStringLiteral("shortNameEdit"));
    m_nameEdit->setMaxLength(common::validation::kMaxShortName);
    m_nameEdit->setToolTip(tr("Lower-case letters, digits, '.', '_' and '-'. Fixed once the "
                              "account exists."));
    m_nameError = makeErrorLabel(page, QStringLiteral("shortNameError"));
    auto *nameLabel = new QLabel(tr("Short &name:"), page);
    nameLabel->setBuddy(m_nameEdit);
    form->addRow(nameLabel, withError(m_nameEdit, m_nameError));

    m_fullNameEdit = new QLineEdit(page);
    m_fullNameEdit->setObjectName(QStringLiteral("fullNameEdit"));
    m_fullNameError = makeErrorLabel(page, QStringLiteral("fullNameError"));
    auto *fullNameLabel = new QLabel(tr("&Full name:"), page);
    fullNameLabel->setBuddy(m_fullNameEdit);
    form->addRow(fullNameLabel, withError(m_fullNameEdit, m_fullNameError));

    m_passwordEdit = new QLineEdit(page);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_confirmEdit = new QLineEdit(page);
    m_confirmEdit->setObjectName(QStringLiteral("confirmPasswordEdit"));
    m_confirmEdit->setEchoMode(QLineEdit::Password);
    m_strengthLabel = new QLabel(page);
    m_strengthLabel->setObjectName(QStringLiteral("passwordStrengthLabel"));
    m_passwordError = makeErrorLabel(page, QStringLiteral("passwordError"));
    form->addRow(tr("&Password:"), m_passwordEdit);
    auto *confirmBox = withError(m_confirmEdit, m_passwordError);
    confirmBox->insertWidget(1, m_strengthLabel);
    auto *confirmLabel = new QLabel(tr("&Verify:"), page);
    confirmLabel->setBuddy(m_confirmEdit);
    form->addRow(confirmLabel, confirmBox);

    m_adminCheck = new QCheckBox(tr("User can &administer the mail server"), page);
    m_adminCheck->setObjectName(QStringLiteral("adminCheck"));
    form->addRow(QString(), m_adminCheck);

    m_aliasList = new QListWidget(page);
    m_aliasList->setObjectName(QStringLiteral("aliasList"));
    m_aliasList->setToolTip(tr("Other addresses of this account, in a local domain. "
                               "Double-click to edit."));
    m_addAliasButton = new QPushButton(tr("A&dd"), page);
    m_addAliasButton->setObjectName(QStringLiteral("addAliasButton"));
    m_removeAliasButton = new QPushButton(tr("Remo&ve"), page);
    m_removeAliasButton->setObjectName(QStringLiteral("removeAliasButton"));
    m_aliasError = makeErrorLabel(page, QStringLiteral("aliasError"));
    auto *aliasButtons = new QHBoxLayout;
    aliasButtons->addWidget(m_addAliasButton);
    aliasButtons->addWidget(m_removeAliasButton);
    aliasButtons->addStretch(1);
    auto *aliasBox = withError(m_aliasList, m_aliasError);
    aliasBox->insertLayout(1, aliasButtons);
    auto *aliasLabel = new QLabel(tr("Email &aliases:"), page);
    aliasLabel->setBuddy(m_aliasList);
    form->addRow(aliasLabel, aliasBox);

    for (QLineEdit *edit : {m_nameEdit, m_fullNameEdit, m_passwordEdit, m_confirmEdit})
        connect(edit, &QLineEdit::textEdited, this, &AccountEditor::onEdited);
    connect(m_passwordEdit, &QLineEdit::textChanged, this, &AccountEditor::updateStrength);
    connect(m_confirmEdit, &QLineEdit::textChanged, this, &AccountEditor::updateStrength);
    connect(m_adminCheck, &QCheckBox::toggled, this, &AccountEditor::onEdited);
    connect(m_aliasList, &QListWidget::itemChanged, this, &AccountEditor::onEdited);
    connect(m_addAliasButton, &QPushButton::clicked, this, [this] {
        auto *item = new QListWidgetItem(m_aliasList);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        m_aliasList->setCurrentItem(item);
        m_aliasList->editItem(item);
        onEdited();
    });
    connect(m_removeAliasButton, &QPushButton::clicked, this, [this] {
        delete m_aliasList->currentItem();
        onEdited();
    });
    return page;
}

int AccountEditor::passwordStrength(const QString &password)
{
    if (password.size() < common::validation::kMinPassword)
        return 0;
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : password) {
        lower |= c.isLower();
        upper |= c.isUpper();
        digit |= c.isDigit();
        other |= !c.isLetterOrNumber();
    }
    const int classes = int(lower) + int(upper) + int(digit) + int(other);
    if (password.size() >= 16 || (password.size() >= 12 && classes >= 3))
        return 3;
    return classes >= 2 ? 2 : 1;
}

void AccountEditor::updateStrength()
{
    const QString password = m_passwordEdit->text();
    if (password.isEmpty()) {
        m_strengthLabel->setText(m_mode == Mode::New ? tr("No password: the account cannot log in.")
                                                     : QString());
        return;
    }
    QString hint;
    switch (passwordStrength(password)) {
    case 0:
        hint = tr("Too short: at least %1 characters.").arg(common::validation::kMinPassword);
        break;
    case 1:
        hint = tr("Weak: mix letters, digits and symbols, or make it longer.");
        break;
    case 2:
        hint = tr("Fair.");
        break;
    default:
        hint = tr("Strong.");
        break;
    }
    if (!m_confirmEdit->text().isEmpty() && m_confirmEdit->text() != password)
        hint += QLatin1Char(' ') + tr("The two passwords differ.");
    m_strengthLabel->setText(hint);
}

QStringList AccountEditor::accountNames() const
{
    QStringList names;
    for (const Account &a : m_accounts)
        names.append(a.name);
    return names;
}

bool AccountEditor::isModified() const
{
    if (m_mode == Mode::Empty)
        return false;
    return m_basicDirty || m_mailTab->isModified();
}

void AccountEditor::onEdited()
{
    if (m_loading)
        return;
    m_basicDirty = m_basicDirty || sender() != m_mailTab;
    m_saveButton->setEnabled(!m_busy);
    m_revertButton->setEnabled(!m_busy);
    emit modifiedChanged(true);
}

void AccountEditor::showAccounts(const QList<Account> &accounts)
{
    load(accounts);
    if (accounts.size() != 1)
        return;
    // The list may be a page old; the editor works on the daemon's current copy.
    const quint64 generation = ++m_loadGeneration;
    const QString name = accounts.constFirst().name;
    setBusy(true);
    m_client->call(QStringLiteral("account.get"), {{QStringLiteral("name"), name}},
                   [self = QPointer(this), generation](const Reply &reply) {
                       if (!self || generation != self->m_loadGeneration)
                           return;
                       self->setBusy(false);
                       if (reply.ok() && !self->isModified())
                           self->load({Account::fromJson(reply.object())});
                       else if (!reply.ok())
                           self->showError(*reply.error);
                   });
}

void AccountEditor::load(const QList<Account> &accounts)
{
    m_loading = true;
    m_accounts = accounts;
    m_mode = accounts.isEmpty() ? Mode::Empty : accounts.size() == 1 ? Mode::Single : Mode::Several;
    clearErrors();
    const Account single = accounts.size() == 1 ? accounts.constFirst() : Account();
    m_nameEdit->setText(single.name);
    m_nameEdit->setReadOnly(true);
    m_fullNameEdit->setText(single.fullName);
    m_passwordEdit->clear();
    m_confirmEdit->clear();
    m_passwordEdit->setPlaceholderText(single.hasPassword ? tr("unchanged") : QString());
    m_adminCheck->setChecked(single.admin);
    m_aliasList->clear();
    for (const QString &address : single.addresses) {
        auto *item = new QListWidgetItem(address, m_aliasList);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_mailTab->setAccounts(accounts);
    m_tabs->widget(0)->setEnabled(m_mode == Mode::Single);
    if (m_mode == Mode::Several)
        m_tabs->setCurrentWidget(m_mailTab);
    switch (m_mode) {
    case Mode::Empty:
        m_headerLabel->setText(tr("No account selected"));
        break;
    case Mode::Single:
        m_headerLabel->setText(single.fullName.isEmpty()
                                   ? single.name
                                   : tr("%1 (%2)").arg(single.fullName, single.name));
        break;
    default:
        m_headerLabel->setText(tr("%n accounts selected: the Mail tab changes all of them.",
                                  nullptr, int(accounts.size())));
        break;
    }
    m_basicDirty = false;
    updateStrength();
    m_saveButton->setEnabled(false);
    m_revertButton->setEnabled(false);
    m_loading = false;
    emit modifiedChanged(false);
}

void AccountEditor::startNew(const Account &templ)
{
    ++m_loadGeneration;
    load({});
    m_loading = true;
    m_mode = Mode::New;
    m_tabs->widget(0)->setEnabled(true);
    m_mailTab->setNewAccount(templ.mail);
    m_mailTab->setEnabled(true);
    m_nameEdit->setReadOnly(false);
    m_fullNameEdit->setText(templ.fullName);
    m_adminCheck->setChecked(templ.admin);
    m_headerLabel->setText(tr("New account"));
    m_tabs->setCurrentIndex(0);
    m_basicDirty = true;
    m_loading = false;
    updateStrength();
    m_saveButton->setEnabled(true);
    m_revertButton->setEnabled(true);
    m_nameEdit->setFocus();
    emit modifiedChanged(true);
}

QStringList AccountEditor::aliases() const
{
    QStringList list;
    for (int i = 0; i < m_aliasList->count(); ++i) {
        const QString address = m_aliasList->item(i)->text().trimmed();
        if (!address.isEmpty())
            list.append(address);
    }
    return list;
}

bool AccountEditor::checkLocally()
{
    if (m_passwordEdit->text() != m_confirmEdit->text()) {
        m_passwordError->setText(tr("The password and its confirmation differ."));
        m_passwordError->show();
        m_tabs->setCurrentIndex(0);
        return false;
    }
    return true;
}

void AccountEditor::save()
{
    if (m_busy || !isModified())
        return;
    clearErrors();
    if (!checkLocally())
        return;
    QList<QueuedRequest> requests;
    const QJsonObject mail = m_mailTab->mailPatch();
    const QString password = m_passwordEdit->text();
    if (m_mode == Mode::New) {
        QJsonObject params{{QStringLiteral("name"), m_nameEdit->text().trimmed()},
                           {QStringLiteral("admin"), m_adminCheck->isChecked()},
                           {QStringLiteral("addresses"), QJsonArray::fromStringList(aliases())},
                           {QStringLiteral("mail"), mail}};
        if (!m_fullNameEdit->text().trimmed().isEmpty())
            params.insert(QStringLiteral("fullName"), m_fullNameEdit->text().trimmed());
        if (!password.isEmpty())
            params.insert(QStringLiteral("password"), password);
        requests.append({QStringLiteral("account.create"), params});
    } else if (m_mode == Mode::Single) {
        const Account &a = m_accounts.constFirst();
        QJsonObject params{{QStringLiteral("name"), a.name}};
        if (m_fullNameEdit->text().trimmed() != a.fullName)
            params.insert(QStringLiteral("fullName"), m_fullNameEdit->text().trimmed());
        if (m_adminCheck->isChecked() != a.admin)
            params.insert(QStringLiteral("admin"), m_adminCheck->isChecked());
        if (aliases() != a.addresses)
            params.insert(QStringLiteral("addresses"), QJsonArray::fromStringList(aliases()));
        if (!mail.isEmpty())
            params.insert(QStringLiteral("mail"), mail);
        if (params.size() > 1)
            requests.append({QStringLiteral("account.update"), params});
        if (!password.isEmpty())
            requests.append({QStringLiteral("account.setPassword"),
                             {{QStringLiteral("name"), a.name},
                              {QStringLiteral("password"), password}}});
    } else if (m_mode == Mode::Several && !mail.isEmpty()) {
        for (const Account &a : std::as_const(m_accounts))
            requests.append({QStringLiteral("account.update"),
                             {{QStringLiteral("name"), a.name}, {QStringLiteral("mail"), mail}}});
    }
    if (requests.isEmpty()) {
        load(m_accounts);
        emit saved(accountNames());
        return;
    }
    m_queue->setStopOnError(m_mode != Mode::Several);
    setBusy(true);
    m_queue->start(requests);
}

void AccountEditor::onSaveFinished()
{
    setBusy(false);
    const QList<Reply> &replies = m_queue->replies();
    QList<Account> stored;
    int failed = 0;
    for (const Reply &r : replies) {
        if (!r.ok()) {
            ++failed;
            showError(*r.error);
        } else if (r.object().contains(QStringLiteral("mail"))) {
            stored.append(Account::fromJson(r.object()));
        }
    }
    if (failed > 0) {
        if (m_mode == Mode::Several)
            emit statusMessage(tr("%1 of %2 accounts could not be changed.")
                                   .arg(failed)
                                   .arg(replies.size()));
        emit saveFailed();
        return;
    }
    // The daemon's copies after the change; a password-only save keeps the shown account.
    if (stored.isEmpty())
        stored = m_accounts;
    if (m_mode == Mode::Several) {
        emit statusMessage(tr("%n accounts changed.", nullptr, int(stored.size())));
    } else {
        emit statusMessage(m_mode == Mode::New ? tr("Account %1 created.").arg(stored.first().name)
                                               : tr("Account %1 saved.").arg(stored.first().name));
    }
    load(stored);
    emit saved(accountNames());
}

void AccountEditor::revert()
{
    if (m_mode == Mode::New)
        load({});
    else
        showAccounts(m_accounts);
}

void AccountEditor::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    m_saveButton->setEnabled(!busy && isModified());
    m_revertButton->setEnabled(!busy && isModified());
    emit busyChanged(busy);
}

void AccountEditor::showError(const RpcError &error)
{
    const QString field = error.data.value(QStringLiteral("field")).toString();
    const QString reason = error.data.value(QStringLiteral("reason")).toString();
    const QString sentence = reason.isEmpty() ? error.message : reason;
    QLabel *label = nullptr;
    int tab = 0;
    if (field == QLatin1String("name"))
        label = m_nameError;
    else if (field == QLatin1String("fullName"))
        label = m_fullNameError;
    else if (field == QLatin1String("password"))
        label = m_passwordError;
    else if (field == QLatin1String("addresses"))
        label = m_aliasError;
    else if (m_mailTab->showFieldError(field, sentence))
        tab = 1;
    if (label) {
        label->setText(sentence);
        label->show();
    } else if (tab == 0) {
        m_generalError->setText(error.message);
        m_generalError->show();
        return;
    }
    m_tabs->setCurrentIndex(tab);
}

void AccountEditor::clearErrors()
{
    for (QLabel *label : {m_nameError, m_fullNameError, m_passwordError, m_aliasError,
                          m_generalError}) {
        label->clear();
        label->hide();
    }
    m_mailTab->clearErrors();
}

} // namespace usermgr
