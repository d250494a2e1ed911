// Logging in to POP3: USER/PASS (RFC 1939 7), AUTH (RFC 5034), and APOP, which is refused:
// it needs a clear-text-equivalent secret that this server never stores.
// Security: credentials are checked by the Authenticator (slow hash off the event loop,
// rate limits, per-account access); TLS-required refuses them in the clear.
#include "pop3/commands/commands.h"

#include "auth/saslmechanism.h"
#include "core/context.h"
#include "pop3/pop3session.h"

namespace maild::pop3::commands {

namespace {

bool tlsGate(Pop3Session &s)
{
    if (s.credentialsAllowed())
        return true;
    s.err(QStringLiteral("[AUTH] TLS is required; use STLS first"));
    return false;
}

} // namespace

void user(Pop3Session &s, const QByteArray &argument)
{
    if (!tlsGate(s))
        return;
    const QByteArray name = argument.trimmed();
    if (name.isEmpty() || name.contains(' '))
        return s.err(QStringLiteral("syntax: USER <name>"));
    s.pendingUser = QString::fromUtf8(name);
    s.ok(QStringLiteral("send PASS"));
}

void pass(Pop3Session &s, const QByteArray &argument)
{
    if (!tlsGate(s))
        return;
    if (s.pendingUser.isEmpty())
        return s.err(QStringLiteral("PASS not allowed now"));
    if (argument.isEmpty())
        return s.err(QStringLiteral("syntax: PASS <password>"));
    s.login(s.pendingUser, QString::fromUtf8(argument));
}

void auth(Pop3Session &s, const QByteArray &argument)
{
    const QList<QByteArray> parts = argument.trimmed().split(' ');
    if (argument.trimmed().isEmpty()) {
        // RFC 1734 style listing of mechanisms.
        QStringList names = auth::mechanismNames();
        return s.okLines(QStringLiteral("mechanisms follow"), names);
    }
    if (!tlsGate(s))
        return;
    if (parts.size() > 2)
        return s.err(QStringLiteral("syntax: AUTH <mechanism> [initial response]"));
    std::unique_ptr<auth::SaslMechanism> mechanism =
        auth::createMechanism(QString::fromLatin1(parts[0]), *s.context().authenticator);
    if (!mechanism)
        return s.err(QStringLiteral("unknown authentication mechanism"));
    std::optional<QByteArray> initial;
    if (parts.size() == 2) {
        initial.emplace();
        if (!auth::decodeInitialResponse(parts[1], &*initial))
            return s.err(QStringLiteral("cannot decode the base64 initial response"));
    }
    s.startSasl(std::move(mechanism), initial);
}

void apop(Pop3Session &s, const QByteArray &)
{
    s.err(QStringLiteral("APOP is not supported: use USER/PASS or AUTH over TLS"));
}

void stls(Pop3Session &s, const QByteArray &argument)
{
    if (!argument.trimmed().isEmpty())
        return s.err(QStringLiteral("STLS takes no argument"));
    if (s.isEncrypted())
        return s.err(QStringLiteral("TLS is already active"));
    if (!s.canStartTls())
        return s.err(QStringLiteral("STLS is not offered here"));
    s.beginStls();
}

void capa(Pop3Session &s, const QByteArray &)
{
    QStringList lines{QStringLiteral("TOP"), QStringLiteral("UIDL"), QStringLiteral("RESP-CODES"),
                      QStringLiteral("AUTH-RESP-CODE"), QStringLiteral("PIPELINING"),
                      QStringLiteral("LOGIN-DELAY 0"), QStringLiteral("EXPIRE NEVER"),
                      QStringLiteral("IMPLEMENTATION Mailroom")};
    if (s.state() == Pop3Session::State::Authorization) {
        if (s.credentialsAllowed()) {
            lines.append(QStringLiteral("USER"));
            lines.append(QStringLiteral("SASL ") + auth::mechanismNames().join(QLatin1Char(' ')));
        }
        if (s.canStartTls())
            lines.append(QStringLiteral("STLS"));
    }
    s.okLines(QStringLiteral("capability list follows"), lines);
}

} // namespace maild::pop3::commands
