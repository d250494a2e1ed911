// The Accounts tab (see accountspane.h).
#include "accountspane.h"

#include "accountusagemodel.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QTreeView>
#include <QVBoxLayout>

namespace admin {

namespace {
constexpr int kLargest = 200;
}

AccountsPane::AccountsPane(const PaneContext &context, QWidget *parent)
    : Pane(context, parent), m_model(new AccountUsageModel(this)), m_view(new QTreeView(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("accountsPane"));
    m_view->setObjectName(QStringLiteral("accountUsageView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setColumnWidth(AccountUsageModel::NameColumn, 140);
    m_view->setColumnWidth(AccountUsageModel::FullNameColumn, 180);
    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The accounts that store the most mail, largest first. "
                                    "Those in red are past their quota warning threshold."),
                                 this));
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    m_later.setSingleShot(true);
    m_later.setInterval(1000);
    connect(&m_later, &QTimer::timeout, this, &AccountsPane::reload);
}

void AccountsPane::notification(const QString &method, const QJsonObject &params)
{
    Q_UNUSED(params);
    if (method == QLatin1String("account.changed") && m_visible && !m_later.isActive())
        m_later.start();
}

void AccountsPane::visibilityChanged(bool visible)
{
    m_visible = visible;
    if (visible)
        reload();
}

void AccountsPane::reload()
{
    if (!manager()->isLoggedIn())
        return;
    request(QStringLiteral("account.list"),
            {{QStringLiteral("sort"), QStringLiteral("usage")},
             {QStringLiteral("order"), QStringLiteral("desc")},
             {QStringLiteral("limit"), kLargest}},
            [self = QPointer(this)](const common::control::Reply &reply) {
                if (!self)
                    return;
                if (!reply.ok()) {
                    self->m_message->setText(
                        tr("Could not list the accounts: %1").arg(reply.error->message));
                    return;
                }
                QList<QJsonObject> accounts;
                for (const QJsonValue &v :
                     reply.object().value(QStringLiteral("accounts")).toArray())
                    accounts.append(v.toObject());
                self->m_model->setAccounts(accounts);
                int past = 0;
                for (int row = 0; row < self->m_model->rowCount(); ++row)
                    past += self->m_model->isPastWarning(row) ? 1 : 0;
                self->m_message->setText(
                    tr("Accounts: %1; past the warning threshold: %2")
                        .arg(reply.object().value(QStringLiteral("total")).toInteger())
                        .arg(past));
                emit self->listShown();
            });
}

} // namespace admin
