// Settings definitions, sources and validation (see settings.h).
#include "core/settings.h"

#include "store/settingstable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace maild::core {

using common::model::SettingSource;

Settings::Settings(common::Profile profile, QObject *parent) : QObject(parent), m_profile(profile) {}

void Settings::define(SettingDef def)
{
    const QString key = def.key;
    m_defs.insert(key, std::move(def));
}

QStringList Settings::keys() const
{
    QStringList out = m_defs.keys();
    std::sort(out.begin(), out.end());
    return out;
}

QJsonValue Settings::defaultOf(const SettingDef &def) const
{
    if (m_configDefaults.contains(def.key))
        return m_configDefaults.value(def.key);
    if (m_profile == common::Profile::System && !def.systemDefault.isUndefined())
        return def.systemDefault;
    return def.embeddedDefault;
}

std::optional<QString> Settings::check(const QString &key, const QJsonValue &value) const
{
    const auto it = m_defs.constFind(key);
    if (it == m_defs.cend())
        return QStringLiteral("no such setting");
    const SettingDef &def = *it;
    switch (def.type) {
    case SettingType::String:
        if (!value.isString())
            return QStringLiteral("must be a string");
        if (value.toString().size() > 4096)
            return QStringLiteral("must be at most 4096 characters");
        break;
    case SettingType::Int: {
        if (!value.isDouble() || value.toDouble() != double(value.toInteger()))
            return QStringLiteral("must be a whole number");
        const qint64 v = value.toInteger();
        if (v < def.min || v > def.max)
            return QStringLiteral("must be between %1 and %2").arg(def.min).arg(def.max);
        break;
    }
    case SettingType::Bool:
        if (!value.isBool())
            return QStringLiteral("must be true or false");
        break;
    case SettingType::Choice:
        if (!value.isString() || !def.choices.contains(value.toString()))
            return QStringLiteral("must be one of: %1").arg(def.choices.join(QStringLiteral(", ")));
        break;
    case SettingType::List:
        if (!value.isArray())
            return QStringLiteral("must be a list of strings");
        if (value.toArray().size() > 1000)
            return QStringLiteral("must have at most 1000 entries");
        for (const QJsonValue &v : value.toArray()) {
            if (!v.isString() || v.toString().isEmpty())
                return QStringLiteral("must be a list of non-empty strings");
        }
        break;
    }
    if (def.validate)
        return def.validate(value);
    return std::nullopt;
}

QJsonValue Settings::fromText(const QString &key, const QString &text) const
{
    const auto it = m_defs.constFind(key);
    const SettingType type = it == m_defs.cend() ? SettingType::String : it->type;
    switch (type) {
    case SettingType::String:
    case SettingType::Choice:
        return text;
    case SettingType::List: {
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (doc.isArray())
            return doc.array();
        QJsonArray items;
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            items.append(part.trimmed());
        return items;
    }
    case SettingType::Int: {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        return ok ? QJsonValue(v) : QJsonValue(text);
    }
    case SettingType::Bool:
        if (text == QLatin1String("true") || text == QLatin1String("yes") || text == QLatin1String("on"))
            return true;
        if (text == QLatin1String("false") || text == QLatin1String("no") || text == QLatin1String("off"))
            return false;
        return text;
    }
    return text;
}

QString Settings::setConfigDefaults(const QJsonObject &values)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (std::optional<QString> reason = check(it.key(), it.value()))
            return it.key() + QStringLiteral(": ") + *reason;
    }
    for (auto it = values.begin(); it != values.end(); ++it)
        m_configDefaults.insert(it.key(), it.value());
    return {};
}

QString Settings::setOverride(const QString &key, const QJsonValue &value)
{
    if (std::optional<QString> reason = check(key, value))
        return key + QStringLiteral(": ") + *reason;
    m_overrides.insert(key, value);
    return {};
}

QStringList Settings::loadStored(store::SettingsTable &table)
{
    QHash<QString, QJsonValue> before;
    for (const QString &key : keys())
        before.insert(key, value(key));
    const QHash<QString, QJsonValue> stored = table.loadAll();
    m_stored.clear();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        // A stored value that no longer passes (e.g. written by another version) is ignored.
        if (!check(it.key(), it.value()))
            m_stored.insert(it.key(), it.value());
    }
    QStringList changedKeys;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (value(it.key()) != it.value())
            changedKeys.append(it.key());
    }
    return changedKeys;
}

std::optional<Settings::Refusal> Settings::store(const QJsonObject &values, store::SettingsTable &table)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!m_defs.contains(it.key()))
            return Refusal{it.key(), QStringLiteral("no such setting")};
        if (std::optional<QString> reason = check(it.key(), it.value()))
            return Refusal{it.key(), *reason};
        if (m_overrides.contains(it.key()))
            return Refusal{it.key(), QStringLiteral("fixed on maild's command line for this run; change it there"), true};
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!table.store(it.key(), it.value()))
            return Refusal{it.key(), QStringLiteral("the database refused the change")};
    }
    QStringList changedKeys;
    for (auto it = values.begin(); it != values.end(); ++it) {
        m_stored.insert(it.key(), it.value());
        changedKeys.append(it.key());
    }
    emit changed(changedKeys);
    return std::nullopt;
}

QJsonValue Settings::value(const QString &key) const
{
    if (auto it = m_overrides.constFind(key); it != m_overrides.cend())
        return *it;
    if (auto it = m_stored.constFind(key); it != m_stored.cend())
        return *it;
    const auto def = m_defs.constFind(key);
    return def == m_defs.cend() ? QJsonValue() : defaultOf(*def);
}

QStringList Settings::list(const QString &key) const
{
    QStringList out;
    for (const QJsonValue &v : value(key).toArray())
        out.append(v.toString());
    return out;
}

SettingInfo Settings::info(const QString &key) const
{
    const SettingDef def = m_defs.value(key);
    SettingInfo s;
    s.key = key;
    s.type = def.type;
    s.value = value(key);
    s.defaultValue = defaultOf(def);
    s.description = def.description;
    s.choices = def.choices;
    s.min = def.min;
    s.max = def.max;
    s.source = m_overrides.contains(key) ? SettingSource::CommandLine
               : m_stored.contains(key)  ? SettingSource::Stored
                                         : SettingSource::Default;
    return s;
}

} // namespace maild::core
