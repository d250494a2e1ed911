// Strict params reader (see params.h).
#include "control/params.h"

#include <QJsonArray>

namespace maild::control {

Params::Params(const QJsonObject &params, std::initializer_list<const char *> allowed) : m_params(params)
{
    for (auto it = params.begin(); it != params.end(); ++it) {
        bool known = false;
        for (const char *key : allowed)
            known = known || it.key() == QLatin1String(key);
        if (!known) {
            m_error = RpcError::badParam(it.key(), QStringLiteral("unknown parameter"));
            return;
        }
    }
}

void Params::fail(const char *key, const QString &reason)
{
    if (!m_error)
        m_error = RpcError::badParam(QLatin1String(key), reason);
}

QString Params::requiredString(const char *key, int maxLength)
{
    if (!has(key)) {
        fail(key, QStringLiteral("missing"));
        return {};
    }
    return optionalString(key, maxLength).value_or(QString());
}

std::optional<QString> Params::optionalString(const char *key, int maxLength)
{
    const QJsonValue v = m_params.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isString()) {
        fail(key, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    if (v.toString().size() > maxLength) {
        fail(key, QStringLiteral("must be at most %1 characters").arg(maxLength));
        return std::nullopt;
    }
    if (v.toString().contains(QChar(0))) {
        fail(key, QStringLiteral("may not contain NUL characters"));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<qint64> Params::optionalInt(const char *key, qint64 min, qint64 max)
{
    const QJsonValue v = m_params.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble() || v.toDouble() != double(v.toInteger())) {
        fail(key, QStringLiteral("must be a whole number"));
        return std::nullopt;
    }
    const qint64 n = v.toInteger();
    if (n < min || n > max) {
        fail(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> Params::optionalBool(const char *key)
{
    const QJsonValue v = m_params.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool()) {
        fail(key, QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<QJsonObject> Params::optionalObject(const char *key)
{
    const QJsonValue v = m_params.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isObject()) {
        fail(key, QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QStringList> Params::optionalStringList(const char *key, int maxItems)
{
    const QJsonValue v = m_params.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isArray() || v.toArray().size() > maxItems) {
        fail(key, QStringLiteral("must be a list of at most %1 strings").arg(maxItems));
        return std::nullopt;
    }
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString() || item.toString().size() > 4096) {
            fail(key, QStringLiteral("must be a list of strings"));
            return std::nullopt;
        }
        if (item.toString().contains(QChar(0))) {
            fail(key, QStringLiteral("may not contain NUL characters"));
            return std::nullopt;
        }
        out.append(item.toString());
    }
    return out;
}

} // namespace maild::control
