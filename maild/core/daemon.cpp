// The daemon's startup, shutdown and reload (see daemon.h).
#include "core/daemon.h"

#include "auth/addressresolver.h"
#include "auth/authenticator.h"
#include "control/controlserver.h"
#include "core/coresettings.h"
#include "core/datadir.h"
#include "core/logger.h"
#include "core/privileges.h"
#include "core/serviceregistry.h"
#include "core/settings.h"
#include "core/statistics.h"
#include "core/unixsignals.h"
#include "dns/dnsresolver.h"
#include "dns/dnssettings.h"
#include "mx/mxservice.h"
#include "mailstore/mailstore.h"
#include "imap/imapservice.h"
#include "imap/imapsettings.h"
#include "imap/messagesummary.h"
#include "pop3/pop3service.h"
#include "pop3/pop3settings.h"
#include "smtp/smtpservice.h"
#include "smtp/smtpsettings.h"
#include "store/accountstore.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/settingstable.h"
#include "tls/certstore.h"

#include <crypto/passwordhash.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

namespace maild::core {

Daemon::Daemon(DaemonOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_logger(std::make_unique<Logger>()),
      m_settings(std::make_unique<Settings>(m_options.profile))
{
    m_logger->setEchoToStderr(!m_options.quiet);
    defineCoreSettings(*m_settings, m_options.weakPasswordHashing);
    smtp::defineSmtpSettings(*m_settings);
    pop3::definePop3Settings(*m_settings);
    dns::defineDnsSettings(*m_settings);
    imap::defineImapSettings(*m_settings);
    m_settings->define({QStringLiteral("smtp.enabled"), SettingType::Bool, QStringLiteral("Start the SMTP service with the daemon"),
                        true, QJsonValue::Undefined, {}, 0, 0, {}});
    m_services = std::make_unique<ServiceRegistry>(*m_settings);
}

Daemon::~Daemon()
{
    if (m_services) {
        m_services->stopAll();
        m_control.reset();
        m_services->deleteSessions(); // they use the mail store and the other members below
    }
    m_control.reset();
    if (m_mailStore)
        m_mailStore->stop();
}

void Daemon::registerServices()
{
    m_services->add(new smtp::SmtpService(*m_context));
    m_services->add(new pop3::Pop3Service(*m_context));
    m_services->add(new imap::ImapService(*m_context));
}

QString Daemon::loadSettings()
{
    if (!m_options.configFile.isEmpty()) {
        QFile file(m_options.configFile);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read the config file %1: %2").arg(m_options.configFile, file.errorString());
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &err);
        if (!doc.isObject())
            return QStringLiteral("%1 is not a JSON object of settings: %2").arg(m_options.configFile, err.errorString());
        if (const QString e = m_settings->setConfigDefaults(doc.object()); !e.isEmpty())
            return QStringLiteral("%1: %2").arg(m_options.configFile, e);
    }
    if (!m_options.listen.isEmpty()) {
        if (const QString e = m_settings->setOverride(QStringLiteral("listen.addresses"),
                                                      QJsonArray::fromStringList(m_options.listen));
            !e.isEmpty())
            return QStringLiteral("--listen: %1").arg(e);
    }
    for (const auto &[key, text] : std::as_const(m_options.overrides)) {
        if (!m_settings->isDefined(key))
            return QStringLiteral("unknown setting %1 on the command line (see settings.get for the list)").arg(key);
        if (const QString e = m_settings->setOverride(key, m_settings->fromText(key, text)); !e.isEmpty())
            return e;
    }
    return {};
}

QString Daemon::check()
{
    if (const QString e = loadSettings(); !e.isEmpty())
        return e;
    DataDir dir(m_options.dataDir);
    if (QFile::exists(dir.database())) {
        QString error;
        auto db = store::Database::open(dir.database(), &error);
        if (!db)
            return error;
        if (store::schemaVersion(*db) > store::latestSchemaVersion())
            return store::migrate(*db); // only reports: a newer schema is never touched
    }
    return {};
}

QString Daemon::start()
{
    if (const QString e = loadSettings(); !e.isEmpty())
        return e;

    UserIds target;
    const bool dropping = !m_options.user.isEmpty();
    QString error;
    if (dropping && !lookupUser(m_options.user, &target, &error))
        return error;

    ::umask(0027);
    // Computed once now, so that the first login of an unknown user costs no more than others.
    (void)common::crypto::dummyHash(passwordIterations(*m_settings));
    if (m_options.weakPasswordHashing)
        logWarning(QStringLiteral("maild"), QStringLiteral("--allow-weak-password-hashing: passwords are hashed with "
                                                           "%1 iterations; for test suites only")
                                                .arg(passwordIterations(*m_settings)));
    m_dataDir = std::make_unique<DataDir>(m_options.dataDir);
    if (QString e = m_dataDir->prepare(target.uid, target.gid); !e.isEmpty())
        return e;
    if (QString e = m_dataDir->lock(); !e.isEmpty())
        return e;

    m_db = store::Database::open(m_dataDir->database(), &error);
    if (!m_db)
        return error;
    if (QString e = store::migrate(*m_db); !e.isEmpty())
        return e;
    m_accounts = std::make_unique<store::AccountStore>(*m_db);
    m_audit = std::make_unique<store::AuditLog>(*m_db);
    m_settingsTable = std::make_unique<store::SettingsTable>(*m_db);
    m_settings->loadStored(*m_settingsTable);

    m_logger->setLevel(common::model::logLevelFromString(m_settings->string(QStringLiteral("log.level")))
                           .value_or(common::model::LogLevel::Info));
    if (m_settings->boolean(QStringLiteral("log.toFile")) && !m_logger->openFile(m_dataDir->logFile(), &error))
        return error;
    connect(m_settings.get(), &Settings::changed, this, [this](const QStringList &keys) {
        if (keys.contains(QStringLiteral("log.level")))
            m_logger->setLevel(common::model::logLevelFromString(m_settings->string(QStringLiteral("log.level")))
                                   .value_or(common::model::LogLevel::Info));
        if (keys.contains(QStringLiteral("log.toFile"))) {
            QString e;
            m_logger->openFile(m_settings->boolean(QStringLiteral("log.toFile")) ? m_dataDir->logFile() : QString(), &e);
        }
    });

    m_context.reset(new Context{*m_settings, *m_services, *m_logger, *m_db, *m_accounts, *m_audit,
                                *m_settingsTable, m_dataDir->root(), m_options.profile,
                                QDateTime::currentDateTimeUtc(), nullptr});
    m_mailStore = std::make_unique<mailstore::MailStore>(m_dataDir->root());
    m_mailStore->setSummarizer(imap::summarizeMessage);
    if (QString e = m_mailStore->start(!m_dataDir->previousRunWasClean()); !e.isEmpty())
        return e;
    m_resolver = std::make_unique<auth::AddressResolver>(*m_accounts, *m_settings);
    m_authenticator = std::make_unique<auth::Authenticator>(*m_context, *m_resolver);
    m_certificates = std::make_unique<tls::CertStore>(m_dataDir->root(), *m_db, *m_settings, QStringList{QStringLiteral("smtp"), QStringLiteral("pop3"), QStringLiteral("imap")});
    if (QString e = m_certificates->start(); !e.isEmpty())
        return e;
    m_context->certificates = m_certificates.get();
    m_context->mailStore = m_mailStore.get();
    m_context->resolver = m_resolver.get();
    m_context->authenticator = m_authenticator.get();
    // A child of the daemon: it outlives the services and sessions that count into it.
    m_context->statistics = new Statistics({}, this);
    m_dns = std::make_unique<dns::DnsResolver>(*m_settings);
    m_mx = std::make_unique<mx::MxService>(*m_db, *m_settings, *m_dns, m_dataDir->root());
    m_context->dns = m_dns.get();
    m_context->mx = m_mx.get();
    m_mx->start();
    registerServices();
    m_control = std::make_unique<control::ControlServer>(*m_context);
    m_context->control = m_control.get();
    connect(m_services.get(), &ServiceRegistry::serviceStateChanged, this, [this](Service *s) {
        m_control->broadcast(QStringLiteral("service.state"), m_services->info(s).toJson());
    });
    // Usage changes with every delivery: tools hear of it at most once a second per account.
    m_usageTimer.setSingleShot(true);
    m_usageTimer.setInterval(1000);
    connect(m_mailStore.get(), &mailstore::MailStore::mailboxChanged, this, [this](const QString &account) {
        m_usageChanged.insert(account);
        if (!m_usageTimer.isActive())
            m_usageTimer.start();
    });
    connect(&m_usageTimer, &QTimer::timeout, this, [this] {
        for (const QString &account : std::exchange(m_usageChanged, {}))
            m_control->broadcast(QStringLiteral("account.changed"),
                                 {{QStringLiteral("name"), account}, {QStringLiteral("change"), QStringLiteral("usage")}});
    });

    m_services->startEnabled();

    if (dropping)
        m_dataDir->chownFiles(target.uid, target.gid);
    // Members of the admin group reach the socket through the run directory: its group is
    // the admin group and its setgid bit gives the socket, made below, the same group.
    if (const group *g = ::getgrnam(m_settings->string(QStringLiteral("control.adminGroup")).toLocal8Bit().constData())) {
        for (const QString &path : {m_dataDir->root(), m_dataDir->runDir()}) {
            if (::chown(QFile::encodeName(path).constData(), uid_t(-1), g->gr_gid) != 0)
                logWarning(QStringLiteral("maild"), QStringLiteral("cannot give %1 to the group %2").arg(path, QString::fromLocal8Bit(g->gr_name)));
        }
        ::chmod(QFile::encodeName(m_dataDir->runDir()).constData(), 02750);
    }
    if (dropping) {
        if (QString e = dropPrivileges(m_options.user, target); !e.isEmpty())
            return e;
    }

    m_signals = std::make_unique<UnixSignals>();
    connect(m_signals.get(), &UnixSignals::terminateRequested, this, &Daemon::shutdown);
    connect(m_signals.get(), &UnixSignals::reloadRequested, this, &Daemon::reload);

    // Last: a tool that can connect finds the daemon completely started, as its final user.
    if (QString e = m_control->listen(m_dataDir->socketPath()); !e.isEmpty())
        return e;

    logInfo(QStringLiteral("maild"),
            QStringLiteral("maild %1 started: profile %2, data directory %3, pid %4%5")
                .arg(QStringLiteral(MAILROOM_VERSION),
                     m_options.profile == common::Profile::System ? QStringLiteral("system") : QStringLiteral("embedded"),
                     m_dataDir->root())
                .arg(QCoreApplication::applicationPid())
                .arg(dropping ? QStringLiteral(", running as %1").arg(m_options.user) : QString()));
    if (m_accounts->adminCount() == 0)
        logNotice(QStringLiteral("maild"),
                  QStringLiteral("no administrator yet: run 'mailctl bootstrap' as root or as the user running maild"));
    return {};
}

void Daemon::shutdown(int signal)
{
    if (m_stopping)
        return;
    m_stopping = true;
    logInfo(QStringLiteral("maild"), QStringLiteral("signal %1: shutting down").arg(signal));
    m_services->stopAll();
    m_control->close();
    // Every session was told goodbye ("* BYE", "421"); the event loop runs on until each has
    // written it and closed, for at most kGoodbyeMs, so a slow client cannot hold the stop.
    constexpr int kGoodbyeMs = 3000, kPollMs = 10;
    auto *drain = new QTimer(this);
    const QDeadlineTimer deadline(kGoodbyeMs);
    connect(drain, &QTimer::timeout, this, [this, drain, deadline] {
        if (m_services->openSessions() > 0 && !deadline.hasExpired())
            return;
        drain->deleteLater();
        finishShutdown();
    });
    drain->start(kPollMs);
}

void Daemon::finishShutdown()
{
    m_services->deleteSessions(); // before the mail store they use goes
    m_mailStore->stop();
    m_dataDir->markCleanShutdown();
    logInfo(QStringLiteral("maild"), QStringLiteral("maild stopped"));
    QCoreApplication::quit();
}

void Daemon::reload()
{
    m_logger->reopen();
    const QStringList changed = m_settings->loadStored(*m_settingsTable);
    if (!changed.isEmpty())
        emit m_settings->changed(changed);
    logInfo(QStringLiteral("maild"), QStringLiteral("SIGHUP: settings reloaded (%1 changed) and log file reopened")
                                         .arg(changed.isEmpty() ? QStringLiteral("none") : changed.join(QStringLiteral(", "))));
}

} // namespace maild::core
