// mailctl bootstrap: creates the first administrator of a fresh data directory
// (auth.bootstrap) without logging in. The name comes from --user (or a terminal prompt);
// the password is typed twice on a terminal, or read as one line of stdin.
#include "commands.h"
#include "console.h"
#include "passwordprompt.h"

#include <QCoreApplication>

namespace mailctl {

int runBootstrap(Session &session, const Invocation &inv)
{
    if (!session.open())
        return session.exitCode();
    // Spare a person the prompts when the daemon will refuse anyway; scripts get the
    // daemon's own refusal.
    if (stdinIsTerminal() && !session.hello().value(QStringLiteral("needsBootstrap")).toBool(true))
        return session.fail(ExitDaemonError,
                            Mailctl::tr("the mail daemon already has an administrator; log in with "
                                        "--user instead"));
    QString user = session.options().user;
    if (!session.options().userGiven && stdinIsTerminal()) {
        const std::optional<QString> typed =
            askLine(Mailctl::tr("Name of the first administrator [%1]: ").arg(user));
        if (typed && !typed->trimmed().isEmpty())
            user = typed->trimmed();
    }
    if (user.isEmpty())
        return inv.usage(Mailctl::tr("no administrator name: give --user NAME"));
    QString problem;
    std::optional<QString> password =
        readNewPassword(Mailctl::tr("Password for the new administrator %1: ").arg(user), problem);
    if (!password)
        return session.fail(ExitUsage, problem);
    QJsonObject params{{QStringLiteral("user"), user}, {QStringLiteral("password"), *password}};
    password->fill(QLatin1Char(' '));
    if (inv.args.has("--full-name"))
        params.insert(QStringLiteral("fullName"), inv.args.value("--full-name"));
    const std::optional<QJsonObject> r =
        session.callObject(QStringLiteral("auth.bootstrap"), params);
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printOut(Mailctl::tr("Created the administrator %1.")
                     .arg(r->value(QStringLiteral("user")).toString()));
    return ExitOk;
}

} // namespace mailctl
