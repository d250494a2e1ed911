// SASL PLAIN (RFC 4616) and LOGIN (draft-murchison-sasl-login): both yield a login name and
// password for the Authenticator to check. Also the mechanism factory.
#include "auth/saslmechanism.h"

#include "auth/authenticator.h"
#include "auth/scramsha256.h"

#include <QStringList>

namespace maild::auth {

namespace {

SaslStep failure(const char *why) { return {SaslStep::Kind::Failure, {}, {}, {}, {}, false, QString::fromLatin1(why)}; }

class Plain : public SaslMechanism
{
public:
    SaslStep start(const std::optional<QByteArray> &initial) override
    {
        if (!initial)
            return {SaslStep::Kind::Challenge, {}, {}, {}, {}, false, {}};
        return step(*initial);
    }
    SaslStep step(const QByteArray &response) override
    {
        const QList<QByteArray> parts = response.split('\0');
        if (parts.size() != 3 || parts[1].isEmpty())
            return failure("PLAIN expects authzid NUL authcid NUL password");
        if (!parts[0].isEmpty() && parts[0] != parts[1])
            return failure("acting as another user is not supported");
        return {SaslStep::Kind::Credentials, {}, QString::fromUtf8(parts[1]), QString::fromUtf8(parts[2]), {}, false, {}};
    }
};

class Login : public SaslMechanism
{
public:
    SaslStep start(const std::optional<QByteArray> &initial) override
    {
        if (initial)
            return step(*initial);
        return {SaslStep::Kind::Challenge, QByteArrayLiteral("Username:"), {}, {}, {}, false, {}};
    }
    SaslStep step(const QByteArray &response) override
    {
        if (!m_haveUser) {
            if (response.isEmpty())
                return failure("empty user name");
            m_user = QString::fromUtf8(response);
            m_haveUser = true;
            return {SaslStep::Kind::Challenge, QByteArrayLiteral("Password:"), {}, {}, {}, false, {}};
        }
        return {SaslStep::Kind::Credentials, {}, m_user, QString::fromUtf8(response), {}, false, {}};
    }

private:
    QString m_user;
    bool m_haveUser = false;
};

} // namespace

bool decodeInitialResponse(const QByteArray &token, QByteArray *decoded)
{
    if (token == "=") {
        decoded->clear();
        return true;
    }
    const auto result = QByteArray::fromBase64Encoding(token, QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *decoded = result.decoded;
    return true;
}

std::unique_ptr<SaslMechanism> createMechanism(const QString &name, Authenticator &authenticator)
{
    const QString upper = name.toUpper();
    if (upper == QLatin1String("PLAIN"))
        return std::make_unique<Plain>();
    if (upper == QLatin1String("LOGIN"))
        return std::make_unique<Login>();
    if (upper == QLatin1String("SCRAM-SHA-256"))
        return std::make_unique<ScramSha256>(
            [&authenticator](const QString &login, QString *account) { return authenticator.scramCredential(login, account); });
    return nullptr;
}

QStringList mechanismNames()
{
    return {QStringLiteral("PLAIN"), QStringLiteral("LOGIN"), QStringLiteral("SCRAM-SHA-256")};
}

} // namespace maild::auth
