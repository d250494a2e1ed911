// Which log lines the Logs pane shows: at least a level, of one service (or all), and
// containing a text (case-insensitive). Sits between LogListModel and the view.
#pragma once

#include "model/enums.h"

#include <QSortFilterProxyModel>

namespace admin {

class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterModel(QObject *parent = nullptr);

    void setMinimumLevel(common::model::LogLevel level);
    // Empty: every service.
    void setService(const QString &service);
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    common::model::LogLevel m_level = common::model::LogLevel::Debug;
    QString m_service;
    QString m_text;
};

} // namespace admin
