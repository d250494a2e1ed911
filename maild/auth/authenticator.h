// Authentication of mail users for SMTP, POP3 and IMAP: password checks on a worker thread
// (a stored hash costs about a quarter second; unknown users cost the same), failed attempts
// limited per login name and per client address, and the account's mail options enforced
// (disabled mail; POP only / IMAP only). A forwarding account may still read its mailbox.
// Security: refusals of policy are told only after the password was right.
#pragma once

#include "control/loginlimiter.h"

#include <crypto/passwordhash.h>

#include <QHash>
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
    // The verified-password cache (auth.cacheSeconds): a keyed hash of the stored hash and
    // the password, so a changed password (a new stored hash) never matches an old entry.
    QByteArray cacheKey(const QString &storedHash, const QString &password) const;
    bool cachedOk(const QByteArray &key);
    void remember(const QByteArray &key);

    core::Context &m_context;
    AddressResolver &m_resolver;
    control::LoginLimiter m_byLogin;
    control::LoginLimiter m_byAddress;
    QByteArray m_fakeSaltKey;
    QByteArray m_cacheMacKey;
    QHash<QByteArray, qint64> m_verified; // cache key -> expiry (ms since epoch)
};

QString protocolName(MailProtocol protocol);

} // namespace maild::auth
