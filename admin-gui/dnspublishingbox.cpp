// Where a domain's MX records are published (see dnspublishingbox.h).
#include "dnspublishingbox.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace admin {

DnsPublishingBox::DnsPublishingBox(QWidget *parent)
    : QGroupBox(tr("Publish to the zone's primary DNS server"), parent), m_zone(new QLineEdit(this)),
      m_server(new QLineEdit(this)), m_keyName(new QLineEdit(this)), m_secret(new QLineEdit(this)),
      m_ttl(new QSpinBox(this)), m_spf(new QCheckBox(tr("Also publish the suggested SPF record"), this)),
      m_dmarc(new QCheckBox(tr("Also publish the suggested DMARC record"), this)), m_dmarcReport(new QLineEdit(this)),
      m_save(new QPushButton(tr("Save Publishing Settings"), this))
{
    setObjectName(QStringLiteral("dnsPublishingBox"));
    m_zone->setObjectName(QStringLiteral("dnsZoneEdit"));
    m_zone->setPlaceholderText(tr("the domain itself"));
    m_server->setObjectName(QStringLiteral("dnsServerEdit"));
    m_server->setPlaceholderText(tr("e.g. 192.0.2.53 or 192.0.2.53:5353; empty: do not publish"));
    m_keyName->setObjectName(QStringLiteral("dnsKeyNameEdit"));
    m_keyName->setPlaceholderText(tr("the key's name in the DNS server's configuration"));
    m_secret->setObjectName(QStringLiteral("dnsSecretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_ttl->setObjectName(QStringLiteral("dnsTtlSpin"));
    m_ttl->setRange(60, 604800);
    m_ttl->setSuffix(tr(" s"));
    m_spf->setObjectName(QStringLiteral("dnsSpfCheck"));
    m_dmarc->setObjectName(QStringLiteral("dnsDmarcCheck"));
    m_dmarcReport->setObjectName(QStringLiteral("dnsDmarcReportEdit"));
    m_save->setObjectName(QStringLiteral("dnsSavePublishingButton"));

    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    addField(form, tr("&Zone:"), m_zone, "zone");
    addField(form, tr("DNS &server:"), m_server, "server");
    addField(form, tr("TSIG &key name:"), m_keyName, "keyName");
    addField(form, tr("Key s&ecret (base64):"), m_secret, "secret");
    addField(form, tr("&TTL:"), m_ttl, "ttl");
    form->addRow(QString(), m_spf);
    form->addRow(QString(), m_dmarc);
    addField(form, tr("DMARC &reports to:"), m_dmarcReport, "dmarcReport");
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_save);
    form->addRow(row);
    connect(m_save, &QPushButton::clicked, this, &DnsPublishingBox::saveRequested);
}

QLabel *DnsPublishingBox::addField(QFormLayout *form, const QString &label, QWidget *field, const char *key)
{
    form->addRow(label, field);
    auto *error = new QLabel(this);
    error->setObjectName(QStringLiteral("dnsError_") + QLatin1String(key));
    error->setWordWrap(true);
    error->setTextFormat(Qt::PlainText);
    error->setStyleSheet(QStringLiteral("color: #b00020"));
    error->hide();
    form->addRow(QString(), error);
    m_errors.insert(QLatin1String(key), error);
    return error;
}

void DnsPublishingBox::setDomain(const common::model::MxDomain &d)
{
    m_domain = d.domain;
    m_zone->setText(d.publishing.zone);
    m_server->setText(d.publishing.server);
    m_keyName->setText(d.publishing.keyName);
    m_secret->clear();
    m_secret->setPlaceholderText(d.publishing.hasSecret ? tr("stored; leave empty to keep it")
                                                        : tr("as in the key statement (tsig-keygen makes one)"));
    m_ttl->setValue(d.ttl);
    m_spf->setChecked(d.publishing.includeSpf);
    m_dmarc->setChecked(d.publishing.includeDmarc);
    m_dmarcReport->setText(d.dmarcReport);
    clearErrors();
}

QJsonObject DnsPublishingBox::params() const
{
    QJsonObject p{{QStringLiteral("domain"), m_domain},
                  {QStringLiteral("server"), m_server->text().trimmed()},
                  {QStringLiteral("ttl"), m_ttl->value()},
                  {QStringLiteral("includeSpf"), m_spf->isChecked()},
                  {QStringLiteral("includeDmarc"), m_dmarc->isChecked()},
                  {QStringLiteral("dmarcReport"), m_dmarcReport->text().trimmed()}};
    if (!m_server->text().trimmed().isEmpty()) {
        if (!m_zone->text().trimmed().isEmpty())
            p.insert(QStringLiteral("zone"), m_zone->text().trimmed());
        p.insert(QStringLiteral("keyName"), m_keyName->text().trimmed());
        if (!m_secret->text().isEmpty())
            p.insert(QStringLiteral("secret"), m_secret->text().trimmed());
    }
    return p;
}

void DnsPublishingBox::showError(const QString &field, const QString &message)
{
    QLabel *label = m_errors.value(field, m_errors.value(QStringLiteral("server")));
    label->setText(message);
    label->show();
}

void DnsPublishingBox::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
}

void DnsPublishingBox::setBusy(bool busy)
{
    m_save->setEnabled(!busy);
}

} // namespace admin
