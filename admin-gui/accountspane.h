// The Accounts tab (for the server): who stores the most mail, largest first, and who is
// past the quota warning threshold (AccountUsageModel). Re-read when shown and, while shown,
// after `account.changed` notifications (at most once a second).
#pragma once

#include "pane.h"

#include <QTimer>

class QLabel;
class QTreeView;

namespace admin {

class AccountUsageModel;

class AccountsPane : public Pane
{
    Q_OBJECT
public:
    AccountsPane(const PaneContext &context, QWidget *parent);

    QString title() const override { return tr("Accounts"); }
    bool showsFor(const QString &service) const override { return service.isEmpty(); }
    void notification(const QString &method, const QJsonObject &params) override;
    void visibilityChanged(bool visible) override;

    AccountUsageModel *model() const { return m_model; }

public slots:
    void reload();

signals:
    void listShown();

private:
    AccountUsageModel *m_model;
    QTreeView *m_view;
    QLabel *m_message;
    QTimer m_later; // gathers a burst of account.changed into one reload
    bool m_visible = false;
};

} // namespace admin
