// Strict reading of a request's params: declared keys only (an unknown key is refused so a
// typo never passes silently), typed accessors, and the first problem kept as a JSON-RPC
// InvalidParams error naming the field.
// Security: every value read here comes from the peer.
#pragma once

#include <control/errorcode.h>

#include <QJsonObject>
#include <QStringList>
#include <initializer_list>
#include <optional>

namespace maild::control {

using common::control::RpcError;

class Params
{
public:
    Params(const QJsonObject &params, std::initializer_list<const char *> allowed);

    QString requiredString(const char *key, int maxLength = 4096);
    std::optional<QString> optionalString(const char *key, int maxLength = 4096);
    std::optional<qint64> optionalInt(const char *key, qint64 min, qint64 max);
    std::optional<bool> optionalBool(const char *key);
    std::optional<QJsonObject> optionalObject(const char *key);
    std::optional<QStringList> optionalStringList(const char *key, int maxItems = 1000);

    bool has(const char *key) const { return m_params.contains(QLatin1String(key)); }
    const std::optional<RpcError> &error() const { return m_error; }
    bool ok() const { return !m_error; }

private:
    void fail(const char *key, const QString &reason);

    QJsonObject m_params;
    std::optional<RpcError> m_error;
};

} // namespace maild::control
