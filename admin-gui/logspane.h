// The Logs tab: the daemon's log as it is written (`log.tail`, then `log.entry` push
// notifications after `log.subscribe`), filtered by level, service and a search text; pause
// holds new lines back (a bounded number) until resumed; save writes the shown lines to a
// file. At most LogListModel::capacity() lines are kept.
#pragma once

#include "model/logentry.h"
#include "pane.h"

#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace admin {

class LogFilterModel;
class LogListModel;

class LogsPane : public Pane
{
    Q_OBJECT
public:
    LogsPane(const PaneContext &context, QWidget *parent);

    QString title() const override { return tr("Logs"); }
    void setService(const QString &service) override;
    void notification(const QString &method, const QJsonObject &params) override;
    void sessionChanged(bool loggedIn) override;

    LogListModel *model() const { return m_model; }
    LogFilterModel *filter() const { return m_filter; }
    // Writes the shown lines, one per line in the log file's format; false on an I/O error.
    bool saveTo(const QString &path, QString *error = nullptr) const;

private:
    void subscribe();
    void append(const QList<common::model::LogEntry> &entries);
    void setPaused(bool paused);
    void chooseFileAndSave();
    void updateServiceChoices();

    LogListModel *m_model;
    LogFilterModel *m_filter;
    QList<common::model::LogEntry> m_held; // lines that arrived while paused
    QComboBox *m_level = nullptr;
    QComboBox *m_serviceFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_pause = nullptr;
    QPushButton *m_save = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_statusLabel = nullptr;
};

} // namespace admin
