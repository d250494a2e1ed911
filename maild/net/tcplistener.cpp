// TCP listeners of the mail services (see tcplistener.h).
#include "net/tcplistener.h"

#include <QSslSocket>

namespace maild::net {

QString TcpListener::describe() const
{
    const QHostAddress a = serverAddress();
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + a.toString() + QLatin1Char(']')
                                                                       : a.toString();
    return host + QLatin1Char(':') + QString::number(serverPort());
}

void TcpListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    emit accepted(socket, m_role);
}

QString bindAll(const QStringList &addresses, quint16 port, const QString &role, QObject *parent,
                QList<TcpListener *> *out)
{
    QList<TcpListener *> bound;
    for (const QString &address : addresses) {
        auto *listener = new TcpListener(role, parent);
        // Qt's default backlog (50) overflows when hundreds of clients connect at once; the
        // kernel then drops their final ACKs and they wait for a greeting that never comes.
        listener->setListenBacklogSize(1024);
        if (!listener->listen(QHostAddress(address), port)) {
            const QString error = QStringLiteral("cannot listen on %1 port %2 (%3): %4")
                                      .arg(address).arg(port).arg(role, listener->errorString());
            delete listener;
            qDeleteAll(bound);
            return error;
        }
        bound.append(listener);
    }
    *out += bound;
    return {};
}

} // namespace maild::net
