// A listening TCP socket of a mail service. Accepted connections become QSslSocket objects
// (plain until a service starts TLS on them), handed to the service with the listener's
// role (e.g. "smtp" or "submission").
#pragma once

#include <QHostAddress>
#include <QTcpServer>

class QSslSocket;

namespace maild::net {

class TcpListener : public QTcpServer
{
    Q_OBJECT
public:
    TcpListener(QString role, QObject *parent = nullptr) : QTcpServer(parent), m_role(std::move(role)) {}
    const QString &role() const { return m_role; }
    QString describe() const; // "127.0.0.1:2525"

signals:
    void accepted(QSslSocket *socket, const QString &role);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QString m_role;
};

// Binds one listener per address. Returns the error sentence of the first failure (and
// closes what was bound), or "" with the listeners in *out.
QString bindAll(const QStringList &addresses, quint16 port, const QString &role, QObject *parent,
                QList<TcpListener *> *out);

} // namespace maild::net
