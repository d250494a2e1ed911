// JSON form of SettingInfo.
#include "model/setting.h"

#include <QJsonArray>

namespace common::model {

QString toString(SettingType t)
{
    switch (t) {
    case SettingType::String: return QStringLiteral("string");
    case SettingType::Int: return QStringLiteral("int");
    case SettingType::Bool: return QStringLiteral("bool");
    case SettingType::Choice: return QStringLiteral("choice");
    case SettingType::List: return QStringLiteral("list");
    }
    return {};
}

QString toString(SettingSource s)
{
    switch (s) {
    case SettingSource::Default: return QStringLiteral("default");
    case SettingSource::Stored: return QStringLiteral("stored");
    case SettingSource::CommandLine: return QStringLiteral("command-line");
    }
    return {};
}

QJsonObject SettingInfo::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},
                  {QStringLiteral("type"), toString(type)},
                  {QStringLiteral("value"), value},
                  {QStringLiteral("default"), defaultValue},
                  {QStringLiteral("description"), description},
                  {QStringLiteral("source"), toString(source)}};
    if (type == SettingType::Choice)
        o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(choices));
    if (type == SettingType::Int) {
        o.insert(QStringLiteral("min"), min);
        o.insert(QStringLiteral("max"), max);
    }
    return o;
}

SettingInfo SettingInfo::fromJson(const QJsonObject &o)
{
    SettingInfo s;
    s.key = o.value(QStringLiteral("key")).toString();
    const QString type = o.value(QStringLiteral("type")).toString();
    for (SettingType t : {SettingType::String, SettingType::Int, SettingType::Bool,
                          SettingType::Choice, SettingType::List}) {
        if (toString(t) == type)
            s.type = t;
    }
    s.value = o.value(QStringLiteral("value"));
    s.defaultValue = o.value(QStringLiteral("default"));
    s.description = o.value(QStringLiteral("description")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("choices")).toArray())
        s.choices.append(v.toString());
    s.min = o.value(QStringLiteral("min")).toInteger();
    s.max = o.value(QStringLiteral("max")).toInteger();
    const QString source = o.value(QStringLiteral("source")).toString();
    for (SettingSource src : {SettingSource::Default, SettingSource::Stored, SettingSource::CommandLine}) {
        if (toString(src) == source)
            s.source = src;
    }
    return s;
}

} // namespace common::model
