// The DNS tab of the mail (SMTP) service: per local domain its MX records by preference
// (add, edit, remove — removal asks first), where they are published (DnsPublishingBox) with
// a Publish button (asks first: it replaces the domain's MX records in DNS), a Check DNS
// button whose answer colours each record published / missing / unexpected, and the zone
// fragment with the SPF and DMARC suggestions in a read-only text box with Copy. The
// daemon's refusals stay beside the field they concern; its other errors under the table.
#pragma once

#include "pane.h"

#include <model/mxrecord.h>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace admin {

class DnsPublishingBox;
class MxRecordModel;

class DnsPane : public Pane
{
    Q_OBJECT
public:
    DnsPane(const PaneContext &context, QWidget *parent);

    QString title() const override { return tr("DNS"); }
    bool showsFor(const QString &service) const override { return service == QLatin1String("smtp"); }
    void notification(const QString &method, const QJsonObject &params) override;
    void sessionChanged(bool loggedIn) override;

    MxRecordModel *model() const { return m_model; }
    QString currentDomain() const;
    void selectDomain(const QString &domain);

public slots:
    void reload();

signals:
    // An mx.list answer has been shown.
    void listShown();
    // An mx.check answer (or its failure) has been shown.
    void checkShown();

private:
    void showDomain(bool refillPublishing);
    void addRecord();
    void editRecord();
    void removeRecord();
    void openDialog(const QString &host, int preference);
    void savePublishing();
    void publish();
    void checkDns();
    void loadZoneText();
    void setMessage(const QString &text, bool error);
    void updateButtons();
    int selectedRow() const;

    QList<common::model::MxDomain> m_domains;
    QString m_shownDomain;
    bool m_working = false;
    QComboBox *m_domainCombo;
    QLabel *m_warnings;
    MxRecordModel *m_model;
    QTreeView *m_view;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_check;
    QPushButton *m_publish;
    QLabel *m_message;
    DnsPublishingBox *m_publishing;
    QPlainTextEdit *m_zoneText;
    QPushButton *m_copy;
};

} // namespace admin
