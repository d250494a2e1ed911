// Rate limiting of failed control logins, per user name: after N failures the name is locked
// for a while, and the lock doubles with each further failure (at most an hour). While
// locked, even the right password is refused, so guessing gains nothing.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace maild::control {

class LoginLimiter
{
public:
    void configure(int failuresBeforeLockout, int lockoutSeconds);
    // Seconds until the name may try again; 0 when it may try now.
    int retryAfter(const QString &user) const;
    void recordFailure(const QString &user);
    void recordSuccess(const QString &user);

private:
    struct State
    {
        int failures = 0;
        qint64 lockedUntilMs = 0;
        qint64 nextLockoutMs = 0;
    };
    qint64 nowMs() const;

    QHash<QString, State> m_states;
    int m_threshold = 5;
    qint64 m_lockoutMs = 30000;
    QElapsedTimer m_clock;
};

} // namespace maild::control
