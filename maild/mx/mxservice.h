// The administrator's MX records: what is configured for each local domain (maild.db, with
// warnings), the zone fragment to publish by hand, publishing to the zone's primary server
// (RFC 2136 update signed with the domain's TSIG key), and checking what DNS answers — on
// demand and every dns.checkMinutes, with server.status warnings while a check finds a
// difference. Owned by the daemon; the mx.* control handlers call it.
#pragma once

#include "dns/tsigkeyfiles.h"
#include "mx/mxcheck.h"
#include "store/mxstore.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace maild::core {
class Settings;
}
namespace maild::store {
class Database;
}
namespace maild::dns {
class DnsResolver;
}

namespace maild::mx {

struct PublishResult
{
    bool ok = false;
    QString error;  // the DNS server's refusal (REFUSED, NOTAUTH, BADSIG, BADKEY...) or why nothing was sent
    QString status; // "NOERROR", "REFUSED", "BADKEY", "timeout"...
    QString server;
    int records = 0; // MX records sent
};

class MxService : public QObject
{
    Q_OBJECT
public:
    MxService(store::Database &db, core::Settings &settings, dns::DnsResolver &resolver, const QString &dataDir,
              QObject *parent = nullptr);
    ~MxService() override;

    // Starts the periodic check (dns.checkMinutes; the first one after that long, never at
    // start, so that a daemon that is only started and stopped asks no DNS server).
    void start();

    store::MxStore &records() { return m_store; }
    dns::TsigKeyFiles &keys() { return m_keys; }
    // A domain as the tools see it: records, publishing (hasSecret), warnings.
    std::optional<common::model::MxDomain> domain(const QString &name);
    QList<common::model::MxDomain> domains();
    QString zoneText(const common::model::MxDomain &domain);

    // Sends the domain's records to its zone's primary server; done runs on the event loop
    // unless context is gone. On success the records are marked published.
    void publish(const QString &domain, QObject *context, std::function<void(const PublishResult &)> done);
    void check(const QString &domain, QObject *context, std::function<void(const MxCheckResult &)> done);
    // Sentences for server.status: every domain whose last check found a difference.
    QStringList warnings() const;
    // A local domain was removed: its key file and last check go too.
    void forget(const QString &domain);

signals:
    void checked(const QString &domain);

private:
    void fillIn(common::model::MxDomain &domain);
    void checkAll();
    void restartTimer();
    void sendUpdate(const common::model::MxDomain &domain, const QList<QStringList> &existingSpf,
                    QPointer<QObject> guard, std::function<void(const PublishResult &)> done);

    store::Database &m_db;
    core::Settings &m_settings;
    dns::DnsResolver &m_resolver;
    store::MxStore m_store;
    dns::TsigKeyFiles m_keys;
    QHash<QString, MxCheckResult> m_lastChecks;
    QTimer m_timer;
};

} // namespace maild::mx
