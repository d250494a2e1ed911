// Aligned text tables (see tableprinter.h).
#include "tableprinter.h"

#include "console.h"

#include <algorithm>

namespace mailctl {

namespace {
constexpr int kGap = 2;
}

TablePrinter::TablePrinter(QStringList headers)
    : m_headers(std::move(headers)), m_right(m_headers.size(), false)
{
}

void TablePrinter::setRightAligned(int column)
{
    m_right[column] = true;
}

void TablePrinter::addRow(QStringList cells)
{
    cells.resize(m_headers.size());
    for (QString &cell : cells) // one row per line, whatever the data holds
        cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_rows.append(std::move(cells));
}

QStringList TablePrinter::render() const
{
    QList<qsizetype> widths;
    for (const QString &h : m_headers)
        widths.append(h.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    const auto line = [&](const QStringList &cells) {
        QString out;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const bool last = c + 1 == cells.size();
            if (m_right.at(c))
                out += cells.at(c).rightJustified(widths.at(c));
            else
                out += last ? cells.at(c) : cells.at(c).leftJustified(widths.at(c));
            if (!last)
                out += QString(kGap, QLatin1Char(' '));
        }
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        return out;
    };
    QStringList lines{line(m_headers)};
    for (const QStringList &row : m_rows)
        lines.append(line(row));
    return lines;
}

void TablePrinter::print() const
{
    for (const QString &l : render())
        printOut(l);
}

void printFields(const Fields &fields)
{
    qsizetype width = 0;
    for (const auto &f : fields)
        width = std::max(width, f.first.size() + 1);
    for (const auto &f : fields)
        printOut(QString(f.first + QLatin1Char(':')).leftJustified(width + 1) + f.second);
}

} // namespace mailctl
