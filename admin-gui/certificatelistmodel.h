// The daemon's certificates for the Certificates pane (`tls.list`, docs/tls.md): name,
// subject, host names, issuer, validity, SHA-256 fingerprint and the services that use each.
// Those expired or within 30 days of expiry are drawn in red. Never talks to the daemon.
#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace admin {

class CertificateListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        UsedByColumn,
        HostsColumn,
        ValidUntilColumn,
        SubjectColumn,
        IssuerColumn,
        FingerprintColumn,
        ColumnCount
    };
    static constexpr int kExpiryWarningDays = 30;

    explicit CertificateListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A `tls.list` result's certificates.
    void setCertificates(const QList<QJsonObject> &certificates);
    const QJsonObject &certificate(int row) const { return m_certificates.at(row); }
    QString name(int row) const;
    int rowOf(const QString &name) const;

private:
    QList<QJsonObject> m_certificates;
};

} // namespace admin
