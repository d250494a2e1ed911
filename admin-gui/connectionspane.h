// The Connections tab: the open mail sessions (`connection.list`, of the selected service
// or all), re-read every few seconds while the tab is shown; Disconnect ends the selected
// one (`connection.close`) after asking. A daemon without connection.list gets a sentence.
#pragma once

#include "pane.h"

#include <QTimer>

class QLabel;
class QPushButton;
class QTreeView;

namespace admin {

class ConnectionListModel;

class ConnectionsPane : public Pane
{
    Q_OBJECT
public:
    ConnectionsPane(const PaneContext &context, QWidget *parent);

    QString title() const override { return tr("Connections"); }
    void setService(const QString &service) override;
    void sessionChanged(bool loggedIn) override;
    void visibilityChanged(bool visible) override;

    ConnectionListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

public slots:
    void reload();

signals:
    void listShown();

private:
    void disconnectSelected();
    void updateButtons();

    ConnectionListModel *m_model;
    QTreeView *m_view;
    QPushButton *m_disconnect;
    QLabel *m_message;
    QTimer m_timer;
    bool m_loading = false;
};

} // namespace admin
