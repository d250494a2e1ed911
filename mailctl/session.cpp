// mailctl's session with maild (see session.h).
#include "session.h"

#include "console.h"
#include "control/protocol.h"
#include "passwordprompt.h"

#include <QCoreApplication>

namespace mailctl {

using common::control::ErrorCode;
using common::control::Reply;

Session::Session(GlobalOptions options) : m_options(std::move(options)) {}

int Session::fail(int code, const QString &message)
{
    printError(message);
    m_exitCode = code;
    return code;
}

bool Session::open()
{
    if (m_open)
        return true;
    if (m_exitCode != ExitOk)
        return false;
    const QString failure = m_client.connectAndWait(m_options.socket);
    if (!failure.isEmpty()) {
        fail(ExitConnection, failure);
        return false;
    }
    const Reply hello = m_client.callAndWait(
        QStringLiteral("hello"), {{QStringLiteral("protocol"), common::control::kProtocolVersion}});
    if (!hello.ok()) {
        fail(m_client.isConnected() ? ExitDaemonError : ExitConnection, hello.error->message);
        return false;
    }
    m_hello = hello.object();
    if (m_loginRequired && !login())
        return false;
    m_open = true;
    return true;
}

bool Session::login()
{
    if (m_hello.value(QStringLiteral("needsBootstrap")).toBool()) {
        fail(ExitDaemonError,
             Mailctl::tr("the mail daemon has no administrator yet; create the first one "
                         "with \"mailctl bootstrap\""));
        return false;
    }
    if (m_options.user.isEmpty()) {
        fail(ExitUsage, Mailctl::tr("no administrator name: give --user NAME or set MAILCTL_USER"));
        return false;
    }
    std::optional<QString> password =
        readPassword(Mailctl::tr("Password for %1: ").arg(m_options.user));
    if (!password) {
        fail(ExitUsage,
             Mailctl::tr("no password: type it at the prompt or give it as the first line "
                         "of standard input"));
        return false;
    }
    const Reply reply = m_client.callAndWait(
        QStringLiteral("auth.login"),
        {{QStringLiteral("user"), m_options.user}, {QStringLiteral("password"), *password}});
    password->fill(QLatin1Char(' '));
    if (!reply.ok()) {
        fail(m_client.isConnected() ? ExitDaemonError : ExitConnection, reply.error->message);
        return false;
    }
    return true;
}

std::optional<QJsonValue> Session::call(const QString &method, const QJsonObject &params)
{
    if (!open())
        return std::nullopt;
    const Reply reply = m_client.callAndWait(method, params);
    if (!reply.ok()) {
        fail(m_client.isConnected() ? ExitDaemonError : ExitConnection, reply.error->message);
        return std::nullopt;
    }
    return reply.result;
}

std::optional<QJsonObject> Session::callObject(const QString &method, const QJsonObject &params)
{
    std::optional<QJsonValue> result = call(method, params);
    if (!result)
        return std::nullopt;
    return result->toObject();
}

} // namespace mailctl
