// The Certificates tab (for the server): the daemon's certificates (`tls.list`) with their
// host names, validity, fingerprint and users; create a self-signed one, a signing request
// (CSR, saved to a file) or import one signed elsewhere; assign the selected one to a service
// (`tls.assign`), delete it (asks first). Every error is the daemon's
// sentence, shown under the table.
#pragma once

#include "pane.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace admin {

class CertificateListModel;

class CertificatesPane : public Pane
{
    Q_OBJECT
public:
    CertificatesPane(const PaneContext &context, QWidget *parent);

    QString title() const override { return tr("Certificates"); }
    bool showsFor(const QString &service) const override { return service.isEmpty(); }
    void notification(const QString &method, const QJsonObject &params) override;
    void sessionChanged(bool loggedIn) override;
    void statusChanged(const ServerStatus &status) override { m_host = status.host; }

    CertificateListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

public slots:
    void reload();

signals:
    // A tls.list answer has been shown.
    void listShown();

private:
    void createSelfSigned();
    void createRequest();
    void saveRequest(const QString &name, const QString &csr);
    void importCertificate();
    void assignSelected();
    void deleteSelected();
    QString selectedName() const;
    void callAndReport(const QString &method, const QJsonObject &params, const QString &done);
    void updateButtons();

    CertificateListModel *m_model;
    QTreeView *m_view;
    QPushButton *m_create;
    QPushButton *m_request;
    QPushButton *m_import;
    QComboBox *m_service;
    QPushButton *m_assign;
    QPushButton *m_delete;
    QLabel *m_message;
    QString m_host;
};

} // namespace admin
