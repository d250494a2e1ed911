// The certificate store (see certstore.h).
#include "tls/certstore.h"

#include "core/durablefile.h"
#include "core/logger.h"
#include "core/settings.h"
#include "store/database.h"
#include "tls/x509.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSslCipher>
#include <QSslKey>
#include <cerrno>
#include <openssl/evp.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace maild::tls {

using store::StoreError;

namespace {

constexpr int kWarnDays = 30;

StoreError invalid(const QString &field, const QString &reason) { return {StoreError::Kind::Invalid, reason, field}; }

QList<QSslCipher> modernCiphers()
{
    QList<QSslCipher> out;
    for (const QSslCipher &c : QSslConfiguration::supportedCiphers()) {
        const QString n = c.name();
        const bool tls13 = n.startsWith(QLatin1String("TLS_"));
        const bool aead = n.contains(QLatin1String("GCM")) || n.contains(QLatin1String("CHACHA20"));
        if (tls13 || (n.startsWith(QLatin1String("ECDHE-")) && aead))
            out.append(c);
    }
    return out;
}

} // namespace

CertStore::CertStore(const QString &dataDir, store::Database &db, core::Settings &settings, QStringList services,
                     QObject *parent)
    : QObject(parent), m_dataDir(dataDir + QStringLiteral("/tls")), m_db(db), m_settings(settings),
      m_services(std::move(services))
{
    connect(&m_settings, &core::Settings::changed, this, [this] { m_cache.clear(); });
    m_expiryTimer.setInterval(12 * 3600 * 1000);
    connect(&m_expiryTimer, &QTimer::timeout, this, &CertStore::checkExpiry);
}

QString CertStore::start()
{
    if (::mkdir(QFile::encodeName(m_dataDir).constData(), 0700) != 0 && errno != EEXIST)
        return QStringLiteral("cannot create %1").arg(m_dataDir);
    store::Statement any(m_db, "SELECT count(*) FROM certificates");
    if (any.next() && any.int64(0) == 0) {
        const QString host = m_settings.string(QStringLiteral("server.hostname"));
        QStringList hosts{host};
        if (host != QLatin1String("localhost"))
            hosts.append(QStringLiteral("localhost"));
        store::Transaction tx(m_db);
        const auto made = createSelfSigned(m_settings.string(QStringLiteral("tls.defaultCertificate")), hosts, 825, false);
        if (const auto *e = std::get_if<StoreError>(&made))
            return QStringLiteral("cannot create the default certificate: %1").arg(e->message);
        if (!tx.commit())
            return QStringLiteral("cannot record the default certificate: %1").arg(m_db.lastError());
        core::logNotice(QStringLiteral("tls"), QStringLiteral("created a self-signed certificate for %1").arg(hosts.join(QStringLiteral(", "))));
    }
    checkExpiry();
    m_expiryTimer.start();
    return {};
}

QString CertStore::dir(const QString &name) const { return m_dataDir + QLatin1Char('/') + name; }

QString CertStore::assigned(const QString &service) const
{
    const QString key = service + QStringLiteral(".certificate");
    const QString name = m_settings.isDefined(key) ? m_settings.string(key) : QString();
    return name.isEmpty() ? m_settings.string(QStringLiteral("tls.defaultCertificate")) : name;
}

QStringList CertStore::usedBy(const QString &name) const
{
    QStringList out;
    for (const QString &service : m_services) {
        if (assigned(service) == name)
            out.append(service);
    }
    return out;
}

bool CertStore::exists(const QString &name)
{
    store::Statement st(m_db, "SELECT 1 FROM certificates WHERE name = ?1");
    st.bind(1, name);
    return st.next();
}

QJsonObject CertStore::describe(const QString &name, const QString &state)
{
    QJsonObject o{{QStringLiteral("name"), name}, {QStringLiteral("state"), state},
                  {QStringLiteral("usedBy"), QJsonArray::fromStringList(usedBy(name))}};
    const std::vector<Cert> chain = readChain(core::readSmallFile(dir(name) + QStringLiteral("/chain.pem")));
    if (chain.empty()) {
        if (Key key = readKey(core::readSmallFile(dir(name) + QStringLiteral("/key.pem"))))
            o.insert(QStringLiteral("keyType"), keyDescription(key.get()));
        return o;
    }
    const Summary s = summarize(chain.front().get());
    o.insert(QStringLiteral("subject"), s.subject);
    o.insert(QStringLiteral("issuer"), s.issuer);
    o.insert(QStringLiteral("sans"), QJsonArray::fromStringList(s.sans));
    o.insert(QStringLiteral("notBefore"), s.notBefore.toString(Qt::ISODate));
    o.insert(QStringLiteral("notAfter"), s.notAfter.toString(Qt::ISODate));
    const qint64 secondsLeft = QDateTime::currentDateTimeUtc().secsTo(s.notAfter);
    // Whole days, rounded down: a certificate that expired a minute ago has -1 days left.
    o.insert(QStringLiteral("daysLeft"), secondsLeft >= 0 ? secondsLeft / 86400 : -1 - (-secondsLeft - 1) / 86400);
    o.insert(QStringLiteral("expired"), secondsLeft < 0);
    o.insert(QStringLiteral("fingerprint"), s.fingerprint);
    o.insert(QStringLiteral("selfSigned"), s.selfSigned);
    o.insert(QStringLiteral("keyType"), s.keyType);
    return o;
}

QList<QJsonObject> CertStore::list()
{
    QList<QJsonObject> out;
    store::Statement st(m_db, "SELECT name, state FROM certificates ORDER BY name");
    while (st.next())
        out.append(describe(st.text(0), st.text(1)));
    return out;
}

std::optional<QJsonObject> CertStore::get(const QString &name, bool details)
{
    store::Statement st(m_db, "SELECT state FROM certificates WHERE name = ?1");
    st.bind(1, name);
    if (!st.next())
        return std::nullopt;
    QJsonObject o = describe(name, st.text(0));
    if (details) {
        o.insert(QStringLiteral("certificatePem"), QString::fromLatin1(core::readSmallFile(dir(name) + QStringLiteral("/chain.pem"))));
        if (st.text(0) == QLatin1String("pending"))
            o.insert(QStringLiteral("csr"), QString::fromLatin1(core::readSmallFile(dir(name) + QStringLiteral("/request.csr"))));
    }
    return o;
}

store::StoreResult CertStore::writeFiles(const QString &name, const QHash<QString, QByteArray> &files, bool replace)
{
    // Written into a fresh folder first, then renamed into place: never half a certificate.
    const QString tmp = m_dataDir + QStringLiteral("/.new-") + QString::number(QRandomGenerator::system()->generate64(), 16);
    const auto failed = [&](const QString &what) {
        QDir(tmp).removeRecursively();
        return StoreError{StoreError::Kind::Storage, QStringLiteral("cannot write %1: %2").arg(what, QString::fromLocal8Bit(strerror(errno))), {}};
    };
    if (::mkdir(QFile::encodeName(tmp).constData(), 0700) != 0)
        return failed(tmp);
    if (replace) {
        for (const QString &f : QDir(dir(name)).entryList(QDir::Files)) {
            if (!files.contains(f) && f != QLatin1String("request.csr") &&
                !QFile::copy(dir(name) + QLatin1Char('/') + f, tmp + QLatin1Char('/') + f))
                return failed(f);
        }
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const mode_t mode = it.key() == QLatin1String("key.pem") ? 0600 : 0644;
        if (!core::writeWholeFile(tmp + QLatin1Char('/') + it.key(), it.value(), mode))
            return failed(it.key());
    }
    if (QFileInfo::exists(dir(name)) && !QDir(dir(name)).removeRecursively())
        return failed(dir(name));
    if (::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(dir(name)).constData()) != 0)
        return failed(dir(name));
    m_cache.clear();
    return std::nullopt;
}

store::StoreResult CertStore::insertRow(const QString &name, const QString &state)
{
    store::Statement st(m_db, "INSERT INTO certificates (name, state, created) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT(name) DO UPDATE SET state = excluded.state");
    st.bind(1, name).bind(2, state).bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!st.exec())
        return StoreError{StoreError::Kind::Storage, QStringLiteral("cannot record the certificate: %1").arg(m_db.lastError()), {}};
    return std::nullopt;
}

std::variant<QJsonObject, StoreError> CertStore::createSelfSigned(const QString &name, const QStringList &hosts,
                                                                  int days, bool rsa)
{
    if (exists(name))
        return StoreError{StoreError::Kind::AlreadyExists, QStringLiteral("a certificate named %1 exists already").arg(name), QStringLiteral("name")};
    Key key = generateKey(rsa ? KeyType::Rsa : KeyType::Ec);
    Cert cert = key ? selfSigned(key.get(), hosts, days) : nullptr;
    if (!cert)
        return StoreError{StoreError::Kind::Storage, QStringLiteral("OpenSSL could not create the certificate"), {}};
    if (auto e = writeFiles(name, {{QStringLiteral("chain.pem"), certToPem(cert.get())},
                                   {QStringLiteral("key.pem"), keyToPem(key.get())}}, false))
        return *e;
    if (auto e = insertRow(name, QStringLiteral("active")))
        return *e;
    core::logNotice(QStringLiteral("tls"), QStringLiteral("certificate %1 created (self-signed)").arg(name));
    return describe(name, QStringLiteral("active"));
}

std::variant<QByteArray, StoreError> CertStore::createRequest(const QString &name, const QStringList &hosts,
                                                              const QString &organization, const QString &country,
                                                              bool rsa)
{
    if (exists(name))
        return StoreError{StoreError::Kind::AlreadyExists, QStringLiteral("a certificate named %1 exists already").arg(name), QStringLiteral("name")};
    Key key = generateKey(rsa ? KeyType::Rsa : KeyType::Ec);
    const QByteArray csr = key ? certificateRequest(key.get(), hosts, organization, country) : QByteArray();
    if (csr.isEmpty())
        return StoreError{StoreError::Kind::Storage, QStringLiteral("OpenSSL could not create the request"), {}};
    if (auto e = writeFiles(name, {{QStringLiteral("key.pem"), keyToPem(key.get())}, {QStringLiteral("request.csr"), csr}}, false))
        return *e;
    if (auto e = insertRow(name, QStringLiteral("pending")))
        return *e;
    core::logNotice(QStringLiteral("tls"), QStringLiteral("certificate request %1 created for %2").arg(name, hosts.join(QStringLiteral(", "))));
    return csr;
}

std::variant<QJsonObject, StoreError> CertStore::import(const QString &name, const QByteArray &chainPem,
                                                        const QByteArray &keyPem)
{
    store::Statement st(m_db, "SELECT state FROM certificates WHERE name = ?1");
    st.bind(1, name);
    const bool known = st.next();
    const bool pending = known && st.text(0) == QLatin1String("pending");
    if (known && !pending)
        return StoreError{StoreError::Kind::AlreadyExists, QStringLiteral("a certificate named %1 exists already").arg(name), QStringLiteral("name")};
    if (keyPem.isEmpty() && !pending)
        return invalid(QStringLiteral("key"), QStringLiteral("give the private key (only a pending request keeps its own)"));
    const std::vector<Cert> chain = readChain(chainPem);
    const QByteArray keyText = keyPem.isEmpty() ? core::readSmallFile(dir(name) + QStringLiteral("/key.pem")) : keyPem;
    Key key = readKey(keyText);
    QString field;
    if (const QString reason = checkImport(chain, key.get(), m_settings.string(QStringLiteral("server.hostname")), &field);
        !reason.isEmpty())
        return invalid(field, reason);
    QByteArray normalizedChain;
    for (const Cert &c : chain)
        normalizedChain += certToPem(c.get());
    if (auto e = writeFiles(name, {{QStringLiteral("chain.pem"), normalizedChain}, {QStringLiteral("key.pem"), keyToPem(key.get())}}, pending))
        return *e;
    if (auto e = insertRow(name, QStringLiteral("active")))
        return *e;
    core::logNotice(QStringLiteral("tls"), QStringLiteral("certificate %1 imported").arg(name));
    checkExpiry();
    return describe(name, QStringLiteral("active"));
}

store::StoreResult CertStore::remove(const QString &name)
{
    if (!exists(name))
        return StoreError{StoreError::Kind::NotFound, QStringLiteral("no certificate named %1").arg(name), QStringLiteral("name")};
    if (const QStringList users = usedBy(name); !users.isEmpty())
        return StoreError{StoreError::Kind::Conflict,
                          QStringLiteral("%1 is used by %2; assign another certificate first").arg(name, users.join(QStringLiteral(", "))),
                          QStringLiteral("name")};
    store::Statement st(m_db, "DELETE FROM certificates WHERE name = ?1");
    st.bind(1, name);
    if (!st.exec())
        return StoreError{StoreError::Kind::Storage, m_db.lastError(), {}};
    QDir(dir(name)).removeRecursively();
    m_cache.clear();
    return std::nullopt;
}

std::optional<QSslConfiguration> CertStore::serverConfiguration(const QString &service)
{
    const QString name = assigned(service);
    if (auto it = m_cache.constFind(name); it != m_cache.cend())
        return *it;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(core::readSmallFile(dir(name) + QStringLiteral("/chain.pem")), QSsl::Pem);
    const QByteArray keyPem = core::readSmallFile(dir(name) + QStringLiteral("/key.pem"));
    Key parsed = readKey(keyPem);
    if (chain.isEmpty() || !parsed)
        return std::nullopt;
    const QSsl::KeyAlgorithm algorithm = EVP_PKEY_get_base_id(parsed.get()) == EVP_PKEY_RSA ? QSsl::Rsa : QSsl::Ec;
    const QSslKey key(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        return std::nullopt;
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(key);
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    c.setCiphers(modernCiphers());
    m_cache.insert(name, c);
    return c;
}

QStringList CertStore::warnings()
{
    QStringList out;
    for (const QJsonObject &c : list()) {
        if (c.value(QStringLiteral("state")).toString() != QLatin1String("active"))
            continue;
        const qint64 days = c.value(QStringLiteral("daysLeft")).toInteger();
        const QString name = c.value(QStringLiteral("name")).toString();
        if (c.value(QStringLiteral("expired")).toBool())
            out.append(QStringLiteral("certificate %1 has expired").arg(name));
        else if (days <= kWarnDays)
            out.append(QStringLiteral("certificate %1 expires in %2 days").arg(name).arg(days));
    }
    return out;
}

void CertStore::checkExpiry()
{
    for (const QString &w : warnings()) {
        if (w.contains(QLatin1String("expired")))
            core::logError(QStringLiteral("tls"), w);
        else
            core::logWarning(QStringLiteral("tls"), w);
    }
}

} // namespace maild::tls
