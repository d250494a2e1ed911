// The SMTP service (see smtpservice.h).
#include "smtp/smtpservice.h"

#include "core/context.h"
#include "core/settings.h"
#include "core/statistics.h"
#include "smtp/smtpsession.h"

#include <QJsonArray>

namespace maild::smtp {

SmtpService::SmtpService(core::Context &context, QObject *parent)
    : net::ProtocolService(context,
                           {{QStringLiteral("smtp.port"), QStringLiteral("smtp")},
                            {QStringLiteral("submission.port"), QStringLiteral("submission")},
                            {QStringLiteral("smtps.port"), QStringLiteral("smtps")}},
                           parent)
{
}

net::LineSession *SmtpService::createSession(QSslSocket *socket, const QString &role)
{
    // Submission and SMTPS are for the organisation's own users: AUTH comes first there.
    return new SmtpSession(*this, socket, role != QLatin1String("smtp"), role == QLatin1String("smtps"), this);
}

void SmtpService::countAccepted(int recipients, bool queuedRemote)
{
    ++m_accepted;
    m_recipients += recipients;
    if (core::Statistics *stats = context().statistics) {
        stats->add(core::Statistics::Counter::MessagesIn);
        if (queuedRemote)
            stats->add(core::Statistics::Counter::MessagesOut);
    }
}

QByteArray SmtpService::tooManyConnections() const
{
    return "421 4.7.0 too many connections from your address; try again later\r\n";
}

void SmtpService::shutdownSession(net::LineSession *session)
{
    static_cast<SmtpSession *>(session)->shutdown(
        "4.3.2", context().settings.string(QStringLiteral("server.hostname")) + QStringLiteral(" service shutting down"));
}

QJsonObject SmtpService::counters() const
{
    return {{QStringLiteral("connections"), m_connections},
            {QStringLiteral("activeConnections"), qint64(sessions().size())},
            {QStringLiteral("connectionsRefused"), m_refused},
            {QStringLiteral("messagesAccepted"), m_accepted},
            {QStringLiteral("messagesRejected"), m_rejected},
            {QStringLiteral("recipientsAccepted"), m_recipients},
            {QStringLiteral("bytesReceived"), m_bytes},
            {QStringLiteral("authFailures"), m_authFailures}};
}

QJsonArray SmtpService::connections() const
{
    QJsonArray out;
    for (const net::LineSession *s : sessions())
        out.append(static_cast<const SmtpSession *>(s)->describe());
    return out;
}

} // namespace maild::smtp
