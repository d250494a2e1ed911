// The small enumerations of the model (mail state, mail access, service state, log level)
// and their stable wire names. Unknown names parse to std::nullopt, never a default.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace common::model {

enum class MailState { Enabled, Disabled, Forward };
enum class MailAccess { Both, PopOnly, ImapOnly };
enum class ServiceState { Stopped, Running, Failed };
enum class LogLevel { Debug, Info, Notice, Warning, Error };

QString toString(MailState v);
QString toString(MailAccess v);
QString toString(ServiceState v);
QString toString(LogLevel v);

std::optional<MailState> mailStateFromString(const QString &s);
std::optional<MailAccess> mailAccessFromString(const QString &s);
std::optional<ServiceState> serviceStateFromString(const QString &s);
std::optional<LogLevel> logLevelFromString(const QString &s);

QStringList mailStateNames();
QStringList mailAccessNames();
QStringList logLevelNames();

} // namespace common::model
