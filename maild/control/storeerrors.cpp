// Store failure → control error (see storeerrors.h).
#include "control/storeerrors.h"

#include <QJsonObject>

namespace maild::control {

using common::control::ErrorCode;
using common::control::RpcError;

RpcError toRpcError(const store::StoreError &error)
{
    const QJsonObject data = error.field.isEmpty() ? QJsonObject{}
                                                   : QJsonObject{{QStringLiteral("field"), error.field},
                                                                 {QStringLiteral("reason"), error.message}};
    switch (error.kind) {
    case store::StoreError::Kind::NotFound: return RpcError(ErrorCode::NotFound, error.message, data);
    case store::StoreError::Kind::AlreadyExists: return RpcError(ErrorCode::AlreadyExists, error.message, data);
    case store::StoreError::Kind::Conflict: return RpcError(ErrorCode::Conflict, error.message, data);
    case store::StoreError::Kind::Invalid: return RpcError(ErrorCode::ValidationFailed, error.message, data);
    case store::StoreError::Kind::Storage: return RpcError(ErrorCode::StorageFailed, error.message, data);
    }
    return RpcError(ErrorCode::InternalError, error.message);
}

} // namespace maild::control
