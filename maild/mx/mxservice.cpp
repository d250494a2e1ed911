// MX records: listing, publishing, checking (see mxservice.h).
#include "mx/mxservice.h"

#include "core/logger.h"
#include "core/settings.h"
#include "dns/dnsresolver.h"
#include "mx/mxzone.h"
#include "store/database.h"

#include <QPointer>

namespace maild::mx {

using common::model::MxDomain;
using common::model::MxRecord;

MxService::MxService(store::Database &db, core::Settings &settings, dns::DnsResolver &resolver, const QString &dataDir,
                     QObject *parent)
    : QObject(parent), m_db(db), m_settings(settings), m_resolver(resolver), m_store(db), m_keys(dataDir)
{
    connect(&m_timer, &QTimer::timeout, this, &MxService::checkAll);
    connect(&m_settings, &core::Settings::changed, this, [this](const QStringList &keys) {
        if (keys.contains(QStringLiteral("dns.checkMinutes")))
            restartTimer();
    });
}

MxService::~MxService() = default;

void MxService::start()
{
    restartTimer();
}

void MxService::restartTimer()
{
    const qint64 minutes = m_settings.integer(QStringLiteral("dns.checkMinutes"));
    if (minutes <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::min<qint64>(minutes * 60 * 1000, std::numeric_limits<int>::max())));
}

void MxService::fillIn(MxDomain &d)
{
    d.publishing.hasSecret = m_keys.has(d.domain);
    const QString self = m_settings.string(QStringLiteral("server.hostname")).toLower();
    if (d.records.isEmpty()) {
        d.warnings.append(QStringLiteral("%1 has no MX record: other servers then deliver its mail to the domain's own "
                                         "address, if it has one")
                              .arg(d.domain));
    } else {
        bool namesSelf = false;
        for (const MxRecord &r : std::as_const(d.records))
            namesSelf = namesSelf || r.host.toLower() == self;
        if (!namesSelf)
            d.warnings.append(QStringLiteral("no MX record of %1 names this server (server.hostname is %2)").arg(d.domain, self));
    }
}

std::optional<MxDomain> MxService::domain(const QString &name)
{
    std::optional<MxDomain> d = m_store.domain(name);
    if (d)
        fillIn(*d);
    return d;
}

QList<MxDomain> MxService::domains()
{
    QList<MxDomain> out = m_store.domains();
    for (MxDomain &d : out)
        fillIn(d);
    return out;
}

QString MxService::zoneText(const MxDomain &d)
{
    // Where an address is known: this server's own (specific, not loopback) listen addresses,
    // and what the last check resolved.
    QHash<QString, QList<QHostAddress>> addresses;
    const QString self = m_settings.string(QStringLiteral("server.hostname")).toLower();
    for (const QString &a : m_settings.list(QStringLiteral("listen.addresses"))) {
        const QHostAddress address(a);
        if (!address.isNull() && !address.isLoopback() && address != QHostAddress::AnyIPv4 &&
            address != QHostAddress::AnyIPv6)
            addresses[self].append(address);
    }
    if (const auto it = m_lastChecks.constFind(d.domain.toLower()); it != m_lastChecks.cend()) {
        for (const MxCheckResult::Host &h : it->hosts) {
            for (const QString &a : h.addresses) {
                if (!addresses.value(h.host).contains(QHostAddress(a)))
                    addresses[h.host].append(QHostAddress(a));
            }
        }
    }
    return mx::zoneText(d, addresses);
}

void MxService::publish(const QString &name, QObject *context, std::function<void(const PublishResult &)> done)
{
    QPointer<QObject> guard(context);
    const auto fail = [&](const QString &why) {
        PublishResult r;
        r.error = why;
        QMetaObject::invokeMethod(this, [guard, done, r] { if (guard) done(r); }, Qt::QueuedConnection);
    };
    const std::optional<MxDomain> d = domain(name);
    if (!d)
        return fail(QStringLiteral("%1 is not a local domain").arg(name));
    if (!d->publishing.configured())
        return fail(QStringLiteral("no DNS server is configured for publishing the records of %1 (mx.setPublishing)").arg(name));
    const std::optional<dns::DnsServer> server = dns::DnsServer::parse(d->publishing.server);
    if (!server)
        return fail(QStringLiteral("%1 is not a DNS server address").arg(d->publishing.server));
    if (!d->publishing.hasSecret)
        return fail(QStringLiteral("no TSIG secret is stored for %1 (mx.setPublishing with a secret)").arg(name));
    if (!d->publishing.includeSpf)
        return sendUpdate(*d, {}, guard, std::move(done));
    // The SPF records of the name are replaced one by one: ask the zone's server which exist.
    m_resolver.lookup(
        d->domain, dns::RecordType::Txt, this,
        [this, d = *d, guard, done](const dns::DnsAnswer &a) {
            if (!a.ok()) {
                PublishResult r;
                r.error = QStringLiteral("cannot read the TXT records of %1 from %2: %3").arg(d.domain, a.server, a.error);
                r.status = dns::statusName(a.status);
                r.server = a.server;
                if (guard)
                    done(r);
                return;
            }
            QList<QStringList> spf;
            for (const dns::DnsRecord &r : a.records) {
                if (r.texts.join(QString()).startsWith(QLatin1String("v=spf1"), Qt::CaseInsensitive))
                    spf.append(r.texts);
            }
            sendUpdate(d, spf, guard, done);
        },
        {*server});
}

void MxService::sendUpdate(const MxDomain &d, const QList<QStringList> &existingSpf, QPointer<QObject> guard,
                           std::function<void(const PublishResult &)> done)
{
    const std::optional<QByteArray> secret = m_keys.load(d.domain);
    const dns::DnsServer server = *dns::DnsServer::parse(d.publishing.server);
    const dns::TsigKey key{d.publishing.keyName, secret.value_or(QByteArray())};
    m_resolver.update(server, d.publishing.zone, publishChanges(d, existingSpf), key, this,
                      [this, d, guard, done](const dns::DnsAnswer &a) {
                          PublishResult r;
                          r.status = dns::statusName(a.status);
                          r.server = a.server;
                          r.records = int(d.records.size());
                          if (a.status != dns::DnsStatus::Ok) {
                              r.error = a.error;
                              core::logWarning(QStringLiteral("dns"),
                                               QStringLiteral("publishing the MX records of %1 to %2 failed: %3")
                                                   .arg(d.domain, a.server, a.error));
                          } else {
                              store::Transaction tx(m_db);
                              if (m_store.markPublished(d) || !tx.commit()) {
                                  r.error = QStringLiteral("the DNS server took the update, but it could not be "
                                                           "recorded: %1")
                                                .arg(m_db.lastError());
                              } else {
                                  r.ok = true;
                                  core::logInfo(QStringLiteral("dns"),
                                                QStringLiteral("published %1 MX record(s) of %2 to %3 (zone %4)")
                                                    .arg(d.records.size())
                                                    .arg(d.domain, a.server, d.publishing.zone));
                                  // What the world sees now replaces the last check's view.
                                  check(d.domain, this, {});
                              }
                          }
                          if (guard)
                              done(r);
                      });
}

void MxService::check(const QString &name, QObject *context, std::function<void(const MxCheckResult &)> done)
{
    QPointer<QObject> guard(context);
    std::optional<MxDomain> d = domain(name);
    if (!d) {
        MxCheckResult r;
        r.domain = name;
        r.error = QStringLiteral("%1 is not a local domain").arg(name);
        QMetaObject::invokeMethod(this, [guard, done, r] { if (guard) done(r); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new MxCheck(m_resolver, *d, [this, guard, done](const MxCheckResult &r) {
        m_lastChecks.insert(r.domain.toLower(), r);
        if (!r.warning().isEmpty())
            core::logWarning(QStringLiteral("dns"), r.warning());
        emit checked(r.domain);
        if (guard && done)
            done(r);
    }, this);
    job->start();
}

void MxService::checkAll()
{
    for (const MxDomain &d : m_store.domains()) {
        if (!d.records.isEmpty())
            check(d.domain, this, {});
    }
}

QStringList MxService::warnings() const
{
    QStringList out;
    for (const MxCheckResult &r : m_lastChecks) {
        if (const QString w = r.warning(); !w.isEmpty())
            out.append(w);
    }
    out.sort();
    return out;
}

void MxService::forget(const QString &domain)
{
    m_lastChecks.remove(domain.toLower());
    m_keys.remove(domain);
}

} // namespace maild::mx
