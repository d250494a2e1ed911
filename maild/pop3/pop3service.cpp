// The POP3 service (see pop3service.h).
#include "pop3/pop3service.h"

#include "pop3/pop3session.h"

#include <QJsonArray>

namespace maild::pop3 {

Pop3Service::Pop3Service(core::Context &context, QObject *parent)
    : net::ProtocolService(context,
                           {{QStringLiteral("pop3.port"), QStringLiteral("pop3")},
                            {QStringLiteral("pop3s.port"), QStringLiteral("pop3s")}},
                           parent)
{
}

net::LineSession *Pop3Service::createSession(QSslSocket *socket, const QString &role)
{
    return new Pop3Session(*this, socket, role == QLatin1String("pop3s"), this);
}

QByteArray Pop3Service::tooManyConnections() const
{
    return "-ERR [SYS/TEMP] too many connections from your address; try again later\r\n";
}

void Pop3Service::shutdownSession(net::LineSession *session)
{
    static_cast<Pop3Session *>(session)->shutdown();
}

QJsonObject Pop3Service::counters() const
{
    return {{QStringLiteral("connections"), m_connections},
            {QStringLiteral("activeConnections"), qint64(sessions().size())},
            {QStringLiteral("connectionsRefused"), m_refused},
            {QStringLiteral("logins"), logins},
            {QStringLiteral("authFailures"), authFailures},
            {QStringLiteral("messagesRetrieved"), retrieved},
            {QStringLiteral("messagesDeleted"), deleted},
            {QStringLiteral("bytesSent"), bytesSent}};
}

QJsonArray Pop3Service::connections() const
{
    QJsonArray out;
    for (const net::LineSession *s : sessions())
        out.append(static_cast<const Pop3Session *>(s)->describe());
    return out;
}

} // namespace maild::pop3
