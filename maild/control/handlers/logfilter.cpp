// Log filter params (see logfilter.h).
#include "control/handlers/logfilter.h"

namespace maild::control::handlers {

std::optional<RpcError> readLogFilter(Params &p, LogFilter &filter)
{
    const auto level = p.optionalString("level", 16);
    filter.service = p.optionalString("service", 64).value_or(QString());
    if (!p.ok())
        return p.error();
    if (level) {
        const auto parsed = common::model::logLevelFromString(*level);
        if (!parsed)
            return RpcError::badParam(QStringLiteral("level"), QStringLiteral("must be one of: %1")
                                                                   .arg(common::model::logLevelNames().join(QStringLiteral(", "))));
        filter.level = *parsed;
    }
    return std::nullopt;
}

} // namespace maild::control::handlers
