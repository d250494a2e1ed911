// The log lines (see loglistmodel.h).
#include "loglistmodel.h"

#include "displayformat.h"

#include <QBrush>
#include <QColor>

namespace admin {

using common::model::LogEntry;
using common::model::LogLevel;

LogListModel::LogListModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(qMax(1, capacity))
{
}

int LogListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogListModel::levelText(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return tr("Debug");
    case LogLevel::Info:
        return tr("Info");
    case LogLevel::Notice:
        return tr("Notice");
    case LogLevel::Warning:
        return tr("Warning");
    case LogLevel::Error:
        return tr("Error");
    }
    return {};
}

QVariant LogListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case LevelColumn:
            return levelText(e.level);
        case ServiceColumn:
            return e.service;
        case MessageColumn:
            return e.message;
        }
        break;
    case Qt::ForegroundRole:
        if (e.level == LogLevel::Error)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        if (e.level == LogLevel::Warning)
            return QBrush(QColor(0xa0, 0x50, 0x00));
        if (e.level == LogLevel::Debug)
            return QBrush(QColor(0x70, 0x70, 0x70));
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return e.message;
        break;
    case LevelRole:
        return static_cast<int>(e.level);
    case ServiceRole:
        return e.service;
    }
    return {};
}

QVariant LogListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case ServiceColumn:
        return tr("Service");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

void LogListModel::append(const QList<LogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    // Only the newest capacity() of these can stay.
    const qsizetype skip = qMax<qsizetype>(0, entries.size() - m_capacity);
    const qsizetype adding = entries.size() - skip;
    const qsizetype overflow = m_entries.size() + adding - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_entries.remove(0, overflow);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + adding - 1));
    m_entries.append(entries.mid(skip));
    endInsertRows();
}

void LogListModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

} // namespace admin
