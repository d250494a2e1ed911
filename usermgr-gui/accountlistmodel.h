// The accounts as a read-only table for the Workgroup Manager window: short name, full name,
// primary address, mail state, usage and quota. Sorted by the daemon (sort()), pages through `account.list` (pageSize() rows at a time) as the view
// scrolls (canFetchMore/fetchMore), filters on the daemon's side, and follows
// `account.changed` notifications. It calls the daemon only through ControlClient's
// asynchronous API and never blocks.
#pragma once

#include "control/controlclient.h"
#include "model/account.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

namespace usermgr {

class AccountListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        FullNameColumn,
        AddressColumn,
        MailColumn,
        UsageColumn,
        QuotaColumn,
        ColumnCount
    };
    enum Role
    {
        AccountNameRole = Qt::UserRole + 1
    };

    explicit AccountListModel(common::control::ControlClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    // Asks the daemon for another order (account.list sort/order) and reloads. The address
    // column has no daemon-side order and is ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    void fetchMore(const QModelIndex &parent) override;

    // Rows per `account.list` request (1–1000, default 100).
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    // How many accounts match the filter on the daemon; -1 until the first page arrives.
    int totalCount() const { return m_total; }
    bool isLoading() const { return m_loading; }
    QString filter() const { return m_filter; }
    const common::model::Account &account(int row) const { return m_accounts.at(row); }
    int rowOf(const QString &name) const;

    // The local domains (domain.list), for the primary address column.
    void setLocalDomains(const QStringList &domains);
    QStringList localDomains() const { return m_domains; }
    // name@<first local domain>, else the first alias, else empty.
    QString primaryAddress(const common::model::Account &account) const;

    static QString mailStateText(const common::model::MailOptions &mail);

public slots:
    // Shows only the accounts whose name, full name or address contains text (reloads).
    void setFilter(const QString &text);
    // Forgets the loaded rows and fetches the first page again.
    void reload();

signals:
    void loadingChanged(bool loading);
    void totalCountChanged(int total);
    // A page arrived and its rows were inserted (or the answer was empty).
    void pageLoaded(int offset, int rows);
    void errorOccurred(const QString &sentence);

private:
    void requestPage(int offset);
    void onPage(quint64 generation, int offset, const common::control::Reply &reply);
    void onNotification(const QString &method, const QJsonObject &params);
    void refreshAccount(const QString &name);
    void setLoading(bool loading);
    void setTotal(int total);

    common::control::ControlClient *m_client;
    QList<common::model::Account> m_accounts;
    QString m_filter;
    QString m_sortKey = QStringLiteral("name");
    bool m_descending = false;
    QStringList m_domains;
    int m_pageSize = 100;
    int m_total = -1;
    bool m_loading = false;
    bool m_failed = false;
    quint64 m_generation = 0;
    // Accounts created elsewhere may sort anywhere: reload once a burst of them is over.
    QTimer m_reloadTimer;
};

} // namespace usermgr
