// Certificates and keys through OpenSSL's X509 API: generating a key (ECDSA P-256 or
// RSA 3072), a self-signed certificate or a CSR for given host names, reading PEM chains
// and keys, checking an imported chain (key match, order, validity, host coverage, key
// strength), and summarising a certificate for the tools.
// Security: the only code (with certstore) that handles private keys; keys are written as
// PKCS#8 PEM and never returned to callers outside tls/.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringList>
#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;
typedef struct x509_st X509;

namespace maild::tls {

struct KeyDeleter { void operator()(EVP_PKEY *k) const; };
struct CertDeleter { void operator()(X509 *c) const; };
using Key = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using Cert = std::unique_ptr<X509, CertDeleter>;

enum class KeyType { Ec, Rsa };

struct Summary
{
    QString subject;
    QString issuer;
    QStringList sans;
    QDateTime notBefore;
    QDateTime notAfter;
    QString fingerprint; // SHA-256, "AB:CD:..."
    bool selfSigned = false;
    QString keyType; // "EC P-256", "RSA 3072"
};

Key generateKey(KeyType type);
QByteArray keyToPem(EVP_PKEY *key);
QByteArray certToPem(X509 *cert);
// A certificate for hosts (the first is the subject CN), valid from an hour ago for days.
Cert selfSigned(EVP_PKEY *key, const QStringList &hosts, int days);
// A PEM certificate signing request for hosts, with optional organisation and country.
QByteArray certificateRequest(EVP_PKEY *key, const QStringList &hosts, const QString &organization,
                              const QString &country);

std::vector<Cert> readChain(const QByteArray &pem);
// nullopt for no key, an encrypted key or garbage.
Key readKey(const QByteArray &pem);
Summary summarize(X509 *cert);
QString keyDescription(EVP_PKEY *key);

// The first reason an imported chain and key are not acceptable for host, or "" when fine.
// The field ("certificate" or "key") at fault is written to *field.
QString checkImport(const std::vector<Cert> &chain, EVP_PKEY *key, const QString &host, QString *field);

} // namespace maild::tls
