// One daemon setting as the control protocol shows it: value, default, type and limits,
// and where the value comes from. JSON form: docs/control-protocol.md, "Setting".
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <optional>

namespace common::model {

enum class SettingType { String, Int, Bool, Choice, List };
enum class SettingSource { Default, Stored, CommandLine };

QString toString(SettingType t);
QString toString(SettingSource s);

struct SettingInfo
{
    QString key;
    SettingType type = SettingType::String;
    QJsonValue value;
    QJsonValue defaultValue;
    QString description;
    QStringList choices; // Choice
    qint64 min = 0;      // Int
    qint64 max = 0;      // Int
    SettingSource source = SettingSource::Default;

    QJsonObject toJson() const;
    static SettingInfo fromJson(const QJsonObject &o);
};

} // namespace common::model
