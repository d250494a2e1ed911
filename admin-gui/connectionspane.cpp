// The Connections tab (see connectionspane.h).
#include "connectionspane.h"

#include "confirm.h"
#include "connectionlistmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace admin {

namespace {
constexpr int kConnectionsRefreshMs = 3000;
}

ConnectionsPane::ConnectionsPane(const PaneContext &context, QWidget *parent)
    : Pane(context, parent), m_model(new ConnectionListModel(this)), m_view(new QTreeView(this)),
      m_disconnect(new QPushButton(tr("Disconnect…"), this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionsPane"));
    m_view->setObjectName(QStringLiteral("connectionView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_disconnect->setObjectName(QStringLiteral("disconnectButton"));
    m_message->setObjectName(QStringLiteral("connectionsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_message, 1);
    bar->addWidget(m_disconnect);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(bar);

    m_timer.setInterval(kConnectionsRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionsPane::reload);
    connect(m_disconnect, &QPushButton::clicked, this, &ConnectionsPane::disconnectSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConnectionsPane::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConnectionsPane::updateButtons);
    updateButtons();
}

void ConnectionsPane::setService(const QString &service)
{
    if (service != this->service())
        m_model->setConnections({});
    Pane::setService(service);
    if (isVisible())
        reload();
}

void ConnectionsPane::sessionChanged(bool loggedIn)
{
    if (loggedIn && m_timer.isActive())
        reload();
    updateButtons();
}

void ConnectionsPane::visibilityChanged(bool visible)
{
    if (visible) {
        reload();
        m_timer.start();
    } else {
        m_timer.stop();
    }
}

void ConnectionsPane::reload()
{
    if (m_loading || !manager()->isLoggedIn())
        return;
    m_loading = true;
    QJsonObject params;
    if (!service().isEmpty())
        params.insert(QStringLiteral("service"), service());
    request(QStringLiteral("connection.list"), params,
            [self = QPointer(this)](const common::control::Reply &reply) {
                if (!self)
                    return;
                self->m_loading = false;
                if (!reply.ok()) {
                    self->m_message->setText(
                        reply.error->is(common::control::ErrorCode::MethodNotFound)
                            ? tr("This daemon does not offer connection.list; update maild to see "
                                 "its connections.")
                            : tr("Could not list the connections: %1").arg(reply.error->message));
                    return;
                }
                QList<QJsonObject> connections;
                for (const QJsonValue &v :
                     reply.object().value(QStringLiteral("connections")).toArray())
                    connections.append(v.toObject());
                self->m_model->setConnections(connections);
                self->m_message->setText(tr("Open connections: %1").arg(connections.size()));
                emit self->listShown();
            });
}

void ConnectionsPane::updateButtons()
{
    m_disconnect->setEnabled(manager()->isLoggedIn() && m_view->selectionModel()->hasSelection());
}

void ConnectionsPane::disconnectSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = rows.first().row();
    const qint64 id = m_model->id(row);
    const QString who =
        tr("%1 from %2")
            .arg(m_model->index(row, ConnectionListModel::ServiceColumn).data().toString(),
                 m_model->index(row, ConnectionListModel::ClientColumn).data().toString());
    confirmThen(this, tr("Disconnect %1?").arg(who),
                tr("The client's session ends at once; it may connect again."), tr("Disconnect"),
                [self = QPointer(this), id] {
                    if (!self)
                        return;
                    self->request(QStringLiteral("connection.close"), {{QStringLiteral("id"), id}},
                                  [self](const common::control::Reply &reply) {
                                      if (!self)
                                          return;
                                      if (!reply.ok())
                                          self->m_message->setText(reply.error->message);
                                      self->reload();
                                  });
                });
}

} // namespace admin
