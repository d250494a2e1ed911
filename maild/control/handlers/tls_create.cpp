// tls.createSelfSigned and tls.createCsr: a new key (ECDSA P-256 or RSA 3072) with either a
// self-signed certificate or a certificate signing request to take to a CA.
#include "control/handlers/handlers.h"

#include "control/handlers/tls_common.h"
#include "control/storeerrors.h"
#include "core/settings.h"
#include "tls/certstore.h"

namespace maild::control::handlers {

Outcome tlsCreateSelfSigned(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name", "hosts", "days", "keyType"});
    const QString name = p.requiredString("name", 1024);
    const int days = int(p.optionalInt("days", 1, 825).value_or(825));
    if (!p.ok())
        return Outcome::fail(p.error());
    QStringList hosts;
    bool rsa = false;
    if (auto e = checkCertificateName(name))
        return Outcome::fail(*e);
    if (auto e = readHosts(p, ctx.d.settings.string(QStringLiteral("server.hostname")), &hosts))
        return Outcome::fail(*e);
    if (auto e = readKeyType(p, &rsa))
        return Outcome::fail(*e);
    const auto made = ctx.d.certificates->createSelfSigned(name, hosts, days, rsa);
    if (const auto *e = std::get_if<store::StoreError>(&made))
        return Outcome::fail(toRpcError(*e));
    return Outcome::ok(std::get<QJsonObject>(made));
}

Outcome tlsCreateCsr(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name", "hosts", "organization", "country", "keyType"});
    const QString name = p.requiredString("name", 1024);
    const QString organization = p.optionalString("organization", 64).value_or(QString());
    const QString country = p.optionalString("country", 2).value_or(QString());
    if (!p.ok())
        return Outcome::fail(p.error());
    QStringList hosts;
    bool rsa = false;
    if (auto e = checkCertificateName(name))
        return Outcome::fail(*e);
    if (auto e = readHosts(p, ctx.d.settings.string(QStringLiteral("server.hostname")), &hosts))
        return Outcome::fail(*e);
    if (auto e = readKeyType(p, &rsa))
        return Outcome::fail(*e);
    if (!country.isEmpty() && (country.size() != 2 || !country.at(0).isLetter() || !country.at(1).isLetter()))
        return Outcome::fail(RpcError::invalidField(QStringLiteral("country"), QStringLiteral("must be a two-letter country code")));
    for (QChar c : organization) {
        if (c.category() == QChar::Other_Control)
            return Outcome::fail(RpcError::invalidField(QStringLiteral("organization"), QStringLiteral("may not contain control characters")));
    }
    const auto made = ctx.d.certificates->createRequest(name, hosts, organization, country.toUpper(), rsa);
    if (const auto *e = std::get_if<store::StoreError>(&made))
        return Outcome::fail(toRpcError(*e));
    return Outcome::ok(QJsonObject{{QStringLiteral("name"), name},
                                   {QStringLiteral("csr"), QString::fromLatin1(std::get<QByteArray>(made))}});
}

} // namespace maild::control::handlers
