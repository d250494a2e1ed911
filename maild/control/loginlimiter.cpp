// Failed-login rate limiting (see loginlimiter.h).
#include "control/loginlimiter.h"

#include <algorithm>

namespace maild::control {

namespace {
constexpr qint64 kMaxLockoutMs = 3600 * 1000;
constexpr int kMaxTracked = 10000;
} // namespace

void LoginLimiter::configure(int failuresBeforeLockout, int lockoutSeconds)
{
    m_threshold = std::max(1, failuresBeforeLockout);
    m_lockoutMs = qint64(std::max(1, lockoutSeconds)) * 1000;
}

qint64 LoginLimiter::nowMs() const
{
    if (!m_clock.isValid())
        const_cast<QElapsedTimer &>(m_clock).start();
    return m_clock.elapsed();
}

int LoginLimiter::retryAfter(const QString &user) const
{
    const auto it = m_states.constFind(user.toLower());
    if (it == m_states.cend())
        return 0;
    const qint64 remaining = it->lockedUntilMs - nowMs();
    return remaining > 0 ? int((remaining + 999) / 1000) : 0;
}

void LoginLimiter::recordFailure(const QString &user)
{
    if (m_states.size() >= kMaxTracked && !m_states.contains(user.toLower())) {
        // Bounded memory: forget names whose lock has expired.
        const qint64 now = nowMs();
        for (auto it = m_states.begin(); it != m_states.end();)
            it = it->lockedUntilMs < now ? m_states.erase(it) : std::next(it);
    }
    State &s = m_states[user.toLower()];
    ++s.failures;
    if (s.failures >= m_threshold) {
        if (s.nextLockoutMs == 0)
            s.nextLockoutMs = m_lockoutMs;
        s.lockedUntilMs = nowMs() + s.nextLockoutMs;
        s.nextLockoutMs = std::min(kMaxLockoutMs, s.nextLockoutMs * 2);
    }
}

void LoginLimiter::recordSuccess(const QString &user)
{
    m_states.remove(user.toLower());
}

} // namespace maild::control
