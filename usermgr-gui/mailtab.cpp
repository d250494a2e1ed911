// The Mail tab (see mailtab.h).
#include "mailtab.h"

#include "displayformat.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace usermgr {

using common::model::Account;
using common::model::MailAccess;
using common::model::MailState;

namespace {
constexpr qint64 kMB = qint64(1) << 20;
constexpr qint64 kGB = qint64(1) << 30;
constexpr int kMixed = -1;

// Checks the button with id, or none when the accounts differ (a mixed group).
void checkOrMix(QButtonGroup *group, QLabel *mixedLabel, int id)
{
    group->setExclusive(false);
    for (QAbstractButton *b : group->buttons())
        b->setChecked(group->id(b) == id);
    group->setExclusive(true);
    mixedLabel->setVisible(id == kMixed);
}

template<typename T, typename F>
int commonValue(const QList<Account> &accounts, F get, int (*toId)(T))
{
    if (accounts.isEmpty())
        return kMixed;
    const T first = get(accounts.constFirst());
    for (const Account &a : accounts) {
        if (!(get(a) == first))
            return kMixed;
    }
    return toId(first);
}

int stateId(MailState s)
{
    return int(s);
}
int accessId(MailAccess a)
{
    return int(a);
}
} // namespace

QLabel *MailTab::errorLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setStyleSheet(QStringLiteral("color: #c0392b;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

MailTab::MailTab(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("mailTab"));
    auto *form = new QFormLayout(this);

    // Mail: None / Enabled / Forward to.
    m_stateGroup = new QButtonGroup(this);
    auto *none = new QRadioButton(tr("&None"), this);
    none->setObjectName(QStringLiteral("mailNoneRadio"));
    none->setToolTip(tr("Mail for this account is refused."));
    auto *enabled = new QRadioButton(tr("&Enabled"), this);
    enabled->setObjectName(QStringLiteral("mailEnabledRadio"));
    auto *forward = new QRadioButton(tr("&Forward to:"), this);
    forward->setObjectName(QStringLiteral("mailForwardRadio"));
    m_stateGroup->addButton(none, int(MailState::Disabled));
    m_stateGroup->addButton(enabled, int(MailState::Enabled));
    m_stateGroup->addButton(forward, int(MailState::Forward));
    m_stateMixed = new QLabel(tr("Mixed"), this);
    m_stateMixed->setObjectName(QStringLiteral("mailStateMixedLabel"));
    m_stateMixed->hide();
    m_forwardEdit = new QLineEdit(this);
    m_forwardEdit->setObjectName(QStringLiteral("forwardEdit"));
    m_forwardEdit->setPlaceholderText(tr("name@example.org"));
    m_forwardError = errorLabel(this, QStringLiteral("forwardError"));
    auto *stateBox = new QVBoxLayout;
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(none);
    stateRow->addWidget(enabled);
    stateRow->addWidget(m_stateMixed);
    stateRow->addStretch(1);
    stateBox->addLayout(stateRow);
    auto *forwardRow = new QHBoxLayout;
    forwardRow->addWidget(forward);
    forwardRow->addWidget(m_forwardEdit, 1);
    stateBox->addLayout(forwardRow);
    stateBox->addWidget(m_forwardError);
    form->addRow(tr("Mail:"), stateBox);

    m_serverEdit = new QLineEdit(this);
    m_serverEdit->setObjectName(QStringLiteral("mailServerEdit"));
    m_serverEdit->setPlaceholderText(tr("this server"));
    m_serverError = errorLabel(this, QStringLiteral("mailServerError"));
    auto *serverBox = new QVBoxLayout;
    serverBox->addWidget(m_serverEdit);
    serverBox->addWidget(m_serverError);
    auto *serverLabel = new QLabel(tr("Mail &server:"), this);
    serverLabel->setBuddy(m_serverEdit);
    form->addRow(serverLabel, serverBox);

    m_quotaSpin = new QSpinBox(this);
    m_quotaSpin->setObjectName(QStringLiteral("quotaSpin"));
    m_quotaSpin->setRange(0, 1000000);
    m_quotaSpin->setSpecialValueText(tr("No limit"));
    m_quotaSpin->setToolTip(tr("0 means no limit."));
    m_quotaUnit = new QComboBox(this);
    m_quotaUnit->setObjectName(QStringLiteral("quotaUnitCombo"));
    m_quotaUnit->addItem(tr("MB"), kMB);
    m_quotaUnit->addItem(tr("GB"), kGB);
    m_usageBar = new QProgressBar(this);
    m_usageBar->setObjectName(QStringLiteral("usageBar"));
    m_usageBar->setRange(0, 1000);
    m_usageBar->setTextVisible(true);
    m_quotaError = errorLabel(this, QStringLiteral("quotaError"));
    auto *quotaRow = new QHBoxLayout;
    quotaRow->addWidget(m_quotaSpin, 1);
    quotaRow->addWidget(m_quotaUnit);
    auto *quotaBox = new QVBoxLayout;
    quotaBox->addLayout(quotaRow);
    quotaBox->addWidget(m_usageBar);
    quotaBox->addWidget(m_quotaError);
    auto *quotaLabel = new QLabel(tr("Mail &quota:"), this);
    quotaLabel->setBuddy(m_quotaSpin);
    form->addRow(quotaLabel, quotaBox);

    m_accessGroup = new QButtonGroup(this);
    auto *both = new QRadioButton(tr("&Both POP and IMAP"), this);
    both->setObjectName(QStringLiteral("accessBothRadio"));
    auto *pop = new QRadioButton(tr("&POP only"), this);
    pop->setObjectName(QStringLiteral("accessPopRadio"));
    auto *imap = new QRadioButton(tr("&IMAP only"), this);
    imap->setObjectName(QStringLiteral("accessImapRadio"));
    m_accessGroup->addButton(both, int(MailAccess::Both));
    m_accessGroup->addButton(pop, int(MailAccess::PopOnly));
    m_accessGroup->addButton(imap, int(MailAccess::ImapOnly));
    m_accessMixed = new QLabel(tr("Mixed"), this);
    m_accessMixed->setObjectName(QStringLiteral("accessMixedLabel"));
    m_accessMixed->hide();
    auto *accessBox = new QVBoxLayout;
    accessBox->addWidget(both);
    accessBox->addWidget(pop);
    accessBox->addWidget(imap);
    accessBox->addWidget(m_accessMixed);
    form->addRow(tr("Mail access:"), accessBox);

    connect(m_stateGroup, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked) {
            m_stateMixed->hide();
            updateForwardEnabled();
            markDirty(StateField);
        }
    });
    connect(m_forwardEdit, &QLineEdit::textEdited, this, [this] { markDirty(ForwardField); });
    connect(m_serverEdit, &QLineEdit::textEdited, this, [this] { markDirty(ServerField); });
    connect(m_quotaSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (value != kMixed)
            setQuotaMixed(false);
        markDirty(QuotaField);
    });
    connect(m_quotaUnit, &QComboBox::currentIndexChanged, this, [this] { markDirty(QuotaField); });
    connect(m_accessGroup, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked) {
            m_accessMixed->hide();
            markDirty(AccessField);
        }
    });
    setAccounts({});
}

void MailTab::markDirty(int field)
{
    if (m_loading)
        return;
    m_dirty |= field;
    emit modified();
}

bool MailTab::isModified() const
{
    return m_dirty != 0;
}

void MailTab::setQuotaMixed(bool mixed)
{
    if (mixed) {
        m_quotaSpin->setMinimum(kMixed);
        m_quotaSpin->setSpecialValueText(tr("Mixed"));
        m_quotaSpin->setValue(kMixed);
    } else if (m_quotaSpin->minimum() == kMixed) {
        m_quotaSpin->setSpecialValueText(tr("No limit"));
        m_quotaSpin->setMinimum(0);
    }
}

qint64 MailTab::quotaBytes() const
{
    return qint64(qMax(0, m_quotaSpin->value())) * m_quotaUnit->currentData().toLongLong();
}

void MailTab::updateForwardEnabled()
{
    m_forwardEdit->setEnabled(isEnabled() &&
                              m_stateGroup->checkedId() == int(MailState::Forward));
}

void MailTab::setAccounts(const QList<Account> &accounts)
{
    m_loading = true;
    clearErrors();
    checkOrMix(m_stateGroup, m_stateMixed,
               commonValue<MailState>(accounts, [](const Account &a) { return a.mail.state; },
                                      stateId));
    checkOrMix(m_accessGroup, m_accessMixed,
               commonValue<MailAccess>(accounts, [](const Account &a) { return a.mail.access; },
                                       accessId));
    const auto sameText = [&](auto get) -> std::optional<QString> {
        if (accounts.isEmpty())
            return QString();
        const QString first = get(accounts.constFirst());
        for (const Account &a : accounts) {
            if (get(a) != first)
                return std::nullopt;
        }
        return first;
    };
    const auto forward = sameText([](const Account &a) { return a.mail.forwardAddress; });
    m_forwardEdit->setText(forward.value_or(QString()));
    m_forwardEdit->setPlaceholderText(forward ? tr("name@example.org") : tr("Mixed"));
    const auto server = sameText([](const Account &a) { return a.mail.server; });
    m_serverEdit->setText(server.value_or(QString()));
    m_serverEdit->setPlaceholderText(server ? tr("this server") : tr("Mixed"));

    const auto quota = sameText([](const Account &a) { return QString::number(a.mail.quotaBytes); });
    if (!quota) {
        setQuotaMixed(true);
    } else {
        setQuotaMixed(false);
        const qint64 bytes = quota->toLongLong();
        const bool inGB = bytes > 0 && bytes % kGB == 0;
        m_quotaUnit->setCurrentIndex(inGB ? 1 : 0);
        m_quotaSpin->setValue(int(inGB ? bytes / kGB : (bytes + kMB - 1) / kMB));
    }
    updateUsage(accounts);
    setEnabled(!accounts.isEmpty());
    updateForwardEnabled();
    m_dirty = 0;
    m_loading = false;
}

void MailTab::setNewAccount(const common::model::MailOptions &mail)
{
    Account a;
    a.mail = mail;
    setAccounts({a});
    m_usageBar->hide();
    m_dirty = AllFields;
}

void MailTab::updateUsage(const QList<Account> &accounts)
{
    if (accounts.size() != 1) {
        m_usageBar->hide();
        return;
    }
    const Account &a = accounts.constFirst();
    m_usageBar->show();
    QString color = QStringLiteral("#3a87d8");
    if (a.mail.quotaBytes <= 0) {
        m_usageBar->setValue(0);
        m_usageBar->setFormat(tr("%1 used, no limit").arg(gui::formatBytes(a.usageBytes)));
        m_usageBar->setProperty("usagePercent", 0);
    } else {
        const double percent = 100.0 * double(a.usageBytes) / double(a.mail.quotaBytes);
        m_usageBar->setValue(int(qMin(1000.0, percent * 10)));
        m_usageBar->setFormat(tr("%1 of %2 used (%3%)")
                                  .arg(gui::formatBytes(a.usageBytes),
                                       gui::formatBytes(a.mail.quotaBytes))
                                  .arg(int(percent)));
        m_usageBar->setProperty("usagePercent", percent);
        if (percent >= 100)
            color = QStringLiteral("#c0392b");
        else if (a.pastQuotaWarning())
            color = QStringLiteral("#e67e22");
        m_usageBar->setToolTip(tr("A warning is sent past %1% of the quota.")
                                   .arg(a.mail.quotaWarnPercent));
    }
    m_usageBar->setStyleSheet(
        QStringLiteral("QProgressBar { text-align: center; } "
                       "QProgressBar::chunk { background-color: %1; }")
            .arg(color));
}

QJsonObject MailTab::mailPatch() const
{
    QJsonObject mail;
    const int state = m_stateGroup->checkedId();
    if ((m_dirty & StateField) && state >= 0)
        mail.insert(QStringLiteral("state"), common::model::toString(MailState(state)));
    if ((m_dirty & ForwardField) || ((m_dirty & StateField) && state == int(MailState::Forward)))
        mail.insert(QStringLiteral("forwardAddress"), m_forwardEdit->text().trimmed());
    if (m_dirty & ServerField)
        mail.insert(QStringLiteral("server"), m_serverEdit->text().trimmed());
    if ((m_dirty & QuotaField) && m_quotaSpin->value() != kMixed)
        mail.insert(QStringLiteral("quotaBytes"), quotaBytes());
    const int access = m_accessGroup->checkedId();
    if ((m_dirty & AccessField) && access >= 0)
        mail.insert(QStringLiteral("access"), common::model::toString(MailAccess(access)));
    return mail;
}

bool MailTab::showFieldError(const QString &field, const QString &sentence)
{
    QLabel *label = nullptr;
    if (field == QLatin1String("mail.forwardAddress") || field == QLatin1String("mail.state"))
        label = m_forwardError;
    else if (field == QLatin1String("mail.server"))
        label = m_serverError;
    else if (field.startsWith(QLatin1String("mail.")))
        label = m_quotaError;
    if (!label)
        return false;
    label->setText(sentence);
    label->show();
    return true;
}

void MailTab::clearErrors()
{
    for (QLabel *label : {m_forwardError, m_serverError, m_quotaError}) {
        label->clear();
        label->hide();
    }
}

} // namespace usermgr
