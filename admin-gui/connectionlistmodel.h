// The open mail sessions for the Connections pane (`connection.list`): service, client
// address, user, mailbox, TLS, since when (and IDLE for IMAP). Never talks to the daemon.
#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace admin {

class ConnectionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ServiceColumn,
        ClientColumn,
        UserColumn,
        MailboxColumn,
        TlsColumn,
        SinceColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1
    };

    explicit ConnectionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the rows, keeping rows (and so the selection) of sessions still open.
    void setConnections(const QList<QJsonObject> &connections);
    qint64 id(int row) const;
    int rowOfId(qint64 id) const;

private:
    QList<QJsonObject> m_connections;
};

} // namespace admin
