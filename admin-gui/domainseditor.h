// The local domains (mail for name@domain is delivered here) on the Settings pane's General
// tab: `domain.list`, and Add / Remove which call `domain.add` / `domain.remove` at once
// (they are not settings, so Apply does not hold them). The daemon's refusal (e.g. a domain
// still used by an alias) is shown under the list.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace admin {

class RequestTracker;

class DomainsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit DomainsEditor(RequestTracker *requests, QWidget *parent = nullptr);

    QStringList domains() const;

public slots:
    void reload();

signals:
    void domainsShown();

private:
    void add();
    void removeSelected();
    void call(const QString &method, const QString &name);

    RequestTracker *m_requests;
    QListWidget *m_list;
    QLineEdit *m_newDomain;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_error;
};

} // namespace admin
