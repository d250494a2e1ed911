// The daemon: owns every component and runs the startup sequence — data directory and lock,
// database and migrations, settings from every source, log file, control socket, services,
// then the privilege drop — and the clean shutdown (SIGTERM) and reload (SIGHUP).
#pragma once

#include "core/context.h"
#include "core/options.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

namespace maild::mailstore {
class MailStore;
}
namespace maild::auth {
class AddressResolver;
class Authenticator;
} // namespace maild::auth

namespace maild::tls {
class CertStore;
}
namespace maild::dns {
class DnsResolver;
}
namespace maild::mx {
class MxService;
}

namespace maild::store {
class Database;
class AccountStore;
class AuditLog;
class SettingsTable;
} // namespace maild::store

namespace maild::core {

class DataDir;
class Logger;
class ServiceRegistry;
class Settings;
class UnixSignals;

class Daemon : public QObject
{
    Q_OBJECT
public:
    explicit Daemon(DaemonOptions options, QObject *parent = nullptr);
    ~Daemon() override;

    // Runs the startup sequence. Returns an error sentence (the daemon must exit 1) or "".
    QString start();
    // --check: validates options, config and settings without taking the instance.
    QString check();
    void shutdown(int signal);
    void finishShutdown();
    void reload();

private:
    QString loadSettings();
    void registerServices();

    DaemonOptions m_options;
    std::unique_ptr<Logger> m_logger;
    std::unique_ptr<DataDir> m_dataDir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::AccountStore> m_accounts;
    std::unique_ptr<store::AuditLog> m_audit;
    std::unique_ptr<store::SettingsTable> m_settingsTable;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ServiceRegistry> m_services;
    std::unique_ptr<Context> m_context;
    std::unique_ptr<mailstore::MailStore> m_mailStore;
    std::unique_ptr<auth::AddressResolver> m_resolver;
    std::unique_ptr<auth::Authenticator> m_authenticator;
    std::unique_ptr<tls::CertStore> m_certificates;
    std::unique_ptr<dns::DnsResolver> m_dns;
    std::unique_ptr<mx::MxService> m_mx;
    std::unique_ptr<control::ControlServer> m_control;
    std::unique_ptr<UnixSignals> m_signals;
    // Accounts whose usage changed since the last account.changed "usage" notification.
    bool m_stopping = false;
    QSet<QString> m_usageChanged;
    QTimer m_usageTimer;
};

} // namespace maild::core
