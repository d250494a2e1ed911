// Unit tests of common::crypto password hashing: the stored format, salting, and that every
// malformed or tampered stored hash verifies false (never true, never a crash).
// Security: verifyPassword reads hashes from the database; a hash that decodes to something
// odd must fail closed. Most tests use the minimum iteration count to stay fast.
#include "crypto/passwordhash.h"

#include <QRegularExpression>
#include <QStringList>
#include <QTest>

using namespace common::crypto;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

// Replaces field `index` of a $-separated hash.
QString withField(const QString &hash, int index, const QString &value)
{
    QStringList parts = hash.split(QLatin1Char('$'));
    parts[index] = value;
    return parts.join(QLatin1Char('$'));
}

// Changes one base64 character in the middle of field `index` (every bit of it is data).
QString flipCharacter(const QString &hash, int index)
{
    QStringList parts = hash.split(QLatin1Char('$'));
    QString &field = parts[index];
    const qsizetype at = field.size() / 2;
    field[at] = field[at] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    return parts.join(QLatin1Char('$'));
}

} // namespace

class tst_PasswordHash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hashThenVerify_data();
    void hashThenVerify();
    void wrongPasswordFails();
    void saltMakesHashesDiffer();
    void defaultFormat();
    void malformedHashesFail_data();
    void malformedHashesFail();
    void dummyHashMatchesNothing();

private:
    QString m_hash; // kPassword at the minimum iteration count
};

void tst_PasswordHash::initTestCase()
{
    m_hash = hashPassword(kPassword, kMinIterations);
    QVERIFY(verifyPassword(kPassword, m_hash));
}

void tst_PasswordHash::hashThenVerify_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("ascii") << QStringLiteral("hunter22");
    QTest::newRow("spaces and symbols") << QStringLiteral(" $pbkdf2$ \"quoted\" ;-- ");
    QTest::newRow("non-ASCII") << QStringLiteral("p\u00e4ssw\u00f6rd \u5bc6\u7801 \U0001F511");
    QTest::newRow("long") << QString(1024, QLatin1Char('x'));
    QTest::newRow("empty") << QString();
}

void tst_PasswordHash::hashThenVerify()
{
    QFETCH(QString, password);
    const QString hash = hashPassword(password, kMinIterations);
    QVERIFY(verifyPassword(password, hash));
}

void tst_PasswordHash::wrongPasswordFails()
{
    QVERIFY(!verifyPassword(QStringLiteral("correct horse batterY"), m_hash));
    QVERIFY(!verifyPassword(QStringLiteral("correct horse battery "), m_hash));
    QVERIFY(!verifyPassword(QStringLiteral("correct horse batter"), m_hash));
    QVERIFY(!verifyPassword(QString(), m_hash));
    QVERIFY(!verifyPassword(m_hash, m_hash));
}

void tst_PasswordHash::saltMakesHashesDiffer()
{
    const QString other = hashPassword(kPassword, kMinIterations);
    QVERIFY(other != m_hash);
    QVERIFY(other.split(QLatin1Char('$'))[3] != m_hash.split(QLatin1Char('$'))[3]);
    QVERIFY(other.split(QLatin1Char('$'))[4] != m_hash.split(QLatin1Char('$'))[4]);
    QVERIFY(verifyPassword(kPassword, other));
}

void tst_PasswordHash::defaultFormat()
{
    const QString hash = hashPassword(kPassword);
    // 16-byte salt and 32-byte key in standard base64 with padding.
    static const QRegularExpression format(
        QStringLiteral("^\\$pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=$"));
    QVERIFY2(format.match(hash).hasMatch(), qPrintable(hash));
    QCOMPARE(kDefaultIterations, 600000);
    QVERIFY(verifyPassword(kPassword, hash));
    QVERIFY(!verifyPassword(QStringLiteral("wrong"), hash));
}

void tst_PasswordHash::malformedHashesFail_data()
{
    QTest::addColumn<QString>("hash");

    const QString h = hashPassword(kPassword, kMinIterations);
    const QStringList parts = h.split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 5);

    QTest::newRow("empty") << QString();
    QTest::newRow("just dollars") << QStringLiteral("$$$$");
    QTest::newRow("plain text") << kPassword;
    QTest::newRow("tampered key") << flipCharacter(h, 4);
    QTest::newRow("tampered salt") << flipCharacter(h, 3);
    QTest::newRow("key of another hash")
        << withField(h, 4, hashPassword(kPassword, kMinIterations).split(QLatin1Char('$'))[4]);
    QTest::newRow("wrong scheme") << withField(h, 1, QStringLiteral("pbkdf2-sha1"));
    QTest::newRow("scheme upper case") << withField(h, 1, QStringLiteral("PBKDF2-SHA256"));
    QTest::newRow("text before first $") << QLatin1Char('x') + h;
    QTest::newRow("extra field") << h + QStringLiteral("$x");
    QTest::newRow("missing field") << h.section(QLatin1Char('$'), 0, 3);
    QTest::newRow("iterations below minimum")
        << withField(h, 2, QString::number(kMinIterations - 1));
    QTest::newRow("hashed below minimum") << hashPassword(kPassword, kMinIterations - 1);
    QTest::newRow("iterations zero") << withField(h, 2, QStringLiteral("0"));
    QTest::newRow("iterations negative") << withField(h, 2, QStringLiteral("-1000"));
    QTest::newRow("iterations not a number") << withField(h, 2, QStringLiteral("many"));
    QTest::newRow("iterations empty") << withField(h, 2, QString());
    QTest::newRow("iterations overflow") << withField(h, 2, QStringLiteral("99999999999999999999"));
    QTest::newRow("iterations above maximum") << withField(h, 2, QStringLiteral("100000001"));
    QTest::newRow("iterations changed") << withField(h, 2, QString::number(kMinIterations + 1));
    QTest::newRow("garbage base64 salt") << withField(h, 3, QStringLiteral("!!!!not*base64"));
    QTest::newRow("garbage base64 key") << withField(h, 4, QStringLiteral("!!!!not*base64"));
    QTest::newRow("empty salt") << withField(h, 3, QString());
    QTest::newRow("empty key") << withField(h, 4, QString());
    QTest::newRow("key truncated to 12 bytes") << withField(h, 4, parts[4].left(16));
    QTest::newRow("key of 100 bytes")
        << withField(h, 4, QString::fromLatin1(QByteArray(100, 'k').toBase64()));
    QTest::newRow("non-Latin-1 in key") << withField(h, 4, QStringLiteral("\u5bc6\u7801"));
}

void tst_PasswordHash::malformedHashesFail()
{
    QFETCH(QString, hash);
    QVERIFY(!verifyPassword(kPassword, hash));
    QVERIFY(!verifyPassword(QString(), hash));
}

// dummyHash stands in for an unknown user's hash: well-formed with the iterations asked for
// (so it costs the same time as a real one), stable per count, and matched by no password
// anyone would try.
void tst_PasswordHash::dummyHashMatchesNothing()
{
    const QString dummy = dummyHash();
    QVERIFY(dummy.startsWith(QStringLiteral("$pbkdf2-sha256$600000$")));
    QCOMPARE(dummy.split(QLatin1Char('$')).size(), 5);
    QCOMPARE(dummyHash(), dummy);
    const QString cheap = dummyHash(kMinIterations);
    QVERIFY(cheap.startsWith(QStringLiteral("$pbkdf2-sha256$1000$")));
    QCOMPARE(dummyHash(kMinIterations), cheap);
    QVERIFY(!verifyPassword(QString(), cheap));
    for (const QString &guess :
         {QString(), QStringLiteral("password"), QStringLiteral("dummy"), dummy}) {
        QVERIFY2(!verifyPassword(guess, dummy), qPrintable(guess));
    }
}

QTEST_APPLESS_MAIN(tst_PasswordHash)
#include "tst_passwordhash.moc"
