// OpenSSL X509 helpers (see x509.h).
#include "tls/x509.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace maild::tls {

void KeyDeleter::operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
void CertDeleter::operator()(X509 *c) const { X509_free(c); }

namespace {

struct BioDeleter { void operator()(BIO *b) const { BIO_free(b); } };
using Bio = std::unique_ptr<BIO, BioDeleter>;

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(len));
}

Bio readBio(const QByteArray &data)
{
    return Bio(BIO_new_mem_buf(data.constData(), int(data.size())));
}

QString nameText(const X509_NAME *name)
{
    Bio bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return QString::fromUtf8(bioContents(bio.get()));
}

QDateTime asnTime(const ASN1_TIME *t)
{
    struct tm tm{};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

QByteArray sanList(const QStringList &hosts)
{
    QByteArray out;
    for (const QString &h : hosts)
        out += (out.isEmpty() ? "DNS:" : ",DNS:") + h.toUtf8();
    return out;
}

int noPassword(char *, int, int, void *) { return 0; } // refuse encrypted keys

} // namespace

Key generateKey(KeyType type)
{
    return Key(type == KeyType::Ec ? EVP_EC_gen("P-256") : EVP_RSA_gen(3072));
}

QByteArray keyToPem(EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioContents(bio.get());
}

QByteArray certToPem(X509 *cert)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioContents(bio.get());
}

Cert selfSigned(EVP_PKEY *key, const QStringList &hosts, int days)
{
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof(serial));
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof(serial), nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 86400);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = hosts.value(0).toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (!addExtension(cert.get(), NID_subject_alt_name, sanList(hosts)) ||
        !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment") ||
        !addExtension(cert.get(), NID_ext_key_usage, "serverAuth") ||
        !addExtension(cert.get(), NID_subject_key_identifier, "hash") ||
        X509_sign(cert.get(), key, EVP_sha256()) == 0)
        return nullptr;
    return cert;
}

QByteArray certificateRequest(EVP_PKEY *key, const QStringList &hosts, const QString &organization,
                              const QString &country)
{
    X509_REQ *req = X509_REQ_new();
    X509_REQ_set_version(req, 0);
    X509_NAME *name = X509_REQ_get_subject_name(req);
    const auto add = [name](const char *field, const QString &value) {
        if (value.isEmpty())
            return;
        const QByteArray v = value.toUtf8();
        X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(v.constData()), -1, -1, 0);
    };
    add("C", country);
    add("O", organization);
    add("CN", hosts.value(0));
    X509_REQ_set_pubkey(req, key);
    STACK_OF(X509_EXTENSION) *exts = sk_X509_EXTENSION_new_null();
    const QByteArray sans = sanList(hosts);
    if (X509_EXTENSION *san = X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, sans.constData()))
        sk_X509_EXTENSION_push(exts, san);
    X509_REQ_add_extensions(req, exts);
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    QByteArray pem;
    if (X509_REQ_sign(req, key, EVP_sha256()) > 0) {
        Bio bio(BIO_new(BIO_s_mem()));
        PEM_write_bio_X509_REQ(bio.get(), req);
        pem = bioContents(bio.get());
    }
    X509_REQ_free(req);
    return pem;
}

std::vector<Cert> readChain(const QByteArray &pem)
{
    std::vector<Cert> chain;
    Bio bio = readBio(pem);
    while (X509 *c = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
        chain.emplace_back(c);
    ERR_clear_error();
    return chain;
}

Key readKey(const QByteArray &pem)
{
    Bio bio = readBio(pem);
    Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassword, nullptr));
    ERR_clear_error();
    return key;
}

QString keyDescription(EVP_PKEY *key)
{
    const int bits = EVP_PKEY_get_bits(key);
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_EC: return bits == 256 ? QStringLiteral("EC P-256") : QStringLiteral("EC %1").arg(bits);
    case EVP_PKEY_RSA: return QStringLiteral("RSA %1").arg(bits);
    case EVP_PKEY_ED25519: return QStringLiteral("Ed25519");
    default: return QStringLiteral("other (%1 bits)").arg(bits);
    }
}

Summary summarize(X509 *cert)
{
    Summary s;
    s.subject = nameText(X509_get_subject_name(cert));
    s.issuer = nameText(X509_get_issuer_name(cert));
    s.notBefore = asnTime(X509_get0_notBefore(cert));
    s.notAfter = asnTime(X509_get0_notAfter(cert));
    s.selfSigned = X509_NAME_cmp(X509_get_subject_name(cert), X509_get_issuer_name(cert)) == 0;
    if (auto *names = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr))) {
        for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
            const GENERAL_NAME *n = sk_GENERAL_NAME_value(names, i);
            if (n->type == GEN_DNS)
                s.sans.append(QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(n->d.dNSName)),
                                                ASN1_STRING_length(n->d.dNSName)));
        }
        GENERAL_NAMES_free(names);
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    X509_digest(cert, EVP_sha256(), md, &len);
    s.fingerprint = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(md), int(len)).toHex(':').toUpper());
    if (EVP_PKEY *pub = X509_get0_pubkey(cert))
        s.keyType = keyDescription(pub);
    return s;
}

QString checkImport(const std::vector<Cert> &chain, EVP_PKEY *key, const QString &host, QString *field)
{
    *field = QStringLiteral("certificate");
    if (chain.empty())
        return QStringLiteral("no certificate found in the PEM text");
    X509 *leaf = chain.front().get();
    for (size_t i = 0; i + 1 < chain.size(); ++i) {
        X509 *issuer = chain[i + 1].get();
        if (X509_NAME_cmp(X509_get_issuer_name(chain[i].get()), X509_get_subject_name(issuer)) != 0 ||
            X509_verify(chain[i].get(), X509_get0_pubkey(issuer)) != 1) {
            ERR_clear_error();
            return QStringLiteral("the chain is out of order: certificate %1 is not signed by certificate %2 "
                                  "(give the server's certificate first, then each issuer)")
                .arg(i + 1)
                .arg(i + 2);
        }
    }
    if (X509_cmp_current_time(X509_get0_notAfter(leaf)) <= 0)
        return QStringLiteral("the certificate expired on %1").arg(asnTime(X509_get0_notAfter(leaf)).toString(Qt::ISODate));
    if (X509_cmp_current_time(X509_get0_notBefore(leaf)) >= 0)
        return QStringLiteral("the certificate is not valid before %1").arg(asnTime(X509_get0_notBefore(leaf)).toString(Qt::ISODate));
    const QByteArray h = host.toUtf8();
    if (X509_check_host(leaf, h.constData(), size_t(h.size()), 0, nullptr) != 1)
        return QStringLiteral("the certificate's host names (%1) do not cover this server's name %2")
            .arg(summarize(leaf).sans.join(QStringLiteral(", ")), host);
    *field = QStringLiteral("key");
    if (!key)
        return QStringLiteral("no readable private key (it must be PEM and not encrypted)");
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA && EVP_PKEY_get_bits(key) < 2048)
        return QStringLiteral("the RSA key has only %1 bits; at least 2048 are needed").arg(EVP_PKEY_get_bits(key));
    if (X509_check_private_key(leaf, key) != 1) {
        ERR_clear_error();
        return QStringLiteral("the private key does not match the certificate");
    }
    return {};
}

} // namespace maild::tls
