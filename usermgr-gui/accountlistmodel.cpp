// The accounts table model (see accountlistmodel.h).
#include "accountlistmodel.h"

#include "displayformat.h"

#include <QColor>
#include <QJsonArray>
#include <QPointer>

namespace usermgr {

using common::control::Reply;
using common::model::Account;
using common::model::MailState;

AccountListModel::AccountListModel(common::control::ControlClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(300);
    connect(&m_reloadTimer, &QTimer::timeout, this, &AccountListModel::reload);
    connect(client, &common::control::ControlClient::notificationReceived, this,
            &AccountListModel::onNotification);
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AccountListModel::mailStateText(const common::model::MailOptions &mail)
{
    switch (mail.state) {
    case MailState::Enabled:
        return tr("Enabled");
    case MailState::Disabled:
        return tr("Disabled");
    case MailState::Forward:
        return tr("Forwarded to %1").arg(mail.forwardAddress);
    }
    return {};
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Account &a = m_accounts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return a.name;
        case FullNameColumn:
            return a.fullName;
        case AddressColumn:
            return primaryAddress(a);
        case MailColumn:
            return mailStateText(a.mail);
        case UsageColumn:
            return gui::formatBytes(a.usageBytes);
        case QuotaColumn:
            return a.mail.quotaBytes > 0 ? gui::formatBytes(a.mail.quotaBytes) : tr("None");
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            if (a.admin)
                return tr("%1 is an administrator of the mail server.").arg(a.name);
            break;
        case UsageColumn:
        case QuotaColumn:
            return a.mail.quotaBytes > 0
                       ? tr("%1 used of %2")
                             .arg(gui::formatBytes(a.usageBytes),
                                  gui::formatBytes(a.mail.quotaBytes))
                       : tr("%1 used, no quota").arg(gui::formatBytes(a.usageBytes));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == QuotaColumn || index.column() == UsageColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (index.column() == UsageColumn && a.pastQuotaWarning())
            return QColor(Qt::red);
        break;
    case AccountNameRole:
        return a.name;
    }
    return {};
}

QVariant AccountListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Short Name");
    case FullNameColumn:
        return tr("Full Name");
    case AddressColumn:
        return tr("Address");
    case MailColumn:
        return tr("Mail");
    case UsageColumn:
        return tr("Used");
    case QuotaColumn:
        return tr("Quota");
    }
    return {};
}

bool AccountListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || m_loading || m_failed)
        return false;
    return m_total < 0 || m_accounts.size() < m_total;
}

void AccountListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(int(m_accounts.size()));
}

void AccountListModel::sort(int column, Qt::SortOrder order)
{
    QString key;
    switch (column) {
    case NameColumn:
        key = QStringLiteral("name");
        break;
    case FullNameColumn:
        key = QStringLiteral("fullName");
        break;
    case MailColumn:
        key = QStringLiteral("state");
        break;
    case UsageColumn:
        key = QStringLiteral("usage");
        break;
    case QuotaColumn:
        key = QStringLiteral("quota");
        break;
    default:
        return;
    }
    const bool descending = order == Qt::DescendingOrder;
    if (key == m_sortKey && descending == m_descending)
        return;
    m_sortKey = key;
    m_descending = descending;
    reload();
}

void AccountListModel::setLocalDomains(const QStringList &domains)
{
    if (domains == m_domains)
        return;
    m_domains = domains;
    if (!m_accounts.isEmpty())
        emit dataChanged(index(0, AddressColumn), index(rowCount() - 1, AddressColumn));
}

QString AccountListModel::primaryAddress(const Account &account) const
{
    if (!m_domains.isEmpty())
        return account.name + QLatin1Char('@') + m_domains.constFirst();
    return account.addresses.value(0);
}

void AccountListModel::setPageSize(int rows)
{
    m_pageSize = qBound(1, rows, 1000);
}

int AccountListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts.at(i).name == name)
            return i;
    }
    return -1;
}

void AccountListModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    reload();
}

void AccountListModel::reload()
{
    m_reloadTimer.stop();
    ++m_generation;
    m_failed = false;
    const bool wasLoading = m_loading;
    beginResetModel();
    m_accounts.clear();
    m_total = -1;
    // Loading before the reset ends, so a view asking canFetchMore() now sends nothing twice.
    m_loading = true;
    endResetModel();
    if (!wasLoading)
        emit loadingChanged(true);
    emit totalCountChanged(m_total);
    requestPage(0);
}

void AccountListModel::requestPage(int offset)
{
    setLoading(true);
    QJsonObject params{{QStringLiteral("limit"), m_pageSize}};
    if (offset > 0)
        params.insert(QStringLiteral("offset"), offset);
    if (!m_filter.isEmpty())
        params.insert(QStringLiteral("filter"), m_filter);
    if (m_sortKey != QLatin1String("name") || m_descending) {
        params.insert(QStringLiteral("sort"), m_sortKey);
        params.insert(QStringLiteral("order"),
                      m_descending ? QStringLiteral("desc") : QStringLiteral("asc"));
    }
    const quint64 generation = m_generation;
    m_client->call(QStringLiteral("account.list"), params,
                   [self = QPointer(this), generation, offset](const Reply &reply) {
                       if (self)
                           self->onPage(generation, offset, reply);
                   });
}

void AccountListModel::onPage(quint64 generation, int offset, const Reply &reply)
{
    if (generation != m_generation)
        return;
    if (!reply.ok()) {
        m_failed = true;
        setLoading(false);
        emit errorOccurred(tr("Could not list the accounts: %1").arg(reply.error->message));
        return;
    }
    if (offset != m_accounts.size()) {
        // Rows were removed while this page was on its way: start again.
        reload();
        return;
    }
    // Still "loading" while rows go in: views and testers that ask canFetchMore() from
    // rowsInserted must not request this page a second time.
    const QJsonObject result = reply.object();
    const QJsonArray page = result.value(QStringLiteral("accounts")).toArray();
    if (!page.isEmpty()) {
        beginInsertRows({}, int(m_accounts.size()), int(m_accounts.size() + page.size() - 1));
        for (const QJsonValue &v : page)
            m_accounts.append(Account::fromJson(v.toObject()));
        endInsertRows();
    }
    int total = result.value(QStringLiteral("total")).toInt(int(m_accounts.size()));
    // An empty page means there is nothing more, whatever total says: never ask forever.
    if (page.isEmpty() || total < m_accounts.size())
        total = int(m_accounts.size());
    setTotal(total);
    setLoading(false);
    emit pageLoaded(offset, int(page.size()));
}

void AccountListModel::onNotification(const QString &method, const QJsonObject &params)
{
    if (method != QLatin1String("account.changed") || m_total < 0)
        return;
    const QString name = params.value(QStringLiteral("name")).toString();
    const QString change = params.value(QStringLiteral("change")).toString();
    const int row = rowOf(name);
    if (change == QLatin1String("updated") && row >= 0) {
        refreshAccount(name);
    } else if (change == QLatin1String("deleted") && row >= 0) {
        beginRemoveRows({}, row, row);
        m_accounts.removeAt(row);
        endRemoveRows();
        setTotal(qMax(int(m_accounts.size()), m_total - 1));
    } else if (change == QLatin1String("created") || change == QLatin1String("deleted")) {
        m_reloadTimer.start();
    }
}

void AccountListModel::refreshAccount(const QString &name)
{
    const quint64 generation = m_generation;
    m_client->call(QStringLiteral("account.get"), {{QStringLiteral("name"), name}},
                   [self = QPointer(this), generation, name](const Reply &reply) {
                       if (!self || generation != self->m_generation || !reply.ok())
                           return;
                       const int row = self->rowOf(name);
                       if (row < 0)
                           return;
                       self->m_accounts[row] = Account::fromJson(reply.object());
                       emit self->dataChanged(self->index(row, 0),
                                              self->index(row, ColumnCount - 1));
                   });
}

void AccountListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void AccountListModel::setTotal(int total)
{
    if (m_total == total)
        return;
    m_total = total;
    emit totalCountChanged(total);
}

} // namespace usermgr
