// auth.login: checks an administrator's name and password. The stored hash is verified on a
// worker thread; unknown users are checked against a dummy hash so both cost the same time;
// failures are counted per name (LoginLimiter) and logged.
// Security: the password is never logged; a locked name is refused even with the right one.
#include "control/handlers/handlers.h"

#include "control/controlserver.h"
#include "control/controlsession.h"
#include "control/params.h"
#include "core/coresettings.h"
#include "core/logger.h"
#include "core/settings.h"
#include "store/accountstore.h"

#include <crypto/passwordhash.h>

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace maild::control::handlers {

void authLogin(CallContext &ctx, const QJsonObject &params, Responder respond)
{
    Params p(params, {"user", "password"});
    const QString user = p.requiredString("user", 256);
    const QString password = p.requiredString("password", 1024);
    if (!p.ok())
        return respond(Outcome::fail(p.error()));

    LoginLimiter &limiter = ctx.d.control->limiter();
    limiter.configure(int(ctx.d.settings.integer(QStringLiteral("control.loginFailuresBeforeLockout"))),
                      int(ctx.d.settings.integer(QStringLiteral("control.loginLockoutSeconds"))));
    if (const int wait = limiter.retryAfter(user); wait > 0) {
        core::logWarning(QStringLiteral("control"),
                         QStringLiteral("login for '%1' from %2 refused: locked for %3 s after failed attempts")
                             .arg(user, ctx.session.peer().describe())
                             .arg(wait));
        return respond(Outcome::fail(RpcError(ErrorCode::RateLimited,
                                              QStringLiteral("too many failed logins for %1; try again in %2 seconds").arg(user).arg(wait),
                                              QJsonObject{{QStringLiteral("retryAfter"), wait}})));
    }

    const std::optional<store::Credentials> creds = ctx.d.accounts.credentials(user);
    const bool candidate = creds && creds->admin && !creds->passwordHash.isEmpty();
    const QString hash = candidate ? creds->passwordHash : common::crypto::dummyHash(core::passwordIterations(ctx.d.settings));
    QPointer<ControlSession> session(&ctx.session);
    ControlServer *server = ctx.d.control;
    QThreadPool::globalInstance()->start([=]() mutable {
        const bool verified = common::crypto::verifyPassword(password, hash);
        common::crypto::releaseThreadState();
        QMetaObject::invokeMethod(
            qApp,
            [=] {
                if (!session)
                    return;
                if (verified && candidate) {
                    server->limiter().recordSuccess(user);
                    session->setUser(user);
                    core::logInfo(QStringLiteral("control"),
                                  QStringLiteral("administrator %1 logged in from %2").arg(user, session->peer().describe()));
                    respond(Outcome::ok(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("admin"), true}}));
                    return;
                }
                server->limiter().recordFailure(user);
                core::logWarning(QStringLiteral("control"),
                                 QStringLiteral("failed login for '%1' from %2").arg(user, session->peer().describe()));
                respond(Outcome::fail(RpcError(ErrorCode::LoginFailed,
                                               QStringLiteral("wrong user name or password, or the account is not an administrator"))));
            },
            Qt::QueuedConnection);
    });
}

} // namespace maild::control::handlers
