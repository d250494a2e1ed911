// Aligned text tables and "Label: value" blocks for mailctl's readable output.
// Columns are as wide as their widest cell; the last column is never padded.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace mailctl {

class TablePrinter
{
public:
    explicit TablePrinter(QStringList headers);

    void setRightAligned(int column);
    void addRow(QStringList cells);
    int rowCount() const { return int(m_rows.size()); }
    QStringList render() const;
    void print() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QList<bool> m_right;
};

using Fields = QList<QPair<QString, QString>>;
// "Label:   value" lines with the values aligned.
void printFields(const Fields &fields);

} // namespace mailctl
