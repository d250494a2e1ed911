// Stable error codes of the control protocol (docs/control-protocol.md) and the error value
// that carries one with its human sentence. Used by maild's handlers and every client.
#pragma once

#include <QJsonObject>
#include <QString>

namespace common::control {

enum class ErrorCode : int {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
    NotAuthenticated = 1000,
    LoginFailed = 1001,
    RateLimited = 1002,
    PermissionDenied = 1003,
    ProtocolMismatch = 1004,
    BootstrapRefused = 1005,
    FrameTooLarge = 1006,
    NotFound = 1100,
    AlreadyExists = 1101,
    ValidationFailed = 1102,
    Conflict = 1103,
    ServiceFailed = 1200,
    StorageFailed = 1300,
    DnsFailed = 1400,
};

// The symbolic name of a code ("ValidationFailed"), for tables and logs.
QString errorCodeName(int code);

struct RpcError
{
    int code = 0;
    QString message;
    QJsonObject data;

    RpcError() = default;
    RpcError(ErrorCode c, QString msg, QJsonObject d = {})
        : code(static_cast<int>(c)), message(std::move(msg)), data(std::move(d))
    {
    }
    // A ValidationFailed error naming the offending field.
    static RpcError invalidField(const QString &field, const QString &reason);
    // An InvalidParams error naming the offending parameter.
    static RpcError badParam(const QString &field, const QString &reason);

    bool is(ErrorCode c) const { return code == static_cast<int>(c); }
    QJsonObject toJson() const;
    static RpcError fromJson(const QJsonObject &o);
};

} // namespace common::control
