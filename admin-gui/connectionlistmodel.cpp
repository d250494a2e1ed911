// The open sessions table (see connectionlistmodel.h).
#include "connectionlistmodel.h"

#include "displayformat.h"

#include <QDateTime>

namespace admin {

ConnectionListModel::ConnectionListModel(QObject *parent) : QAbstractTableModel(parent) {}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_connections.size());
}

int ConnectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &c = m_connections.at(index.row());
    if (role == IdRole)
        return c.value(QStringLiteral("id")).toInteger();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ServiceColumn:
        return c.value(QStringLiteral("service")).toString().toUpper();
    case ClientColumn:
        return c.value(QStringLiteral("client")).toString();
    case UserColumn: {
        const QString user = c.value(QStringLiteral("user")).toString();
        return user.isEmpty() ? tr("(not logged in)") : user;
    }
    case MailboxColumn: {
        const QString mailbox = c.value(QStringLiteral("mailbox")).toString();
        return c.value(QStringLiteral("idle")).toBool() ? tr("%1 (IDLE)").arg(mailbox) : mailbox;
    }
    case TlsColumn:
        return c.value(QStringLiteral("tls")).toBool() ? tr("yes") : tr("no");
    case SinceColumn:
        return gui::formatDateTime(
            QDateTime::fromString(c.value(QStringLiteral("since")).toString(), Qt::ISODate));
    }
    return {};
}

QVariant ConnectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServiceColumn:
        return tr("Service");
    case ClientColumn:
        return tr("Client");
    case UserColumn:
        return tr("User");
    case MailboxColumn:
        return tr("Mailbox");
    case TlsColumn:
        return tr("TLS");
    case SinceColumn:
        return tr("Since");
    }
    return {};
}

void ConnectionListModel::setConnections(const QList<QJsonObject> &connections)
{
    // Rows of sessions that ended go, rows of new ones come, the others are updated in
    // place, so that a refresh every few seconds keeps the person's selection.
    for (int row = int(m_connections.size()) - 1; row >= 0; --row) {
        bool open = false;
        for (const QJsonObject &c : connections)
            open = open || c.value(QStringLiteral("id")).toInteger() == id(row);
        if (!open) {
            beginRemoveRows({}, row, row);
            m_connections.removeAt(row);
            endRemoveRows();
        }
    }
    for (const QJsonObject &c : connections) {
        const int row = rowOfId(c.value(QStringLiteral("id")).toInteger());
        if (row >= 0) {
            m_connections[row] = c;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            beginInsertRows({}, int(m_connections.size()), int(m_connections.size()));
            m_connections.append(c);
            endInsertRows();
        }
    }
}

qint64 ConnectionListModel::id(int row) const
{
    return m_connections.at(row).value(QStringLiteral("id")).toInteger();
}

int ConnectionListModel::rowOfId(qint64 id) const
{
    for (int i = 0; i < m_connections.size(); ++i) {
        if (this->id(i) == id)
            return i;
    }
    return -1;
}

} // namespace admin
