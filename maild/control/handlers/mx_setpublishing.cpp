// mx.setPublishing: where a domain's MX records are published — the zone, its primary DNS
// server (address and port), the TSIG key's name and secret (HMAC-SHA256) — and which of the
// suggested TXT records go with them, and the TTL of the published records. server ""
// removes the target and its secret.
// Security: the secret is written to a file of mode 0600 and never returned, logged or
// audited (the audit shows it as ********).
#include "control/handlers/handlers.h"

#include "control/handlers/mx_common.h"
#include "control/storeerrors.h"
#include "dns/dnstypes.h"
#include "mx/mxservice.h"
#include "mx/mxzone.h"

#include <validation/validation.h>

namespace maild::control::handlers {

namespace {

std::optional<RpcError> readSecret(const QString &text, QByteArray *secret)
{
    const auto decoded = QByteArray::fromBase64Encoding(text.trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < 16 || decoded.decoded.size() > 512)
        return RpcError::invalidField(QStringLiteral("secret"),
                                      QStringLiteral("must be the key's secret in base64, as in BIND's key statement "
                                                     "(16 to 512 bytes; tsig-keygen makes one)"));
    *secret = decoded.decoded;
    return std::nullopt;
}

} // namespace

Outcome mxSetPublishing(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"domain", "zone", "server", "keyName", "secret", "includeSpf", "includeDmarc", "dmarcReport", "ttl"});
    QString domain;
    if (auto e = readMxDomain(p, ctx, &domain))
        return Outcome::fail(*e);
    const QString server = p.requiredString("server", 300).trimmed();
    QString zone = p.optionalString("zone", 300).value_or(domain).trimmed().toLower();
    QString keyName = p.optionalString("keyName", 300).value_or(QString()).trimmed();
    const std::optional<QString> secretText = p.optionalString("secret", 1024);
    const std::optional<bool> spf = p.optionalBool("includeSpf");
    const std::optional<bool> dmarc = p.optionalBool("includeDmarc");
    const std::optional<QString> report = p.optionalString("dmarcReport", 254);
    const std::optional<qint64> ttl = p.optionalInt("ttl", 60, 604800);
    if (!p.ok())
        return Outcome::fail(p.error());
    const auto current = ctx.d.mx->domain(domain);
    common::model::MxPublishing publishing = current->publishing;
    publishing.includeSpf = spf.value_or(publishing.includeSpf);
    publishing.includeDmarc = dmarc.value_or(publishing.includeDmarc);
    QString dmarcReport = report.value_or(current->dmarcReport).trimmed();
    if (auto problem = common::validation::checkEmailAddress(dmarcReport))
        return Outcome::fail(RpcError::invalidField(QStringLiteral("dmarcReport"), *problem));
    dmarcReport = common::validation::normalizeAddress(dmarcReport);

    QByteArray secret;
    if (server.isEmpty()) {
        publishing.zone.clear();
        publishing.server.clear();
        publishing.keyName.clear();
        ctx.afterCommit.append([keys = &ctx.d.mx->keys(), domain] { keys->remove(domain); });
    } else {
        const std::optional<dns::DnsServer> parsed = dns::DnsServer::parse(server);
        if (!parsed)
            return Outcome::fail(RpcError::invalidField(
                QStringLiteral("server"),
                QStringLiteral("must be the IP address of the zone's primary DNS server, with an optional port "
                               "(192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:53)")));
        if (zone.endsWith(QLatin1Char('.')))
            zone.chop(1);
        if (auto problem = common::validation::checkDomainName(zone))
            return Outcome::fail(RpcError::invalidField(QStringLiteral("zone"), *problem));
        if (!mx::inZone(domain, zone))
            return Outcome::fail(RpcError::invalidField(QStringLiteral("zone"),
                                                        QStringLiteral("%1 is not inside the zone %2").arg(domain, zone)));
        if (keyName.endsWith(QLatin1Char('.')))
            keyName.chop(1);
        if (keyName.isEmpty())
            return Outcome::fail(RpcError::invalidField(QStringLiteral("keyName"),
                                                        QStringLiteral("the name of the TSIG key is required")));
        if (auto problem = common::validation::checkDomainName(keyName))
            return Outcome::fail(RpcError::invalidField(QStringLiteral("keyName"),
                                                        QStringLiteral("a TSIG key name is a domain name: %1").arg(*problem)));
        if (secretText && !secretText->isEmpty()) {
            if (auto e = readSecret(*secretText, &secret))
                return Outcome::fail(*e);
        } else if (!current->publishing.hasSecret) {
            return Outcome::fail(RpcError::invalidField(QStringLiteral("secret"),
                                                        QStringLiteral("the key's secret is required (none is stored yet)")));
        }
        publishing.zone = zone;
        publishing.server = parsed->toString();
        publishing.keyName = keyName.toLower();
    }
    if (auto e = ctx.d.mx->records().setPublishing(domain, publishing, dmarcReport, int(ttl.value_or(current->ttl))))
        return Outcome::fail(toRpcError(*e));
    if (!secret.isEmpty()) {
        if (const QString e = ctx.d.mx->keys().store(domain, secret); !e.isEmpty())
            return Outcome::fail(RpcError(ErrorCode::StorageFailed, e));
    }
    notifyMxChanged(ctx, domain);
    return Outcome::ok(mxDomainJson(ctx, domain));
}

} // namespace maild::control::handlers
