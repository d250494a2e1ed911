// The daemon's settings: each key is defined once (type, limits, description, default per
// profile, an optional validator) by the component that uses it; values come from, in
// rising precedence, the definition's default, the --config file, the database, and the
// command line. settings.set validates every value before storing any.
#pragma once

#include "paths.h"

#include <model/setting.h>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <functional>
#include <optional>

namespace maild::store {
class SettingsTable;
}

namespace maild::core {

using common::model::SettingInfo;
using common::model::SettingType;

struct SettingDef
{
    QString key;
    SettingType type = SettingType::String;
    QString description;
    QJsonValue embeddedDefault;
    QJsonValue systemDefault; // Undefined: same as embeddedDefault
    QStringList choices;
    qint64 min = 0;
    qint64 max = 0;
    // Extra check after the type check: returns the reason when the value is refused.
    std::function<std::optional<QString>(const QJsonValue &)> validate;
};

class Settings : public QObject
{
    Q_OBJECT
public:
    explicit Settings(common::Profile profile, QObject *parent = nullptr);

    void define(SettingDef def);
    bool isDefined(const QString &key) const { return m_defs.contains(key); }
    QStringList keys() const;

    // Checks a value against the key's definition; the reason when refused.
    std::optional<QString> check(const QString &key, const QJsonValue &value) const;
    // Parses text from the command line or config (JSON when it parses, else a string) into
    // the key's type.
    QJsonValue fromText(const QString &key, const QString &text) const;

    // Sources. Each returns the first refused "key: reason", or empty on success.
    QString setConfigDefaults(const QJsonObject &values);
    QString setOverride(const QString &key, const QJsonValue &value);
    // Re-reads the stored values; returns the keys whose effective value changed.
    QStringList loadStored(store::SettingsTable &table);
    bool isOverridden(const QString &key) const { return m_overrides.contains(key); }

    // Validated change of stored values, all or nothing; writes through table (caller owns the
    // transaction). On refusal returns {key, reason}.
    struct Refusal
    {
        QString key;
        QString reason;
        bool conflict = false; // fixed on the command line
    };
    std::optional<Refusal> store(const QJsonObject &values, store::SettingsTable &table);

    QJsonValue value(const QString &key) const;
    QString string(const QString &key) const { return value(key).toString(); }
    qint64 integer(const QString &key) const { return value(key).toInteger(); }
    bool boolean(const QString &key) const { return value(key).toBool(); }
    QStringList list(const QString &key) const;
    SettingInfo info(const QString &key) const;

signals:
    void changed(const QStringList &keys);

private:
    QJsonValue defaultOf(const SettingDef &def) const;

    common::Profile m_profile;
    QHash<QString, SettingDef> m_defs;
    QHash<QString, QJsonValue> m_configDefaults;
    QHash<QString, QJsonValue> m_stored;
    QHash<QString, QJsonValue> m_overrides;
};

} // namespace maild::core
