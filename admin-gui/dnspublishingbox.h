// The DNS pane's "Publish to" box: where a domain's MX records are published — the zone, its
// primary DNS server (address and port), the TSIG key's name and secret, the TTL, and whether
// the suggested SPF and DMARC records go along. It collects the values (mx.setPublishing's
// params) and shows the daemon's refusal beside the field it names; the pane sends them.
// Security: the secret is typed into a password field, sent once, and never shown again —
// an empty field keeps the stored one.
#pragma once

#include <model/mxrecord.h>

#include <QGroupBox>
#include <QHash>
#include <QJsonObject>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace admin {

class DnsPublishingBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit DnsPublishingBox(QWidget *parent = nullptr);

    // Shows what is stored for the domain (the secret field is emptied).
    void setDomain(const common::model::MxDomain &domain);
    // mx.setPublishing's params from the fields.
    QJsonObject params() const;
    void showError(const QString &field, const QString &message);
    void clearErrors();
    void setBusy(bool busy);

signals:
    void saveRequested();

private:
    QLabel *addField(QFormLayout *form, const QString &label, QWidget *field, const char *key);

    QString m_domain;
    QLineEdit *m_zone;
    QLineEdit *m_server;
    QLineEdit *m_keyName;
    QLineEdit *m_secret;
    QSpinBox *m_ttl;
    QCheckBox *m_spf;
    QCheckBox *m_dmarc;
    QLineEdit *m_dmarcReport;
    QPushButton *m_save;
    QHash<QString, QLabel *> m_errors;
};

} // namespace admin
