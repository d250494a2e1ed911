// A SASL mechanism on the server side (RFC 4422), independent of the protocol that frames
// it (SMTP 334, POP3 "+", IMAP "+"). The session feeds decoded client responses and acts on
// each step: send a challenge, verify credentials (PLAIN, LOGIN), or take the mechanism's
// own verdict (SCRAM).
// Security: every response is the client's; a malformed one fails the exchange.
#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

namespace maild::auth {

class Authenticator;

struct SaslStep
{
    enum class Kind { Challenge, Credentials, Verified, Failure } kind = Kind::Failure;
    QByteArray challenge; // Challenge; for Verified: final server data to send before success
    QString login;        // Credentials, Verified
    QString password;     // Credentials
    QString account;      // Verified
    bool proofOk = false; // Verified
    QString error;        // Failure
};

class SaslMechanism
{
public:
    virtual ~SaslMechanism() = default;
    virtual SaslStep start(const std::optional<QByteArray> &initialResponse) = 0;
    virtual SaslStep step(const QByteArray &response) = 0;
};

// The initial response given with the AUTH command (RFC 4954, 5034, 4959): "=" stands for an
// empty one. False when it is not valid base64.
bool decodeInitialResponse(const QByteArray &token, QByteArray *decoded);

// "PLAIN", "LOGIN", "SCRAM-SHA-256" (case-insensitive); nullptr when unknown.
std::unique_ptr<SaslMechanism> createMechanism(const QString &name, Authenticator &authenticator);
QStringList mechanismNames();

} // namespace maild::auth
