// The local domains editor (see domainseditor.h).
#include "domainseditor.h"

#include "requesttracker.h"

#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>

namespace admin {

DomainsEditor::DomainsEditor(RequestTracker *requests, QWidget *parent)
    : QWidget(parent), m_requests(requests), m_list(new QListWidget(this)),
      m_newDomain(new QLineEdit(this)), m_add(new QPushButton(tr("Add"), this)),
      m_remove(new QPushButton(tr("Remove"), this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("domainsEditor"));
    m_list->setObjectName(QStringLiteral("domainList"));
    m_list->setMaximumHeight(90);
    m_newDomain->setObjectName(QStringLiteral("newDomainEdit"));
    m_newDomain->setPlaceholderText(tr("e.g. example.org"));
    m_add->setObjectName(QStringLiteral("addDomainButton"));
    m_remove->setObjectName(QStringLiteral("removeDomainButton"));
    m_error->setObjectName(QStringLiteral("domainError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 0, 0, 1, 2);
    layout->addWidget(m_remove, 0, 2, Qt::AlignTop);
    layout->addWidget(m_newDomain, 1, 0, 1, 2);
    layout->addWidget(m_add, 1, 2);
    layout->addWidget(m_error, 2, 0, 1, 3);
    connect(m_add, &QPushButton::clicked, this, &DomainsEditor::add);
    connect(m_newDomain, &QLineEdit::returnPressed, this, &DomainsEditor::add);
    connect(m_remove, &QPushButton::clicked, this, &DomainsEditor::removeSelected);
}

QStringList DomainsEditor::domains() const
{
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i)
        names.append(m_list->item(i)->text());
    return names;
}

void DomainsEditor::reload()
{
    m_requests->call(QStringLiteral("domain.list"), {},
                     [self = QPointer(this)](const common::control::Reply &r) {
                         if (!self)
                             return;
                         if (!r.ok()) {
                             self->m_error->setText(r.error->message);
                             self->m_error->show();
                             return;
                         }
                         self->m_list->clear();
                         for (const QJsonValue &v :
                              r.object().value(QStringLiteral("domains")).toArray())
                             self->m_list->addItem(v[QStringLiteral("name")].toString());
                         emit self->domainsShown();
                     });
}

void DomainsEditor::add()
{
    const QString name = m_newDomain->text().trimmed();
    if (!name.isEmpty())
        call(QStringLiteral("domain.add"), name);
}

void DomainsEditor::removeSelected()
{
    if (QListWidgetItem *item = m_list->currentItem())
        call(QStringLiteral("domain.remove"), item->text());
}

void DomainsEditor::call(const QString &method, const QString &name)
{
    m_requests->call(method, {{QStringLiteral("name"), name}},
                     [self = QPointer(this), method](const common::control::Reply &r) {
                         if (!self)
                             return;
                         self->m_error->setVisible(!r.ok());
                         if (!r.ok()) {
                             self->m_error->setText(r.error->message);
                             return;
                         }
                         if (method == QLatin1String("domain.add"))
                             self->m_newDomain->clear();
                         self->reload();
                     });
}

} // namespace admin
