// SCRAM-SHA-256 server (maild/auth/scramsha256) against the example exchange of RFC 7677
// section 3, and its refusals: wrong proof, unknown user, channel binding, bad nonce,
// malformed messages.
#include "auth/scramsha256.h"

#include <QTest>
#include <openssl/evp.h>

using maild::auth::SaslStep;
using maild::auth::ScramSha256;

namespace {

// RFC 7677 3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, 4096 iterations.
const QByteArray kSalt = QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ==");
const QByteArray kClientFirst = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
const QByteArray kServerNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
const QByteArray kServerFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
const QByteArray kClientFinal =
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
const QByteArray kServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

common::crypto::HashParts pencil()
{
    // SaltedPassword = PBKDF2-HMAC-SHA256("pencil", salt, 4096): what our stored hash holds.
    QByteArray key(32, Qt::Uninitialized);
    PKCS5_PBKDF2_HMAC("pencil", 6, reinterpret_cast<const unsigned char *>(kSalt.constData()), int(kSalt.size()), 4096,
                      EVP_sha256(), 32, reinterpret_cast<unsigned char *>(key.data()));
    return {kSalt, 4096, key};
}

ScramSha256 serverFor(const QString &knownUser)
{
    return ScramSha256(
        [knownUser](const QString &login, QString *account) {
            *account = login == knownUser ? login : QString();
            return pencil();
        },
        [] { return kServerNonce; });
}

} // namespace

class tst_ScramSha256 : public QObject
{
    Q_OBJECT
private slots:
    void rfc7677Exchange()
    {
        ScramSha256 server = serverFor(QStringLiteral("user"));
        const SaslStep first = server.start(kClientFirst);
        QCOMPARE(first.kind, SaslStep::Kind::Challenge);
        QCOMPARE(first.challenge, kServerFirst);
        const SaslStep final = server.step(kClientFinal);
        QCOMPARE(final.kind, SaslStep::Kind::Verified);
        QVERIFY(final.proofOk);
        QCOMPARE(final.account, QStringLiteral("user"));
        QCOMPARE(final.challenge, kServerFinal);
    }

    void emptyInitialResponseAsksForClientFirst()
    {
        ScramSha256 server = serverFor(QStringLiteral("user"));
        QCOMPARE(server.start(QByteArray()).kind, SaslStep::Kind::Challenge);
        QCOMPARE(server.step(kClientFirst).challenge, kServerFirst);
        QVERIFY(server.step(kClientFinal).proofOk);
    }

    void wrongProofFails()
    {
        ScramSha256 server = serverFor(QStringLiteral("user"));
        server.start(kClientFirst);
        QByteArray tampered = kClientFinal;
        tampered.replace("p=dHzb", "p=eHzb");
        const SaslStep final = server.step(tampered);
        QCOMPARE(final.kind, SaslStep::Kind::Verified);
        QVERIFY(!final.proofOk);
        QVERIFY(final.challenge.isEmpty()); // no server signature for a failed proof
    }

    void unknownUserFailsOnlyAtTheProof()
    {
        ScramSha256 server = serverFor(QStringLiteral("someone-else"));
        const SaslStep first = server.start(kClientFirst);
        QCOMPARE(first.kind, SaslStep::Kind::Challenge); // no early "no such user"
        const SaslStep final = server.step(kClientFinal);
        QCOMPARE(final.kind, SaslStep::Kind::Verified);
        QVERIFY(!final.proofOk);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("clientFirst");
        QTest::addColumn<QByteArray>("clientFinal");
        QTest::newRow("channel binding") << QByteArray("p=tls-unique,,n=user,r=abc") << QByteArray();
        QTest::newRow("bad gs2 flag") << QByteArray("x,,n=user,r=abc") << QByteArray();
        QTest::newRow("no nonce") << QByteArray("n,,n=user") << QByteArray();
        QTest::newRow("bad name escape") << QByteArray("n,,n=us=2Xer,r=abc") << QByteArray();
        QTest::newRow("mandatory extension") << QByteArray("n,,n=user,r=abc,m=ext") << QByteArray();
        QTest::newRow("nonce changed") << kClientFirst
                                       << QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqOXXX,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        QTest::newRow("binding changed") << kClientFirst
                                         << QByteArray("c=eSws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        QTest::newRow("no proof") << kClientFirst << QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        QTest::newRow("short proof") << kClientFirst << QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=AAAA");
    }

    void refusals()
    {
        QFETCH(QByteArray, clientFirst);
        QFETCH(QByteArray, clientFinal);
        ScramSha256 server = serverFor(QStringLiteral("user"));
        SaslStep step = server.start(clientFirst);
        if (!clientFinal.isEmpty()) {
            QCOMPARE(step.kind, SaslStep::Kind::Challenge);
            step = server.step(clientFinal);
        }
        QCOMPARE(step.kind, SaslStep::Kind::Failure);
        QVERIFY(!step.error.isEmpty());
    }

    void noThirdStep()
    {
        ScramSha256 server = serverFor(QStringLiteral("user"));
        server.start(kClientFirst);
        server.step(kClientFinal);
        QCOMPARE(server.step(QByteArray()).kind, SaslStep::Kind::Failure);
    }
};

QTEST_APPLESS_MAIN(tst_ScramSha256)
#include "tst_scramsha256.moc"
