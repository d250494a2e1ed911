// PBKDF2-HMAC-SHA256 password hashing (see passwordhash.h).
#include "crypto/passwordhash.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>
#include <mutex>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace common::crypto {

namespace {

constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;
constexpr int kMaxIterations = 100000000;
const QString kScheme = QStringLiteral("pbkdf2-sha256");

QByteArray derive(const QString &password, const QByteArray &salt, int iterations, int length)
{
    const QByteArray secret = password.toUtf8();
    QByteArray out(length, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(secret.constData(), int(secret.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()),
                                     int(salt.size()), iterations, EVP_sha256(), length,
                                     reinterpret_cast<unsigned char *>(out.data()));
    return ok == 1 ? out : QByteArray();
}

} // namespace

QString hashPassword(const QString &password, int iterations)
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), kSaltBytes) != 1)
        qFatal("RAND_bytes failed: no secure random source");
    const QByteArray key = derive(password, salt, iterations, kKeyBytes);
    if (key.isEmpty())
        qFatal("PKCS5_PBKDF2_HMAC failed");
    return QLatin1Char('$') + kScheme + QLatin1Char('$') + QString::number(iterations) +
           QLatin1Char('$') + QString::fromLatin1(salt.toBase64()) + QLatin1Char('$') +
           QString::fromLatin1(key.toBase64());
}

std::optional<HashParts> parseHash(const QString &encoded)
{
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 5 || !parts[0].isEmpty() || parts[1] != kScheme)
        return std::nullopt;
    bool ok = false;
    const int iterations = parts[2].toInt(&ok);
    if (!ok || iterations < kMinIterations || iterations > kMaxIterations)
        return std::nullopt;
    const auto saltResult = QByteArray::fromBase64Encoding(parts[3].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto keyResult = QByteArray::fromBase64Encoding(parts[4].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!saltResult || !keyResult)
        return std::nullopt;
    if (saltResult.decoded.isEmpty() || keyResult.decoded.size() < 16 || keyResult.decoded.size() > 64)
        return std::nullopt;
    return HashParts{saltResult.decoded, iterations, keyResult.decoded};
}

bool verifyPassword(const QString &password, const QString &encoded)
{
    const std::optional<HashParts> parts = parseHash(encoded);
    if (!parts)
        return false;
    const QByteArray &expected = parts->key;
    const QByteArray actual = derive(password, parts->salt, parts->iterations, int(expected.size()));
    if (actual.size() != expected.size())
        return false;
    return CRYPTO_memcmp(actual.constData(), expected.constData(), size_t(actual.size())) == 0;
}

void releaseThreadState()
{
    OPENSSL_thread_stop();
}

QString dummyHash(int iterations)
{
    static std::mutex mutex;
    static QHash<int, QString> hashes;
    std::lock_guard lock(mutex);
    if (const auto it = hashes.constFind(iterations); it != hashes.cend())
        return *it;
    QByteArray random(24, Qt::Uninitialized);
    RAND_bytes(reinterpret_cast<unsigned char *>(random.data()), int(random.size()));
    return *hashes.insert(iterations, hashPassword(QString::fromLatin1(random.toBase64()), iterations));
}

} // namespace common::crypto
