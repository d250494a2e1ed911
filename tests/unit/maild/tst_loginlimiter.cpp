// Unit tests of control::LoginLimiter: a name is locked only after the configured number of
// failures, per name and without regard to case; a success forgets the failures; the lock
// expires, then doubles on each further failure up to an hour; and the bounded memory never
// forgets a name that is still locked.
// Security: this is what makes guessing an administrator's password slow.
#include "control/loginlimiter.h"

#include <QTest>
#include <QThread>

using maild::control::LoginLimiter;

namespace {
QString s(const char *text) { return QString::fromUtf8(text); }
} // namespace

class tst_LoginLimiter : public QObject
{
    Q_OBJECT

private slots:
    void lockedOnlyAfterTheThreshold();
    void namesAreIndependentAndCaseInsensitive();
    void successForgetsFailures();
    void lockExpiresThenDoubles();
    void lockIsAtMostAnHour();
    void roundsUp();
    void configureClampsNonsense();
    void evictionKeepsLockedNames();
};

void tst_LoginLimiter::lockedOnlyAfterTheThreshold()
{
    LoginLimiter limiter;
    limiter.configure(3, 60);
    QCOMPARE(limiter.retryAfter(s("admin")), 0);
    limiter.recordFailure(s("admin"));
    limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 0);
    limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 60);
}

void tst_LoginLimiter::namesAreIndependentAndCaseInsensitive()
{
    LoginLimiter limiter;
    limiter.configure(2, 60);
    limiter.recordFailure(s("Admin"));
    limiter.recordFailure(s("ADMIN"));
    QCOMPARE(limiter.retryAfter(s("admin")), 60);
    QCOMPARE(limiter.retryAfter(s("aDmIn")), 60);
    QCOMPARE(limiter.retryAfter(s("other")), 0);
    QCOMPARE(limiter.retryAfter(s("admin2")), 0);
    QCOMPARE(limiter.retryAfter(QString()), 0);
}

void tst_LoginLimiter::successForgetsFailures()
{
    LoginLimiter limiter;
    limiter.configure(3, 60);
    limiter.recordFailure(s("admin"));
    limiter.recordFailure(s("admin"));
    limiter.recordSuccess(s("ADMIN"));
    limiter.recordFailure(s("admin"));
    limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 0);
    limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 60);
    limiter.recordSuccess(s("admin")); // the caller never gets here while locked, but it clears
    QCOMPARE(limiter.retryAfter(s("admin")), 0);
}

void tst_LoginLimiter::lockExpiresThenDoubles()
{
    LoginLimiter limiter;
    limiter.configure(2, 1);
    limiter.recordFailure(s("admin"));
    limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 1);
    QThread::msleep(1100);
    QCOMPARE(limiter.retryAfter(s("admin")), 0);
    // One more failure after the lock: locked again at once, for twice as long.
    limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 2);
    QThread::msleep(2100);
    QCOMPARE(limiter.retryAfter(s("admin")), 0);
    limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 4);
}

void tst_LoginLimiter::lockIsAtMostAnHour()
{
    LoginLimiter limiter;
    limiter.configure(1, 1500);
    limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 1500);
    limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 3000);
    limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 3600);
    for (int i = 0; i < 50; ++i)
        limiter.recordFailure(s("admin"));
    QCOMPARE(limiter.retryAfter(s("admin")), 3600);
}

void tst_LoginLimiter::roundsUp()
{
    LoginLimiter limiter;
    limiter.configure(1, 1);
    limiter.recordFailure(s("admin"));
    QThread::msleep(300);
    QCOMPARE(limiter.retryAfter(s("admin")), 1); // 0.7 s left: never 0 while locked
}

void tst_LoginLimiter::configureClampsNonsense()
{
    LoginLimiter limiter;
    limiter.configure(0, 0);
    limiter.recordFailure(s("admin")); // threshold at least 1
    QCOMPARE(limiter.retryAfter(s("admin")), 1); // lockout at least 1 s

    LoginLimiter defaults;
    for (int i = 0; i < 4; ++i)
        defaults.recordFailure(s("admin"));
    QCOMPARE(defaults.retryAfter(s("admin")), 0);
    defaults.recordFailure(s("admin"));
    QCOMPARE(defaults.retryAfter(s("admin")), 30);
}

void tst_LoginLimiter::evictionKeepsLockedNames()
{
    LoginLimiter limiter;
    limiter.configure(2, 600);
    limiter.recordFailure(s("victim"));
    limiter.recordFailure(s("victim"));
    QCOMPARE(limiter.retryAfter(s("victim")), 600);
    // An attacker sprays many names, once each, to push the victim's lock out of memory.
    for (int i = 0; i < 25000; ++i)
        limiter.recordFailure(s("spray%1").arg(i));
    QCOMPARE(limiter.retryAfter(s("victim")), 600);
    limiter.recordFailure(s("spray-last"));
    limiter.recordFailure(s("spray-last"));
    QCOMPARE(limiter.retryAfter(s("spray-last")), 600);
}

QTEST_APPLESS_MAIN(tst_LoginLimiter)
#include "tst_loginlimiter.moc"
