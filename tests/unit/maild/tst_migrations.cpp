// Unit tests of maild's schema migrations (store/migrations): a fresh file reaches the latest
// version with every table and the durability pragmas, a file written by a newer maild is
// refused with a sentence that says "newer" and is left untouched, and migrating again (in
// the same process or after reopening) changes nothing and keeps the data.
#include "testdb.h"

#include <QSet>

using namespace maild::store;
using maild::testing::TestDb;

namespace {

QSet<QString> tables(Database &db)
{
    QSet<QString> out;
    Statement st(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
    while (st.next())
        out.insert(st.text(0));
    return out;
}

QString pragmaText(Database &db, const char *sql)
{
    Statement st(db, sql);
    return st.next() ? st.text(0) : QString();
}

} // namespace

class tst_Migrations : public QObject
{
    Q_OBJECT

private slots:
    void freshDatabaseReachesTheLatestVersion();
    void durabilityPragmas();
    void newerVersionIsRefused_data();
    void newerVersionIsRefused();
    void rerunIsIdempotent();
    void schemaConstraintsHold();
};

void tst_Migrations::freshDatabaseReachesTheLatestVersion()
{
    TestDb t(false);
    QCOMPARE(schemaVersion(t.db()), 0);
    QVERIFY(tables(t.db()).isEmpty());
    QCOMPARE(migrate(t.db()), QString());
    QVERIFY(latestSchemaVersion() >= 1);
    QCOMPARE(schemaVersion(t.db()), latestSchemaVersion());
    const QSet<QString> expected{QStringLiteral("accounts"), QStringLiteral("addresses"), QStringLiteral("domains"),
                                 QStringLiteral("settings"), QStringLiteral("audit")};
    QVERIFY2(tables(t.db()).contains(expected), qPrintable(QStringList(tables(t.db()).values()).join(u',')));
    QCOMPARE(t.db().transactionDepth(), 0);
    // Committed: still there after reopening.
    t.reopen();
    QCOMPARE(schemaVersion(t.db()), latestSchemaVersion());
    QVERIFY(tables(t.db()).contains(expected));
}

void tst_Migrations::durabilityPragmas()
{
    TestDb t;
    QVERIFY(t.ok());
    QCOMPARE(pragmaText(t.db(), "PRAGMA journal_mode"), QStringLiteral("wal"));
    QCOMPARE(t.scalar("PRAGMA synchronous"), 2); // FULL
    QCOMPARE(t.scalar("PRAGMA foreign_keys"), 1);
}

void tst_Migrations::newerVersionIsRefused_data()
{
    QTest::addColumn<bool>("migratedFirst");
    QTest::addColumn<int>("versionsAhead");
    QTest::newRow("fresh file, version 99") << false << 99;
    QTest::newRow("migrated file, one version ahead") << true << 1;
}

void tst_Migrations::newerVersionIsRefused()
{
    QFETCH(bool, migratedFirst);
    QFETCH(int, versionsAhead);
    TestDb t(migratedFirst);
    const int newer = migratedFirst ? latestSchemaVersion() + versionsAhead : versionsAhead;
    QVERIFY(t.db().exec(QByteArray("PRAGMA user_version = " + QByteArray::number(newer))));
    const QSet<QString> before = tables(t.db());

    const QString error = migrate(t.db());
    QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    QVERIFY2(error.contains(t.path()), qPrintable(error));
    QVERIFY2(error.contains(QString::number(newer)), qPrintable(error));
    // Untouched: same version, no table created or dropped.
    QCOMPARE(schemaVersion(t.db()), newer);
    QCOMPARE(tables(t.db()), before);
    QCOMPARE(t.db().transactionDepth(), 0);
    // And refused again after reopening.
    t.reopen();
    QVERIFY(migrate(t.db()).contains(QStringLiteral("newer")));
}

void tst_Migrations::rerunIsIdempotent()
{
    TestDb t;
    QVERIFY2(t.ok(), qPrintable(t.migrateError()));
    QVERIFY(t.db().exec("INSERT INTO domains (name, created) VALUES ('example.org', '2026-01-01T00:00:00Z')"));
    QVERIFY(t.db().exec("INSERT INTO settings (key, value) VALUES ('log.level', '[\"debug\"]')"));
    QCOMPARE(migrate(t.db()), QString());
    QCOMPARE(migrate(t.db()), QString());
    QCOMPARE(schemaVersion(t.db()), latestSchemaVersion());
    t.reopen();
    QCOMPARE(migrate(t.db()), QString());
    QCOMPARE(schemaVersion(t.db()), latestSchemaVersion());
    QCOMPARE(t.scalar("SELECT count(*) FROM domains"), 1);
    QCOMPARE(t.scalar("SELECT count(*) FROM settings"), 1);
}

void tst_Migrations::schemaConstraintsHold()
{
    TestDb t;
    QVERIFY(t.ok());
    const char *insert = "INSERT INTO accounts (name, created, modified) VALUES ('alice', 'x', 'x')";
    QVERIFY(t.db().exec(insert));
    // Names are unique without regard to case.
    QVERIFY(!t.db().exec("INSERT INTO accounts (name, created, modified) VALUES ('ALICE', 'x', 'x')"));
    // CHECK constraints guard the enumerations and ranges even if a caller forgets.
    QVERIFY(!t.db().exec("UPDATE accounts SET mail_state = 'asleep'"));
    QVERIFY(!t.db().exec("UPDATE accounts SET access = 'smtp'"));
    QVERIFY(!t.db().exec("UPDATE accounts SET quota_bytes = -1"));
    QVERIFY(!t.db().exec("UPDATE accounts SET quota_warn_percent = 0"));
    QVERIFY(!t.db().exec("UPDATE accounts SET quota_warn_percent = 101"));
    // An address needs an existing account and goes with it.
    QVERIFY(!t.db().exec("INSERT INTO addresses (address, account_id) VALUES ('x@example.org', 999)"));
    QVERIFY(t.db().exec("INSERT INTO addresses (address, account_id) SELECT 'a@example.org', id FROM accounts"));
    QVERIFY(t.db().exec("DELETE FROM accounts"));
    QCOMPARE(t.scalar("SELECT count(*) FROM addresses"), 0);
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
