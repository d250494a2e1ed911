// SASL SCRAM-SHA-256 (RFC 5802, RFC 7677), server side, without channel binding. The
// stored PBKDF2-SHA256 key is SCRAM's SaltedPassword, so the password never crosses the wire
// and the server never hashes anything slow.
// Security: nonces from OpenSSL's RAND; proofs compared in constant time; an unknown user
// gets a plausible salt and fails only at the proof, like a wrong password.
#pragma once

#include "auth/saslmechanism.h"

#include <crypto/passwordhash.h>

#include <functional>

namespace maild::auth {

class ScramSha256 : public SaslMechanism
{
public:
    using Lookup = std::function<common::crypto::HashParts(const QString &login, QString *account)>;
    using NonceSource = std::function<QByteArray()>;

    explicit ScramSha256(Lookup lookup, NonceSource nonce = {});
    SaslStep start(const std::optional<QByteArray> &initialResponse) override;
    SaslStep step(const QByteArray &response) override;

private:
    SaslStep clientFirst(const QByteArray &message);
    SaslStep clientFinal(const QByteArray &message);

    enum class State { ClientFirst, ClientFinal, Done } m_state = State::ClientFirst;
    Lookup m_lookup;
    NonceSource m_nonce;
    QByteArray m_gs2Header;
    QByteArray m_clientFirstBare;
    QByteArray m_serverFirst;
    QByteArray m_nonceValue;
    QString m_login;
    QString m_account;
    common::crypto::HashParts m_credential;
};

} // namespace maild::auth
