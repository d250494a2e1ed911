// The server's TLS certificates: each in <data>/tls/<name>/ (chain.pem; key.pem mode 0600;
// request.csr while a CSR is pending) with a row in maild.db. Creates, imports and removes
// them with every check of x509.h; hands each service the QSslConfiguration of the
// certificate assigned to it (<service>.certificate, else tls.defaultCertificate), rebuilt
// after any change so the next connection uses it without a restart; warns of expiry.
// Security: private keys stay in this folder and this process; nothing returns them.
#pragma once

#include "store/storeerror.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <optional>

namespace maild::store {
class Database;
}
namespace maild::core {
class Settings;
}

namespace maild::tls {

class CertStore : public QObject
{
    Q_OBJECT
public:
    CertStore(const QString &dataDir, store::Database &db, core::Settings &settings, QStringList services,
              QObject *parent = nullptr);

    // Creates the 'default' self-signed certificate when there is none; starts expiry checks.
    QString start();

    QList<QJsonObject> list();
    // The certificate object; with details also its public PEM chain and pending CSR.
    std::optional<QJsonObject> get(const QString &name, bool details);
    bool exists(const QString &name);

    std::variant<QJsonObject, store::StoreError> createSelfSigned(const QString &name, const QStringList &hosts,
                                                                  int days, bool rsa);
    std::variant<QByteArray, store::StoreError> createRequest(const QString &name, const QStringList &hosts,
                                                              const QString &organization, const QString &country,
                                                              bool rsa);
    std::variant<QJsonObject, store::StoreError> import(const QString &name, const QByteArray &chainPem,
                                                        const QByteArray &keyPem);
    store::StoreResult remove(const QString &name);
    QStringList usedBy(const QString &name) const;

    // The TLS server configuration for a service; nullopt when its certificate is missing.
    std::optional<QSslConfiguration> serverConfiguration(const QString &service);
    QStringList warnings();
    void checkExpiry();

private:
    QString dir(const QString &name) const;
    QString assigned(const QString &service) const;
    QJsonObject describe(const QString &name, const QString &state);
    store::StoreResult writeFiles(const QString &name, const QHash<QString, QByteArray> &files, bool replace);
    store::StoreResult insertRow(const QString &name, const QString &state);

    QString m_dataDir;
    store::Database &m_db;
    core::Settings &m_settings;
    QStringList m_services;
    QHash<QString, QSslConfiguration> m_cache;
    QTimer m_expiryTimer;
};

} // namespace maild::tls
