// The new self-signed certificate dialog (see selfsigneddialog.h).
#include "selfsigneddialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

namespace admin {

SelfSignedDialog::SelfSignedDialog(const QString &hostName, Kind kind, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_hosts(new QLineEdit(this)),
      m_days(new QSpinBox(this))
{
    setObjectName(QStringLiteral("selfSignedDialog"));
    setWindowTitle(kind == Kind::SelfSigned ? tr("New Self-Signed Certificate")
                                            : tr("New Certificate Signing Request"));
    m_name->setObjectName(QStringLiteral("certificateNameEdit"));
    m_name->setPlaceholderText(tr("e.g. mail-2027"));
    m_hosts->setObjectName(QStringLiteral("certificateHostsEdit"));
    m_hosts->setText(hostName);
    m_hosts->setToolTip(tr("The names clients use to reach this server, separated by commas"));
    m_days->setObjectName(QStringLiteral("certificateDaysSpin"));
    m_days->setRange(1, 825);
    m_days->setValue(825);
    m_days->setSuffix(tr(" days"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("createCertificateButton"));
    m_ok->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SelfSignedDialog::updateOk);
    connect(m_hosts, &QLineEdit::textChanged, this, &SelfSignedDialog::updateOk);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Host names:"), m_hosts);
    if (kind == Kind::SelfSigned)
        form->addRow(tr("Valid for:"), m_days);
    else
        m_days->hide(); // the certificate authority decides
    form->addRow(buttons);
    updateOk();
}

QString SelfSignedDialog::name() const
{
    return m_name->text().trimmed();
}

QStringList SelfSignedDialog::hosts() const
{
    return m_hosts->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
}

int SelfSignedDialog::days() const
{
    return m_days->value();
}

void SelfSignedDialog::updateOk()
{
    m_ok->setEnabled(!name().isEmpty() && !hosts().isEmpty());
}

} // namespace admin
