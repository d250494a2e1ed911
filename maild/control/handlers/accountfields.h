// Reading the editable fields of an account (fullName, admin, addresses, mail options) from
// request params into an Account: only the fields given are changed, each validated, so
// account.create and account.update share one set of rules.
#pragma once

#include "control/params.h"

#include <model/account.h>

namespace maild::control::handlers {

// Applies the fields present in params to account. Returns the first problem.
std::optional<RpcError> readAccountFields(Params &params, common::model::Account &account);

} // namespace maild::control::handlers
