// Mail storage across accounts for the Accounts pane (`account.list` sorted by usage):
// largest first, with the quota and the share used; an account past its warning threshold
// (mail.quotaWarnPercent of mail.quotaBytes) is marked, as it is about to be refused mail.
// Never talks to the daemon.
#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace admin {

class AccountUsageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        FullNameColumn,
        UsageColumn,
        QuotaColumn,
        PercentColumn,
        ColumnCount
    };
    enum Role
    {
        PastWarningRole = Qt::UserRole + 1
    };

    explicit AccountUsageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Account objects (docs/control-protocol.md); kept sorted by usage, largest first.
    void setAccounts(QList<QJsonObject> accounts);
    QString name(int row) const;
    bool isPastWarning(int row) const;
    int rowOf(const QString &name) const;

private:
    QList<QJsonObject> m_accounts;
};

} // namespace admin
