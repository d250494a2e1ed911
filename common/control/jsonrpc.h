// JSON-RPC 2.0 messages of the control protocol: decoding one frame into requests (or a
// batch), and encoding requests, results, errors and notifications as compact lines.
// Security: frames come from a local peer that may be hostile; decoding never throws and
// turns every malformed input into a JSON-RPC error value.
#pragma once

#include "control/errorcode.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <variant>

namespace common::control {

struct Request
{
    QJsonValue id; // Undefined for a notification
    QString method;
    QJsonObject params;
    bool isNotification() const { return id.isUndefined(); }
};

// One element of a decoded frame: a request, or the error to answer for it.
struct Decoded
{
    std::variant<Request, RpcError> value;
    QJsonValue id; // the id to answer with when value holds an error (may be null)
    bool ok() const { return std::holds_alternative<Request>(value); }
    const Request &request() const { return std::get<Request>(value); }
    const RpcError &error() const { return std::get<RpcError>(value); }
};

struct DecodedFrame
{
    bool isBatch = false;
    QList<Decoded> items; // one item unless isBatch
};

// Decodes a frame sent to the daemon.
DecodedFrame decodeRequestFrame(const QByteArray &frame);

// A message received by a client: a response (id + result or error) or a notification.
struct Incoming
{
    enum class Kind { Response, Notification, Invalid } kind = Kind::Invalid;
    QJsonValue id;
    QJsonValue result;
    std::optional<RpcError> error;
    QString method;     // notifications
    QJsonObject params; // notifications
};
Incoming decodeIncoming(const QByteArray &frame);

QByteArray encodeRequest(const QJsonValue &id, const QString &method, const QJsonObject &params);
QByteArray encodeResult(const QJsonValue &id, const QJsonValue &result);
QByteArray encodeError(const QJsonValue &id, const RpcError &error);
QByteArray encodeNotification(const QString &method, const QJsonObject &params);
// The JSON objects behind encodeResult/encodeError, for assembling batch answers.
QJsonObject resultObject(const QJsonValue &id, const QJsonValue &result);
QJsonObject errorObject(const QJsonValue &id, const RpcError &error);
QByteArray encodeLine(const QJsonValue &value);

} // namespace common::control
