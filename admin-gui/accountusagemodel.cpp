// Usage across accounts (see accountusagemodel.h).
#include "accountusagemodel.h"

#include "displayformat.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <algorithm>

namespace admin {

namespace {
qint64 usage(const QJsonObject &a)
{
    return a.value(QStringLiteral("usageBytes")).toInteger();
}
qint64 quota(const QJsonObject &a)
{
    return a.value(QStringLiteral("mail"))
        .toObject()
        .value(QStringLiteral("quotaBytes"))
        .toInteger();
}
} // namespace

AccountUsageModel::AccountUsageModel(QObject *parent) : QAbstractTableModel(parent) {}

int AccountUsageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountUsageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AccountUsageModel::isPastWarning(int row) const
{
    const QJsonObject &a = m_accounts.at(row);
    const qint64 limit = quota(a);
    if (limit <= 0)
        return false;
    const qint64 warn = a.value(QStringLiteral("mail"))
                            .toObject()
                            .value(QStringLiteral("quotaWarnPercent"))
                            .toInteger(90);
    return usage(a) * 100 >= limit * warn;
}

QVariant AccountUsageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &a = m_accounts.at(index.row());
    const bool past = isPastWarning(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return a.value(QStringLiteral("name")).toString();
        case FullNameColumn:
            return a.value(QStringLiteral("fullName")).toString();
        case UsageColumn:
            return gui::formatBytes(usage(a));
        case QuotaColumn:
            return quota(a) > 0 ? gui::formatBytes(quota(a)) : tr("no limit");
        case PercentColumn:
            if (quota(a) <= 0)
                return QString();
            return past ? tr("%1% — past the warning threshold")
                              .arg(QLocale().toString(usage(a) * 100 / quota(a)))
                        : tr("%1%").arg(QLocale().toString(usage(a) * 100 / quota(a)));
        }
        break;
    case Qt::ForegroundRole:
        if (past)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == UsageColumn || index.column() == QuotaColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case PastWarningRole:
        return past;
    }
    return {};
}

QVariant AccountUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Account");
    case FullNameColumn:
        return tr("Full name");
    case UsageColumn:
        return tr("Stored");
    case QuotaColumn:
        return tr("Quota");
    case PercentColumn:
        return tr("Used");
    }
    return {};
}

void AccountUsageModel::setAccounts(QList<QJsonObject> accounts)
{
    std::stable_sort(
        accounts.begin(), accounts.end(),
        [](const QJsonObject &a, const QJsonObject &b) { return usage(a) > usage(b); });
    beginResetModel();
    m_accounts = std::move(accounts);
    endResetModel();
}

QString AccountUsageModel::name(int row) const
{
    return m_accounts.at(row).value(QStringLiteral("name")).toString();
}

int AccountUsageModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_accounts.size(); ++i) {
        if (this->name(i) == name)
            return i;
    }
    return -1;
}

} // namespace admin
