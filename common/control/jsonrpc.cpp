// JSON-RPC 2.0 decoding and encoding (see jsonrpc.h).
#include "control/jsonrpc.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace common::control {

namespace {

const QString kJsonRpc = QStringLiteral("jsonrpc");
const QString kId = QStringLiteral("id");
const QString kMethod = QStringLiteral("method");
const QString kParams = QStringLiteral("params");

Decoded decodeOne(const QJsonValue &value)
{
    if (!value.isObject())
        return {RpcError(ErrorCode::InvalidRequest, QStringLiteral("a request must be a JSON object")),
                QJsonValue::Null};
    const QJsonObject o = value.toObject();
    QJsonValue id = o.contains(kId) ? o.value(kId) : QJsonValue(QJsonValue::Undefined);
    const QJsonValue answerId = id.isUndefined() ? QJsonValue(QJsonValue::Null) : id;
    if (!id.isUndefined() && !id.isString() && !id.isDouble() && !id.isNull())
        return {RpcError(ErrorCode::InvalidRequest, QStringLiteral("\"id\" must be a string, a number or null")),
                QJsonValue::Null};
    if (o.value(kJsonRpc).toString() != QLatin1String("2.0"))
        return {RpcError(ErrorCode::InvalidRequest, QStringLiteral("\"jsonrpc\" must be \"2.0\"")),
                answerId};
    const QJsonValue method = o.value(kMethod);
    if (!method.isString() || method.toString().isEmpty())
        return {RpcError(ErrorCode::InvalidRequest, QStringLiteral("\"method\" must be a non-empty string")),
                answerId};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != kJsonRpc && it.key() != kId && it.key() != kMethod && it.key() != kParams)
            return {RpcError(ErrorCode::InvalidRequest,
                             QStringLiteral("unknown member \"%1\" in request").arg(it.key())),
                    answerId};
    }
    const QJsonValue params = o.value(kParams);
    if (!params.isUndefined() && !params.isObject() && !params.isNull())
        return {RpcError(ErrorCode::InvalidParams, QStringLiteral("\"params\" must be an object")),
                answerId};
    return {Request{id, method.toString(), params.toObject()}, answerId};
}

} // namespace

DecodedFrame decodeRequestFrame(const QByteArray &frame)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &err);
    DecodedFrame out;
    if (err.error != QJsonParseError::NoError) {
        // Qt refuses a bare scalar at the top level; it is valid JSON, just not a request.
        QJsonParseError wrapped{};
        const QJsonDocument asArray = QJsonDocument::fromJson('[' + frame + ']', &wrapped);
        if (wrapped.error == QJsonParseError::NoError && asArray.array().size() == 1) {
            out.items.append({RpcError(ErrorCode::InvalidRequest, QStringLiteral("a request must be a JSON object")),
                              QJsonValue::Null});
            return out;
        }
        out.items.append({RpcError(ErrorCode::ParseError,
                                   QStringLiteral("not valid JSON at offset %1: %2")
                                       .arg(err.offset)
                                       .arg(err.errorString())),
                          QJsonValue::Null});
        return out;
    }
    if (doc.isArray()) {
        const QJsonArray array = doc.array();
        if (array.isEmpty()) {
            out.items.append({RpcError(ErrorCode::InvalidRequest, QStringLiteral("empty batch")),
                              QJsonValue::Null});
            return out;
        }
        out.isBatch = true;
        for (const QJsonValue &v : array)
            out.items.append(decodeOne(v));
        return out;
    }
    out.items.append(decodeOne(doc.object()));
    return out;
}

Incoming decodeIncoming(const QByteArray &frame)
{
    Incoming in;
    const QJsonDocument doc = QJsonDocument::fromJson(frame);
    if (!doc.isObject())
        return in;
    const QJsonObject o = doc.object();
    if (o.contains(kMethod) && !o.contains(kId)) {
        in.kind = Incoming::Kind::Notification;
        in.method = o.value(kMethod).toString();
        in.params = o.value(kParams).toObject();
        return in;
    }
    if (!o.contains(kId))
        return in;
    in.kind = Incoming::Kind::Response;
    in.id = o.value(kId);
    if (o.contains(QStringLiteral("error")))
        in.error = RpcError::fromJson(o.value(QStringLiteral("error")).toObject());
    else
        in.result = o.value(QStringLiteral("result"));
    return in;
}

QByteArray encodeLine(const QJsonValue &value)
{
    QByteArray line = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                      : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

QByteArray encodeRequest(const QJsonValue &id, const QString &method, const QJsonObject &params)
{
    QJsonObject o{{kJsonRpc, QStringLiteral("2.0")}, {kMethod, method}};
    if (!id.isUndefined())
        o.insert(kId, id);
    if (!params.isEmpty())
        o.insert(kParams, params);
    return encodeLine(o);
}

QJsonObject resultObject(const QJsonValue &id, const QJsonValue &result)
{
    return {{kJsonRpc, QStringLiteral("2.0")}, {kId, id}, {QStringLiteral("result"), result}};
}

QJsonObject errorObject(const QJsonValue &id, const RpcError &error)
{
    return {{kJsonRpc, QStringLiteral("2.0")}, {kId, id}, {QStringLiteral("error"), error.toJson()}};
}

QByteArray encodeResult(const QJsonValue &id, const QJsonValue &result)
{
    return encodeLine(resultObject(id, result));
}

QByteArray encodeError(const QJsonValue &id, const RpcError &error)
{
    return encodeLine(errorObject(id, error));
}

QByteArray encodeNotification(const QString &method, const QJsonObject &params)
{
    return encodeRequest(QJsonValue::Undefined, method, params);
}

} // namespace common::control
