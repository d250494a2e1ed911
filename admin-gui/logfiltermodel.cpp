// The Logs pane's filter (see logfiltermodel.h).
#include "logfiltermodel.h"

#include "loglistmodel.h"

namespace admin {

LogFilterModel::LogFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void LogFilterModel::setMinimumLevel(common::model::LogLevel level)
{
    m_level = level;
    invalidateFilter();
}

void LogFilterModel::setService(const QString &service)
{
    m_service = service;
    invalidateFilter();
}

void LogFilterModel::setSearchText(const QString &text)
{
    m_text = text;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(LogListModel::LevelRole).toInt() < static_cast<int>(m_level))
        return false;
    if (!m_service.isEmpty() && index.data(LogListModel::ServiceRole).toString() != m_service)
        return false;
    if (m_text.isEmpty())
        return true;
    const QString message = sourceModel()
                                ->index(sourceRow, LogListModel::MessageColumn, sourceParent)
                                .data()
                                .toString();
    return message.contains(m_text, Qt::CaseInsensitive);
}

} // namespace admin
