// The level/service filter shared by log.tail and log.subscribe.
#pragma once

#include "control/params.h"

#include <model/enums.h>

namespace maild::control::handlers {

struct LogFilter
{
    common::model::LogLevel level = common::model::LogLevel::Debug;
    QString service;
};

// Reads "level" and "service" from p; the error names the field when the level is unknown.
std::optional<RpcError> readLogFilter(Params &p, LogFilter &filter);

} // namespace maild::control::handlers
