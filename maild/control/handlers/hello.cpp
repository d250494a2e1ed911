// hello: protocol version, daemon version and capabilities; callable before login so that a
// client can fail clearly against a daemon too old for it, and learn whether the first
// administrator still has to be created.
#include "control/handlers/handlers.h"

#include "control/params.h"
#include "store/accountstore.h"

#include <control/protocol.h>

#include <QHostInfo>
#include <QJsonArray>

namespace maild::control::handlers {

Outcome hello(CallContext &ctx, const QJsonObject &params)
{
    Params p(params, {"protocol", "client"});
    const auto wanted = p.optionalInt("protocol", 1, 1000000);
    p.optionalString("client", 256);
    if (!p.ok())
        return Outcome::fail(p.error());
    if (wanted && *wanted > common::control::kProtocolVersion)
        return Outcome::fail(RpcError(ErrorCode::ProtocolMismatch,
                                      QStringLiteral("this tool needs control protocol %1 but maild %2 speaks %3; upgrade maild")
                                          .arg(*wanted)
                                          .arg(QStringLiteral(MAILROOM_VERSION))
                                          .arg(common::control::kProtocolVersion)));
    return Outcome::ok(QJsonObject{
        {QStringLiteral("protocol"), common::control::kProtocolVersion},
        {QStringLiteral("daemon"), QStringLiteral(MAILROOM_VERSION)},
        {QStringLiteral("capabilities"), QJsonArray{QStringLiteral("batch"), QStringLiteral("log.subscribe"),
                                                    QStringLiteral("accounts"), QStringLiteral("audit")}},
        {QStringLiteral("host"), QHostInfo::localHostName()},
        {QStringLiteral("needsBootstrap"), ctx.d.accounts.adminCount() == 0},
    });
}

} // namespace maild::control::handlers
