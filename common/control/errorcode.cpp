// Error code names and JSON form.
#include "control/errorcode.h"

namespace common::control {

QString errorCodeName(int code)
{
    switch (static_cast<ErrorCode>(code)) {
    case ErrorCode::ParseError: return QStringLiteral("ParseError");
    case ErrorCode::InvalidRequest: return QStringLiteral("InvalidRequest");
    case ErrorCode::MethodNotFound: return QStringLiteral("MethodNotFound");
    case ErrorCode::InvalidParams: return QStringLiteral("InvalidParams");
    case ErrorCode::InternalError: return QStringLiteral("InternalError");
    case ErrorCode::NotAuthenticated: return QStringLiteral("NotAuthenticated");
    case ErrorCode::LoginFailed: return QStringLiteral("LoginFailed");
    case ErrorCode::RateLimited: return QStringLiteral("RateLimited");
    case ErrorCode::PermissionDenied: return QStringLiteral("PermissionDenied");
    case ErrorCode::ProtocolMismatch: return QStringLiteral("ProtocolMismatch");
    case ErrorCode::BootstrapRefused: return QStringLiteral("BootstrapRefused");
    case ErrorCode::FrameTooLarge: return QStringLiteral("FrameTooLarge");
    case ErrorCode::NotFound: return QStringLiteral("NotFound");
    case ErrorCode::AlreadyExists: return QStringLiteral("AlreadyExists");
    case ErrorCode::ValidationFailed: return QStringLiteral("ValidationFailed");
    case ErrorCode::Conflict: return QStringLiteral("Conflict");
    case ErrorCode::ServiceFailed: return QStringLiteral("ServiceFailed");
    case ErrorCode::StorageFailed: return QStringLiteral("StorageFailed");
    case ErrorCode::DnsFailed: return QStringLiteral("DnsFailed");
    }
    return QStringLiteral("Error%1").arg(code);
}

RpcError RpcError::invalidField(const QString &field, const QString &reason)
{
    return RpcError(ErrorCode::ValidationFailed, field + QStringLiteral(": ") + reason,
                    QJsonObject{{QStringLiteral("field"), field},
                                {QStringLiteral("reason"), reason}});
}

RpcError RpcError::badParam(const QString &field, const QString &reason)
{
    return RpcError(ErrorCode::InvalidParams, field + QStringLiteral(": ") + reason,
                    QJsonObject{{QStringLiteral("field"), field},
                                {QStringLiteral("reason"), reason}});
}

QJsonObject RpcError::toJson() const
{
    QJsonObject o{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!data.isEmpty())
        o.insert(QStringLiteral("data"), data);
    return o;
}

RpcError RpcError::fromJson(const QJsonObject &o)
{
    RpcError e;
    e.code = o.value(QStringLiteral("code")).toInt();
    e.message = o.value(QStringLiteral("message")).toString();
    e.data = o.value(QStringLiteral("data")).toObject();
    return e;
}

} // namespace common::control
