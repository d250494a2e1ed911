// Adding or editing an MX record (see mxrecorddialog.h).
#include "mxrecorddialog.h"

#include <validation/validation.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace admin {

namespace {

QLabel *errorLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #b00020"));
    label->hide();
    return label;
}

} // namespace

MxRecordDialog::MxRecordDialog(const QString &domain, const QString &host, int preference, QWidget *parent)
    : QDialog(parent), m_host(new QLineEdit(host, this)), m_preference(new QSpinBox(this)),
      m_hostError(errorLabel(this, "mxHostError")), m_preferenceError(errorLabel(this, "mxPreferenceError"))
{
    setObjectName(QStringLiteral("mxRecordDialog"));
    setWindowTitle(host.isEmpty() ? tr("New MX Record") : tr("Edit MX Record"));
    m_host->setObjectName(QStringLiteral("mxHostEdit"));
    m_host->setPlaceholderText(tr("e.g. mail.%1").arg(domain));
    m_host->setToolTip(tr("The host name of the mail server that receives mail for %1 (not an IP address)").arg(domain));
    m_preference->setObjectName(QStringLiteral("mxPreferenceSpin"));
    m_preference->setRange(0, 65535);
    m_preference->setValue(preference);
    m_preference->setToolTip(tr("Other servers try the record with the lowest preference first"));

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(host.isEmpty() ? tr("Add") : tr("Save"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("mxSaveButton"));
    m_ok->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);

    auto *form = new QFormLayout;
    form->addRow(tr("Domain:"), new QLabel(domain, this));
    form->addRow(tr("Mail &server:"), m_host);
    form->addRow(QString(), m_hostError);
    form->addRow(tr("&Preference:"), m_preference);
    form->addRow(QString(), m_preferenceError);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_host, &QLineEdit::textChanged, this, &MxRecordDialog::validate);
    connect(buttons, &QDialogButtonBox::accepted, this, &MxRecordDialog::submitted);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString MxRecordDialog::host() const
{
    return m_host->text().trimmed();
}

int MxRecordDialog::preference() const
{
    return m_preference->value();
}

void MxRecordDialog::validate()
{
    QString h = host().toLower();
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    const std::optional<QString> problem = h.isEmpty() ? std::nullopt : common::validation::checkMailHostName(h);
    m_hostError->setText(problem.value_or(QString()));
    m_hostError->setVisible(problem.has_value());
    m_ok->setEnabled(!h.isEmpty() && !problem);
}

void MxRecordDialog::showError(const QString &field, const QString &message)
{
    QLabel *label = field == QLatin1String("preference") ? m_preferenceError : m_hostError;
    label->setText(message);
    label->show();
    (field == QLatin1String("preference") ? static_cast<QWidget *>(m_preference) : m_host)->setFocus();
}

void MxRecordDialog::setBusy(bool busy)
{
    m_ok->setEnabled(!busy);
    m_host->setReadOnly(busy);
    m_preference->setReadOnly(busy);
}

} // namespace admin
