// The import preview table (see importpreviewmodel.h).
#include "importpreviewmodel.h"

#include "accountlistmodel.h"
#include "displayformat.h"

#include <QColor>

namespace usermgr {

ImportPreviewModel::ImportPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::setRows(const QList<ImportRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_done = QList<bool>(rows.size(), false);
    endResetModel();
}

void ImportPreviewModel::setResult(int index, const QString &result)
{
    if (index < 0 || index >= m_rows.size())
        return;
    m_rows[index].result = result;
    m_done[index] = true;
    emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
}

int ImportPreviewModel::validCount() const
{
    int n = 0;
    for (const ImportRow &r : m_rows)
        n += r.ok() ? 1 : 0;
    return n;
}

QList<int> ImportPreviewModel::refusedRows() const
{
    QList<int> refused;
    for (const ImportRow &r : m_rows) {
        if (!r.ok())
            refused.append(r.row);
    }
    return refused;
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportRow &r = m_rows.at(index.row());
    const bool done = m_done.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case RowColumn:
            return r.row;
        case NameColumn:
            return r.account.name;
        case FullNameColumn:
            return r.account.fullName;
        case AddressesColumn:
            return r.account.addresses.join(QStringLiteral(", "));
        case MailColumn:
            return AccountListModel::mailStateText(r.account.mail);
        case QuotaColumn:
            return r.account.mail.quotaBytes > 0 ? gui::formatBytes(r.account.mail.quotaBytes)
                                                 : tr("None");
        case AccessColumn:
            switch (r.account.mail.access) {
            case common::model::MailAccess::Both:
                return tr("POP and IMAP");
            case common::model::MailAccess::PopOnly:
                return tr("POP only");
            case common::model::MailAccess::ImapOnly:
                return tr("IMAP only");
            }
            return {};
        case StatusColumn:
            if (!r.ok())
                return tr("Refused: %1").arg(r.errors.join(QStringLiteral("; ")));
            if (done)
                return r.result.isEmpty() ? tr("Created") : tr("Failed: %1").arg(r.result);
            return tr("Ready");
        }
    } else if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (!r.ok() || (done && !r.result.isEmpty()))
            return QColor(Qt::red);
    } else if (role == Qt::TextAlignmentRole && index.column() == RowColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RowColumn:
        return tr("Row");
    case NameColumn:
        return tr("Short Name");
    case FullNameColumn:
        return tr("Full Name");
    case AddressesColumn:
        return tr("Addresses");
    case MailColumn:
        return tr("Mail");
    case QuotaColumn:
        return tr("Quota");
    case AccessColumn:
        return tr("Access");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace usermgr
