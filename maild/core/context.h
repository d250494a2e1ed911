// What the control handlers (and later the protocol services) can reach of the running
// daemon: settings, services, the store, the logger, and facts about this instance.
// Owned by Daemon; handlers receive it by reference.
#pragma once

#include "paths.h"

#include <QDateTime>
#include <QString>

namespace maild::store {
class Database;
class AccountStore;
class AuditLog;
class SettingsTable;
} // namespace maild::store

namespace maild::control {
class ControlServer;
}
namespace maild::mailstore {
class MailStore;
}
namespace maild::tls {
class CertStore;
}
namespace maild::auth {
class AddressResolver;
class Authenticator;
} // namespace maild::auth
namespace maild::dns {
class DnsResolver;
}
namespace maild::mx {
class MxService;
}

namespace maild::core {

class Settings;
class ServiceRegistry;
class Logger;
class Statistics;

struct Context
{
    Settings &settings;
    ServiceRegistry &services;
    Logger &logger;
    store::Database &db;
    store::AccountStore &accounts;
    store::AuditLog &audit;
    store::SettingsTable &settingsTable;
    QString dataDir;
    common::Profile profile;
    QDateTime startedAt;
    control::ControlServer *control = nullptr;
    mailstore::MailStore *mailStore = nullptr;
    auth::AddressResolver *resolver = nullptr;
    auth::Authenticator *authenticator = nullptr;
    tls::CertStore *certificates = nullptr;
    Statistics *statistics = nullptr; // traffic figures for stats.get; may be null in tests
    dns::DnsResolver *dns = nullptr;
    mx::MxService *mx = nullptr;
};

} // namespace maild::core
