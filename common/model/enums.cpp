// Wire names of the model's enumerations.
#include "model/enums.h"

#include <array>
#include <utility>

namespace common::model {

namespace {

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E v)
{
    for (const auto &[value, name] : table) {
        if (value == v)
            return QString::fromLatin1(name);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &s)
{
    for (const auto &[value, name] : table) {
        if (s == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
QStringList namesOf(const std::array<std::pair<E, const char *>, N> &table)
{
    QStringList out;
    for (const auto &entry : table)
        out.append(QString::fromLatin1(entry.second));
    return out;
}

constexpr std::array<std::pair<MailState, const char *>, 3> kMailStates{{
    {MailState::Enabled, "enabled"}, {MailState::Disabled, "disabled"}, {MailState::Forward, "forward"}}};
constexpr std::array<std::pair<MailAccess, const char *>, 3> kMailAccess{{
    {MailAccess::Both, "both"}, {MailAccess::PopOnly, "pop"}, {MailAccess::ImapOnly, "imap"}}};
constexpr std::array<std::pair<ServiceState, const char *>, 3> kServiceStates{{
    {ServiceState::Stopped, "stopped"}, {ServiceState::Running, "running"}, {ServiceState::Failed, "failed"}}};
constexpr std::array<std::pair<LogLevel, const char *>, 5> kLogLevels{{
    {LogLevel::Debug, "debug"}, {LogLevel::Info, "info"}, {LogLevel::Notice, "notice"},
    {LogLevel::Warning, "warning"}, {LogLevel::Error, "error"}}};

} // namespace

QString toString(MailState v) { return nameOf(kMailStates, v); }
QString toString(MailAccess v) { return nameOf(kMailAccess, v); }
QString toString(ServiceState v) { return nameOf(kServiceStates, v); }
QString toString(LogLevel v) { return nameOf(kLogLevels, v); }

std::optional<MailState> mailStateFromString(const QString &s) { return valueOf(kMailStates, s); }
std::optional<MailAccess> mailAccessFromString(const QString &s) { return valueOf(kMailAccess, s); }
std::optional<ServiceState> serviceStateFromString(const QString &s) { return valueOf(kServiceStates, s); }
std::optional<LogLevel> logLevelFromString(const QString &s) { return valueOf(kLogLevels, s); }

QStringList mailStateNames() { return namesOf(kMailStates); }
QStringList mailAccessNames() { return namesOf(kMailAccess); }
QStringList logLevelNames() { return namesOf(kLogLevels); }

} // namespace common::model
