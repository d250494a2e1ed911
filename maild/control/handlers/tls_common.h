// Shared by the tls.* handlers: certificate names, host lists and key types from params.
#pragma once

#include "control/params.h"

namespace maild::control::handlers {

std::optional<RpcError> checkCertificateName(const QString &name);
// hosts (default: [server.hostname]); each a valid domain name (a leading "*." is allowed).
std::optional<RpcError> readHosts(Params &p, const QString &defaultHost, QStringList *hosts);
// keyType "ec" (default) or "rsa".
std::optional<RpcError> readKeyType(Params &p, bool *rsa);

} // namespace maild::control::handlers
