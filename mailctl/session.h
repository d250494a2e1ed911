// One mailctl run's conversation with maild: connects on the first call, says hello,
// logs in (reading the administrator's password only once the daemon has answered), then
// sends requests and turns their failures into mailctl's exit codes and messages.
// Security: the password is read from the terminal or stdin, never from argv or the
// environment, and is not kept after auth.login.
#pragma once

#include "control/controlclient.h"
#include "options.h"

#include <QJsonObject>
#include <QJsonValue>
#include <optional>

namespace mailctl {

enum ExitCode
{
    ExitOk = 0,
    ExitDaemonError = 1,
    ExitUsage = 2,
    ExitConnection = 3
};

class Session
{
public:
    explicit Session(GlobalOptions options);

    GlobalOptions &options() { return m_options; }
    bool json() const { return m_options.json; }
    common::control::ControlClient &client() { return m_client; }

    // Whether the first call logs in first (every command but hello and bootstrap).
    void setLoginRequired(bool required) { m_loginRequired = required; }
    // Connects and says hello (and logs in when required). On failure the reason is
    // printed and exitCode() tells how to end; false is returned.
    bool open();
    // The daemon's answer to hello (after open()).
    QJsonObject hello() const { return m_hello; }
    // Sends one request (opening the session first when needed). On failure prints
    // "mailctl: <message>", records the exit code, and returns std::nullopt.
    std::optional<QJsonValue> call(const QString &method, const QJsonObject &params = {});
    // The same, for methods whose result is an object.
    std::optional<QJsonObject> callObject(const QString &method, const QJsonObject &params = {});

    int exitCode() const { return m_exitCode; }
    // Records a failure that happened outside a call (e.g. the connection closed while
    // following the log) and returns the exit code to end with.
    int fail(int code, const QString &message);

private:
    bool login();

    GlobalOptions m_options;
    common::control::ControlClient m_client;
    QJsonObject m_hello;
    bool m_loginRequired = true;
    bool m_open = false;
    int m_exitCode = ExitOk;
};

} // namespace mailctl
