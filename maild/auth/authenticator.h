// Authentication of mail users for SMTP, POP3 and IMAP: password checks on a worker thread
// (a stored hash costs about a quarter second; unknown users cost the same), failed attempts
// limited per login name and per client address, and the account's mail options enforced
// (disabled mail; POP only / IMAP only; forwarding accounts have no mailbox to read).
// Security: refusals of policy are told only after the password was right.
#pragma once

#include "control/loginlimiter.h"

#include <crypto/passwordhash.h>

#include <QHostAddress>
#include <QObject>
#include <functional>

namespace maild::core {
struct Context;
}

namespace maild::auth {

class AddressResolver;

enum class MailProtocol { Smtp, Pop3, Imap };

struct AuthResult
{
    enum class Outcome { Ok, BadCredentials, Locked, Refused } outcome = Outcome::BadCredentials;
    QString account;
    int retryAfter = 0;
    QString reason; // for Refused and Locked: a sentence for the client
};

class Authenticator : public QObject
{
    Q_OBJECT
public:
    Authenticator(core::Context &context, AddressResolver &resolver, QObject *parent = nullptr);

    // Checks login + password; done runs on the event loop unless context died.
    void verifyPassword(MailProtocol protocol, const QString &login, const QString &password,
                        const QHostAddress &peer, QObject *context, std::function<void(const AuthResult &)> done);

    // For SCRAM: the stored hash parts of a login (a deterministic fake for unknown logins, so
    // that the exchange reveals nothing), and the account name ("" when unknown).
    common::crypto::HashParts scramCredential(const QString &login, QString *account);
    // After a mechanism verified a proof itself: applies the limiter and the policy.
    AuthResult conclude(MailProtocol protocol, const QString &login, const QString &account, bool proofOk,
                        const QHostAddress &peer);
    // Locked before even trying? (Locked outcome with retryAfter, or Ok.)
    AuthResult precheck(const QString &login, const QHostAddress &peer);

private:
    QString policyRefusal(MailProtocol protocol, const QString &account) const;

    core::Context &m_context;
    AddressResolver &m_resolver;
    control::LoginLimiter m_byLogin;
    control::LoginLimiter m_byAddress;
    QByteArray m_fakeSaltKey;
};

QString protocolName(MailProtocol protocol);

} // namespace maild::auth
