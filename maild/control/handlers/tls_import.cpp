// tls.import: a PEM chain (leaf first) and its key, or the certificate a CA issued for a
// pending request. Every check of tls/x509 runs before anything is stored.
// Security: the key arrives over the control socket once and is never sent back.
#include "control/handlers/handlers.h"

#include "control/handlers/tls_common.h"
#include "control/storeerrors.h"
#include "tls/certstore.h"

namespace maild::control::handlers {

Outcome tlsImport(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"name", "certificate", "key"});
    const QString name = p.requiredString("name", 1024);
    const QString certificate = p.requiredString("certificate", 256 * 1024);
    const QString key = p.optionalString("key", 64 * 1024).value_or(QString());
    if (!p.ok())
        return Outcome::fail(p.error());
    if (auto e = checkCertificateName(name))
        return Outcome::fail(*e);
    const auto imported = ctx.d.certificates->import(name, certificate.toLatin1(), key.toLatin1());
    if (const auto *e = std::get_if<store::StoreError>(&imported))
        return Outcome::fail(toRpcError(*e));
    return Outcome::ok(std::get<QJsonObject>(imported));
}

} // namespace maild::control::handlers
