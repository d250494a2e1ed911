// Core setting definitions (see coresettings.h).
#include "core/coresettings.h"

#include "core/settings.h"

#include <crypto/passwordhash.h>
#include <model/enums.h>
#include <validation/validation.h>

#include <QHostAddress>
#include <QHostInfo>
#include <QJsonArray>

namespace maild::core {

namespace {

std::optional<QString> checkHostName(const QJsonValue &v)
{
    return common::validation::checkDomainName(v.toString());
}

std::optional<QString> checkAddresses(const QJsonValue &v)
{
    if (v.toArray().isEmpty())
        return QStringLiteral("needs at least one address");
    for (const QJsonValue &a : v.toArray()) {
        if (QHostAddress(a.toString()).isNull())
            return QStringLiteral("%1 is not an IPv4 or IPv6 address").arg(a.toString());
    }
    return std::nullopt;
}

std::optional<QString> checkGroupName(const QJsonValue &v)
{
    for (QChar c : v.toString()) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'.')
            return QStringLiteral("a group name may contain only letters, digits, '-', '_' and '.'");
    }
    return std::nullopt;
}

QString defaultHostName()
{
    const QString host = QHostInfo::localHostName().toLower();
    return common::validation::checkDomainName(host) ? QStringLiteral("localhost") : host;
}

} // namespace

void defineCoreSettings(Settings &s, bool weakPasswordHashing)
{
    s.define({QStringLiteral("auth.passwordIterations"), SettingType::Int,
              QStringLiteral("PBKDF2-HMAC-SHA256 iterations for passwords set from now on (each stored hash keeps "
                             "the count it was made with); at least 100000"),
              common::crypto::kDefaultIterations, QJsonValue::Undefined, {}, common::crypto::kMinIterations,
              10000000, [weakPasswordHashing](const QJsonValue &v) -> std::optional<QString> {
                  if (weakPasswordHashing || v.toInteger() >= common::crypto::kIterationFloor)
                      return std::nullopt;
                  return QStringLiteral("must be at least %1 (lower only for a test suite, with maild "
                                        "--allow-weak-password-hashing)")
                      .arg(common::crypto::kIterationFloor);
              }});
    s.define({QStringLiteral("server.hostname"), SettingType::String,
              QStringLiteral("The server's host name: greeting banners, Received: headers, certificates"),
              defaultHostName(), QJsonValue::Undefined, {}, 0, 0, checkHostName});
    s.define({QStringLiteral("listen.addresses"), SettingType::List,
              QStringLiteral("IP addresses the mail services listen on"),
              QJsonArray{QStringLiteral("127.0.0.1"), QStringLiteral("::1")},
              QJsonArray{QStringLiteral("0.0.0.0"), QStringLiteral("::")}, {}, 0, 0, checkAddresses});
    s.define({QStringLiteral("log.level"), SettingType::Choice, QStringLiteral("The least important level that is logged"),
              QStringLiteral("info"), QJsonValue::Undefined, common::model::logLevelNames(), 0, 0, {}});
    s.define({QStringLiteral("log.toFile"), SettingType::Bool, QStringLiteral("Write the log to <data>/log/maild.log"),
              true, QJsonValue::Undefined, {}, 0, 0, {}});
    s.define({QStringLiteral("control.adminGroup"), SettingType::String,
              QStringLiteral("Members of this Unix group may use the control socket (besides root and the daemon's user)"),
              QStringLiteral("mailroom-admin"), QJsonValue::Undefined, {}, 0, 0, checkGroupName});
    s.define({QStringLiteral("control.maxFrameBytes"), SettingType::Int,
              QStringLiteral("Longest control request accepted, in bytes"), 1024 * 1024, QJsonValue::Undefined, {},
              4096, 64 * 1024 * 1024, {}});
    s.define({QStringLiteral("control.loginFailuresBeforeLockout"), SettingType::Int,
              QStringLiteral("Failed administrator logins before the name is locked for a while"), 5,
              QJsonValue::Undefined, {}, 1, 100, {}});
    s.define({QStringLiteral("tls.defaultCertificate"), SettingType::String,
              QStringLiteral("The certificate of services that have none assigned"), QStringLiteral("default"),
              QJsonValue::Undefined, {}, 0, 0, [](const QJsonValue &v) -> std::optional<QString> {
                  if (auto problem = common::validation::checkShortName(v.toString()))
                      return QStringLiteral("not a certificate name: %1").arg(*problem);
                  return std::nullopt;
              }});
    s.define({QStringLiteral("auth.failuresBeforeLockout"), SettingType::Int,
              QStringLiteral("Failed mail logins (SMTP, POP3, IMAP) before the name is locked for a while"), 5,
              QJsonValue::Undefined, {}, 1, 100, {}});
    s.define({QStringLiteral("auth.lockoutSeconds"), SettingType::Int,
              QStringLiteral("First lockout after failed mail logins, in seconds (doubles each time, at most an hour)"),
              30, QJsonValue::Undefined, {}, 1, 3600, {}});
    s.define({QStringLiteral("quota.warnPercent"), SettingType::Int,
              QStringLiteral("Usage, in percent of the quota, at which an account is shown as nearly full; "
                             "the threshold new accounts get unless one is given"),
              90, QJsonValue::Undefined, {}, 1, 100, {}});
    s.define({QStringLiteral("auth.cacheSeconds"), SettingType::Int,
              QStringLiteral("How long a verified mail password is remembered (as a keyed hash, in memory) so that "
                             "clients that reconnect often skip the slow hash; 0: never"),
              3600, QJsonValue::Undefined, {}, 0, 86400, {}});
    s.define({QStringLiteral("control.loginLockoutSeconds"), SettingType::Int,
              QStringLiteral("First lockout after failed logins, in seconds (doubles each time, at most an hour)"), 30,
              QJsonValue::Undefined, {}, 1, 3600, {}});
}

int passwordIterations(const Settings &settings)
{
    return int(settings.integer(QStringLiteral("auth.passwordIterations")));
}

} // namespace maild::core
