// Mail user authentication (see authenticator.h).
#include "auth/authenticator.h"

#include "auth/addressresolver.h"
#include "core/context.h"
#include "core/coresettings.h"
#include "core/logger.h"
#include "core/settings.h"
#include "store/accountstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QThreadPool>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace maild::auth {

using common::model::MailAccess;
using common::model::MailState;

QString protocolName(MailProtocol protocol)
{
    switch (protocol) {
    case MailProtocol::Smtp: return QStringLiteral("smtp");
    case MailProtocol::Pop3: return QStringLiteral("pop3");
    case MailProtocol::Imap: return QStringLiteral("imap");
    }
    return {};
}

Authenticator::Authenticator(core::Context &context, AddressResolver &resolver, QObject *parent)
    : QObject(parent), m_context(context), m_resolver(resolver), m_fakeSaltKey(32, Qt::Uninitialized),
      m_cacheMacKey(32, Qt::Uninitialized)
{
    RAND_bytes(reinterpret_cast<unsigned char *>(m_fakeSaltKey.data()), int(m_fakeSaltKey.size()));
    RAND_bytes(reinterpret_cast<unsigned char *>(m_cacheMacKey.data()), int(m_cacheMacKey.size()));
}

QByteArray Authenticator::cacheKey(const QString &storedHash, const QString &password) const
{
    const QByteArray input = storedHash.toUtf8() + '\0' + password.toUtf8();
    unsigned char mac[32];
    unsigned int len = 0;
    HMAC(EVP_sha256(), m_cacheMacKey.constData(), int(m_cacheMacKey.size()),
         reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()), mac, &len);
    return QByteArray(reinterpret_cast<const char *>(mac), int(len));
}

bool Authenticator::cachedOk(const QByteArray &key)
{
    const auto it = m_verified.constFind(key);
    if (it == m_verified.cend())
        return false;
    if (it.value() > QDateTime::currentMSecsSinceEpoch())
        return true;
    m_verified.erase(it);
    return false;
}

void Authenticator::remember(const QByteArray &key)
{
    const qint64 seconds = m_context.settings.integer(QStringLiteral("auth.cacheSeconds"));
    if (seconds <= 0)
        return;
    constexpr qsizetype kMaxEntries = 100000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_verified.size() >= kMaxEntries) {
        m_verified.removeIf([now](const auto &entry) { return entry.value() <= now; });
        if (m_verified.size() >= kMaxEntries)
            m_verified.clear();
    }
    m_verified.insert(key, now + seconds * 1000);
}

AuthResult Authenticator::precheck(const QString &login, const QHostAddress &peer)
{
    const int threshold = int(m_context.settings.integer(QStringLiteral("auth.failuresBeforeLockout")));
    const int lockout = int(m_context.settings.integer(QStringLiteral("auth.lockoutSeconds")));
    m_byLogin.configure(threshold, lockout);
    m_byAddress.configure(threshold * 4, lockout);
    const int wait = std::max(m_byLogin.retryAfter(login), m_byAddress.retryAfter(peer.toString()));
    if (wait > 0)
        return {AuthResult::Outcome::Locked, {}, wait,
                QStringLiteral("too many failed logins; try again in %1 seconds").arg(wait)};
    return {AuthResult::Outcome::Ok, {}, 0, {}};
}

QString Authenticator::policyRefusal(MailProtocol protocol, const QString &account) const
{
    const std::optional<common::model::Account> a = m_context.accounts.get(account);
    if (!a)
        return QStringLiteral("the account no longer exists");
    if (a->mail.state == MailState::Disabled)
        return QStringLiteral("mail is disabled for this account");
    if (protocol == MailProtocol::Smtp)
        return {};
    // A forwarding account keeps its mailbox: new mail goes elsewhere, what is there (and its
    // Sent and Drafts) can still be read.
    if (protocol == MailProtocol::Pop3 && a->mail.access == MailAccess::ImapOnly)
        return QStringLiteral("this account may read mail over IMAP only, not POP3");
    if (protocol == MailProtocol::Imap && a->mail.access == MailAccess::PopOnly)
        return QStringLiteral("this account may read mail over POP3 only, not IMAP");
    return {};
}

AuthResult Authenticator::conclude(MailProtocol protocol, const QString &login, const QString &account, bool proofOk,
                                   const QHostAddress &peer)
{
    const QString service = protocolName(protocol);
    if (!proofOk || account.isEmpty()) {
        m_byLogin.recordFailure(login);
        m_byAddress.recordFailure(peer.toString());
        core::logWarning(service, QStringLiteral("authentication failed for '%1' from %2").arg(login, peer.toString()));
        return {AuthResult::Outcome::BadCredentials, {}, 0, QStringLiteral("authentication failed")};
    }
    m_byLogin.recordSuccess(login);
    if (const QString refusal = policyRefusal(protocol, account); !refusal.isEmpty()) {
        core::logNotice(service, QStringLiteral("login of %1 from %2 refused: %3").arg(account, peer.toString(), refusal));
        return {AuthResult::Outcome::Refused, account, 0, refusal};
    }
    core::logInfo(service, QStringLiteral("%1 authenticated from %2").arg(account, peer.toString()));
    return {AuthResult::Outcome::Ok, account, 0, {}};
}

void Authenticator::verifyPassword(MailProtocol protocol, const QString &login, const QString &password,
                                   const QHostAddress &peer, QObject *context, std::function<void(const AuthResult &)> done)
{
    if (AuthResult locked = precheck(login, peer); locked.outcome != AuthResult::Outcome::Ok) {
        core::logWarning(protocolName(protocol), QStringLiteral("login for '%1' from %2 refused: locked").arg(login, peer.toString()));
        return done(locked);
    }
    const QString account = m_resolver.accountForLogin(login);
    std::optional<store::Credentials> creds;
    if (!account.isEmpty())
        creds = m_context.accounts.credentials(account);
    const bool candidate = creds && !creds->passwordHash.isEmpty();
    const QString hash = candidate ? creds->passwordHash : common::crypto::dummyHash(core::passwordIterations(m_context.settings));
    // Only successes are remembered: a wrong password always costs the full hash.
    const QByteArray key = candidate ? cacheKey(hash, password) : QByteArray();
    QPointer<QObject> guard(context);
    if (candidate && cachedOk(key)) {
        // Answered from the event loop like a hashed check, so callers see one behaviour.
        QMetaObject::invokeMethod(
            this,
            [=, this] {
                if (guard)
                    done(conclude(protocol, login, account, true, peer));
            },
            Qt::QueuedConnection);
        return;
    }
    QPointer<Authenticator> self(this);
    QThreadPool::globalInstance()->start([=] {
        const bool ok = common::crypto::verifyPassword(password, hash) && candidate;
        common::crypto::releaseThreadState();
        QMetaObject::invokeMethod(
            qApp,
            [=] {
                if (!self)
                    return;
                if (ok)
                    self->remember(key);
                if (!guard)
                    return;
                done(self->conclude(protocol, login, ok ? account : QString(), ok, peer));
            },
            Qt::QueuedConnection);
    });
}

common::crypto::HashParts Authenticator::scramCredential(const QString &login, QString *account)
{
    *account = m_resolver.accountForLogin(login);
    if (!account->isEmpty()) {
        if (auto creds = m_context.accounts.credentials(*account); creds && !creds->passwordHash.isEmpty()) {
            if (auto parts = common::crypto::parseHash(creds->passwordHash))
                return *parts;
        }
    }
    account->clear();
    // Unknown: a salt that stays the same for this login within this run, and a random key.
    unsigned char mac[32];
    unsigned int len = 0;
    const QByteArray name = login.toLower().toUtf8();
    HMAC(EVP_sha256(), m_fakeSaltKey.constData(), int(m_fakeSaltKey.size()),
         reinterpret_cast<const unsigned char *>(name.constData()), size_t(name.size()), mac, &len);
    QByteArray key(32, Qt::Uninitialized);
    RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), 32);
    return {QByteArray(reinterpret_cast<const char *>(mac), 16), core::passwordIterations(m_context.settings), key};
}

} // namespace maild::auth
