// SCRAM-SHA-256 (see scramsha256.h).
#include "auth/scramsha256.h"

#include <QList>
#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

namespace maild::auth {

namespace {

SaslStep failure(const QString &why) { return {SaslStep::Kind::Failure, {}, {}, {}, {}, false, why}; }

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.constData(), int(key.size()), reinterpret_cast<const unsigned char *>(data.constData()),
         size_t(data.size()), out, &len);
    return QByteArray(reinterpret_cast<const char *>(out), int(len));
}

QByteArray sha256(const QByteArray &data)
{
    unsigned char out[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()), out);
    return QByteArray(reinterpret_cast<const char *>(out), SHA256_DIGEST_LENGTH);
}

// "=2C" → ",", "=3D" → "="; any other '=' escape is invalid.
std::optional<QString> decodeSaslName(const QByteArray &name)
{
    QByteArray out;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name[i] != '=') {
            out.append(name[i]);
            continue;
        }
        const QByteArray esc = name.mid(i + 1, 2);
        if (esc == "2C")
            out.append(',');
        else if (esc == "3D")
            out.append('=');
        else
            return std::nullopt;
        i += 2;
    }
    return QString::fromUtf8(out);
}

// The value of "k=value" among comma-separated attributes.
std::optional<QByteArray> attribute(const QList<QByteArray> &attrs, char key)
{
    for (const QByteArray &a : attrs) {
        if (a.size() >= 2 && a[0] == key && a[1] == '=')
            return a.mid(2);
    }
    return std::nullopt;
}

QByteArray randomNonce()
{
    QByteArray bytes(18, Qt::Uninitialized);
    RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), int(bytes.size()));
    return bytes.toBase64();
}

} // namespace

ScramSha256::ScramSha256(Lookup lookup, NonceSource nonce)
    : m_lookup(std::move(lookup)), m_nonce(nonce ? std::move(nonce) : NonceSource(randomNonce))
{
}

SaslStep ScramSha256::start(const std::optional<QByteArray> &initialResponse)
{
    if (!initialResponse || initialResponse->isEmpty())
        return {SaslStep::Kind::Challenge, {}, {}, {}, {}, false, {}};
    return step(*initialResponse);
}

SaslStep ScramSha256::step(const QByteArray &response)
{
    switch (m_state) {
    case State::ClientFirst: return clientFirst(response);
    case State::ClientFinal: return clientFinal(response);
    case State::Done: break;
    }
    return failure(QStringLiteral("unexpected SCRAM message"));
}

SaslStep ScramSha256::clientFirst(const QByteArray &message)
{
    // gs2-header: cbind-flag "," [authzid] ","
    const qsizetype first = message.indexOf(',');
    const qsizetype second = first < 0 ? -1 : message.indexOf(',', first + 1);
    if (second < 0)
        return failure(QStringLiteral("malformed SCRAM client-first message"));
    const QByteArray flag = message.left(first);
    if (flag.startsWith("p="))
        return failure(QStringLiteral("channel binding is not supported"));
    if (flag != "n" && flag != "y")
        return failure(QStringLiteral("malformed SCRAM client-first message"));
    const QByteArray authzid = message.mid(first + 1, second - first - 1);
    m_gs2Header = message.left(second + 1);
    m_clientFirstBare = message.mid(second + 1);
    const QList<QByteArray> attrs = m_clientFirstBare.split(',');
    if (attrs.size() < 2 || !attrs[0].startsWith("n=") || !attrs[1].startsWith("r="))
        return failure(QStringLiteral("malformed SCRAM client-first message"));
    if (attribute(attrs, 'm'))
        return failure(QStringLiteral("SCRAM extensions are not supported"));
    const std::optional<QString> login = decodeSaslName(attrs[0].mid(2));
    const QByteArray clientNonce = attrs[1].mid(2);
    if (!login || login->isEmpty() || clientNonce.isEmpty())
        return failure(QStringLiteral("malformed SCRAM client-first message"));
    if (!authzid.isEmpty() && decodeSaslName(authzid.mid(2)) != login)
        return failure(QStringLiteral("acting as another user is not supported"));
    m_login = *login;
    m_credential = m_lookup(m_login, &m_account);
    m_nonceValue = clientNonce + m_nonce();
    m_serverFirst = "r=" + m_nonceValue + ",s=" + m_credential.salt.toBase64() + ",i=" +
                    QByteArray::number(m_credential.iterations);
    m_state = State::ClientFinal;
    return {SaslStep::Kind::Challenge, m_serverFirst, {}, {}, {}, false, {}};
}

SaslStep ScramSha256::clientFinal(const QByteArray &message)
{
    m_state = State::Done;
    const qsizetype proofAt = message.lastIndexOf(",p=");
    if (proofAt < 0)
        return failure(QStringLiteral("malformed SCRAM client-final message"));
    const QByteArray withoutProof = message.left(proofAt);
    const QList<QByteArray> attrs = withoutProof.split(',');
    const auto channel = attribute(attrs, 'c');
    const auto nonce = attribute(attrs, 'r');
    const auto proof = QByteArray::fromBase64Encoding(message.mid(proofAt + 3), QByteArray::AbortOnBase64DecodingErrors);
    if (!channel || !nonce || !proof || proof.decoded.size() != SHA256_DIGEST_LENGTH)
        return failure(QStringLiteral("malformed SCRAM client-final message"));
    if (QByteArray::fromBase64(*channel) != m_gs2Header || *nonce != m_nonceValue)
        return failure(QStringLiteral("SCRAM channel binding or nonce mismatch"));

    const QByteArray authMessage = m_clientFirstBare + ',' + m_serverFirst + ',' + withoutProof;
    const QByteArray clientKey = hmac(m_credential.key, QByteArrayLiteral("Client Key"));
    const QByteArray storedKey = sha256(clientKey);
    const QByteArray signature = hmac(storedKey, authMessage);
    QByteArray recovered = proof.decoded;
    for (int i = 0; i < recovered.size(); ++i)
        recovered[i] = char(recovered[i] ^ signature[i]);
    const QByteArray candidate = sha256(recovered);
    const bool ok = CRYPTO_memcmp(candidate.constData(), storedKey.constData(), size_t(storedKey.size())) == 0 &&
                    !m_account.isEmpty();
    const QByteArray serverKey = hmac(m_credential.key, QByteArrayLiteral("Server Key"));
    const QByteArray serverFinal = "v=" + hmac(serverKey, authMessage).toBase64();
    return {SaslStep::Kind::Verified, ok ? serverFinal : QByteArray(), m_login, {}, m_account, ok, {}};
}

} // namespace maild::auth
