// Maps a store failure to the control protocol's error code.
#pragma once

#include "store/storeerror.h"

#include <control/errorcode.h>

namespace maild::control {

common::control::RpcError toRpcError(const store::StoreError &error);

} // namespace maild::control
