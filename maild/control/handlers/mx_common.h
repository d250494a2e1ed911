// What the mx.* handlers share: reading the domain and host parameters with the daemon's
// rules, the domain as answered (MxDomain JSON), and the mx.changed notification.
#pragma once

#include "control/method.h"
#include "control/params.h"

namespace maild::control::handlers {

// Reads the required "domain": a valid name of a local domain, normalised.
std::optional<RpcError> readMxDomain(Params &p, CallContext &ctx, QString *domain);
// An MX host: a fully qualified host name, never an IP address; normalised (lower case, no final dot).
std::optional<RpcError> checkMxHost(QString *host, const QString &field);
// The domain's records, publishing and warnings as answered to the tools.
QJsonObject mxDomainJson(CallContext &ctx, const QString &domain);
// mx.changed {domain} to every logged-in tool once the change is committed.
void notifyMxChanged(CallContext &ctx, const QString &domain);

} // namespace maild::control::handlers
