// The daemon's log lines for the Logs pane: time, level, service, message, oldest first,
// at most capacity() lines (the oldest are dropped first). Fed by the pane from `log.tail`
// and `log.entry` notifications; the model never talks to the daemon.
#pragma once

#include "model/logentry.h"

#include <QAbstractTableModel>
#include <QList>

namespace admin {

class LogListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        LevelColumn,
        ServiceColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        LevelRole = Qt::UserRole + 1, // int(common::model::LogLevel)
        ServiceRole
    };

    explicit LogListModel(int capacity = 5000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void append(const QList<common::model::LogEntry> &entries);
    void clear();
    int capacity() const { return m_capacity; }
    const common::model::LogEntry &entry(int row) const { return m_entries.at(row); }

    // "Debug", "Info"..., translated.
    static QString levelText(common::model::LogLevel level);

private:
    int m_capacity;
    QList<common::model::LogEntry> m_entries;
};

} // namespace admin
