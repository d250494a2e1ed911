// The rows of a CSV import as a read-only table for the preview dialog: row number, the row's
// status (its errors, or what the daemon answered once imported), short name, full name,
// addresses, mail, quota, access. No sockets, no files: the dialog feeds it.
#pragma once

#include "accountcsv.h"

#include <QAbstractTableModel>

namespace usermgr {

class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        RowColumn,
        StatusColumn,
        NameColumn,
        FullNameColumn,
        AddressesColumn,
        MailColumn,
        QuotaColumn,
        AccessColumn,
        ColumnCount
    };

    explicit ImportPreviewModel(QObject *parent = nullptr);

    void setRows(const QList<ImportRow> &rows);
    const QList<ImportRow> &rows() const { return m_rows; }
    // Records the daemon's answer for a row ("" = created).
    void setResult(int index, const QString &result);
    int validCount() const;
    // The row numbers refused locally.
    QList<int> refusedRows() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ImportRow> m_rows;
    QList<bool> m_done;
};

} // namespace usermgr
