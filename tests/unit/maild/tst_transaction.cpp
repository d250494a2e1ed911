// Unit tests of store::Transaction, the savepoints that make a batch of control requests one
// commit while each request can fail alone: an inner rollback keeps the outer work, an outer
// rollback undoes everything (also what inner savepoints had released), the destructor rolls
// back, and only an outermost commit survives reopening the file.
#include "testdb.h"

using namespace maild::store;
using maild::testing::TestDb;

namespace {

bool insert(Database &db, const char *name)
{
    Statement st(db, "INSERT INTO domains (name, created) VALUES (?1, 'now')");
    st.bind(1, QString::fromLatin1(name));
    return st.exec();
}

QStringList names(Database &db)
{
    QStringList out;
    Statement st(db, "SELECT name FROM domains ORDER BY name");
    while (st.next())
        out.append(st.text(0));
    return out;
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out.append(QString::fromLatin1(i));
    return out;
}

} // namespace

class tst_Transaction : public QObject
{
    Q_OBJECT

private slots:
    void commitPersists();
    void innerRollbackKeepsOuter();
    void outerRollbackUndoesAll();
    void destructorRollsBack();
    void middleRollbackUndoesItsInnerCommits();
    void failedStatementDoesNotPoisonTheOuter();
    void depthAndStateAfterCommitOrRollback();
    void uncommittedWorkIsLostOnReopen();
};

void tst_Transaction::commitPersists()
{
    TestDb t;
    QVERIFY(t.ok());
    {
        Transaction tx(t.db());
        QVERIFY(tx.ok());
        QVERIFY(insert(t.db(), "a.example"));
        QVERIFY(tx.commit());
    }
    t.reopen();
    QCOMPARE(names(t.db()), list({"a.example"}));
}

void tst_Transaction::innerRollbackKeepsOuter()
{
    TestDb t;
    QVERIFY(t.ok());
    {
        Transaction outer(t.db());
        QVERIFY(insert(t.db(), "a.example"));
        {
            Transaction inner(t.db());
            QVERIFY(insert(t.db(), "b.example"));
            QCOMPARE(names(t.db()), list({"a.example", "b.example"}));
            inner.rollback();
        }
        QCOMPARE(names(t.db()), list({"a.example"}));
        {
            Transaction inner(t.db());
            QVERIFY(insert(t.db(), "c.example"));
            QVERIFY(inner.commit());
        }
        QVERIFY(insert(t.db(), "d.example"));
        QVERIFY(outer.commit());
    }
    t.reopen();
    QCOMPARE(names(t.db()), list({"a.example", "c.example", "d.example"}));
}

void tst_Transaction::outerRollbackUndoesAll()
{
    TestDb t;
    QVERIFY(t.ok());
    QVERIFY(insert(t.db(), "before.example")); // autocommitted
    {
        Transaction outer(t.db());
        QVERIFY(insert(t.db(), "a.example"));
        {
            Transaction inner(t.db());
            QVERIFY(insert(t.db(), "b.example"));
            QVERIFY(inner.commit()); // released into the outer, not yet durable
        }
        QCOMPARE(names(t.db()).size(), 3);
        outer.rollback();
    }
    QCOMPARE(names(t.db()), list({"before.example"}));
    t.reopen();
    QCOMPARE(names(t.db()), list({"before.example"}));
}

void tst_Transaction::destructorRollsBack()
{
    TestDb t;
    QVERIFY(t.ok());
    {
        Transaction outer(t.db());
        QVERIFY(insert(t.db(), "a.example"));
        {
            Transaction inner(t.db());
            QVERIFY(insert(t.db(), "b.example"));
        } // inner not committed
        QCOMPARE(names(t.db()), list({"a.example"}));
    } // outer not committed
    QCOMPARE(names(t.db()), QStringList());
    QCOMPARE(t.db().transactionDepth(), 0);
}

void tst_Transaction::middleRollbackUndoesItsInnerCommits()
{
    TestDb t;
    QVERIFY(t.ok());
    {
        Transaction outer(t.db());
        QVERIFY(insert(t.db(), "a.example"));
        {
            Transaction middle(t.db());
            QVERIFY(insert(t.db(), "b.example"));
            {
                Transaction inner(t.db());
                QCOMPARE(t.db().transactionDepth(), 3);
                QVERIFY(insert(t.db(), "c.example"));
                QVERIFY(inner.commit());
            }
            middle.rollback();
        }
        QVERIFY(outer.commit());
    }
    QCOMPARE(names(t.db()), list({"a.example"}));
}

void tst_Transaction::failedStatementDoesNotPoisonTheOuter()
{
    TestDb t;
    QVERIFY(t.ok());
    {
        Transaction outer(t.db());
        QVERIFY(insert(t.db(), "a.example"));
        {
            Transaction inner(t.db());
            QVERIFY(insert(t.db(), "b.example"));
            QVERIFY(!insert(t.db(), "A.EXAMPLE")); // primary key, case-insensitive
            inner.rollback();
        }
        QVERIFY(insert(t.db(), "c.example"));
        QVERIFY(outer.commit());
    }
    t.reopen();
    QCOMPARE(names(t.db()), list({"a.example", "c.example"}));
}

void tst_Transaction::depthAndStateAfterCommitOrRollback()
{
    TestDb t;
    QVERIFY(t.ok());
    QCOMPARE(t.db().transactionDepth(), 0);
    Transaction outer(t.db());
    QCOMPARE(t.db().transactionDepth(), 1);
    {
        Transaction inner(t.db());
        QCOMPARE(t.db().transactionDepth(), 2);
        QVERIFY(inner.commit());
        QVERIFY(!inner.ok());
        QVERIFY2(!inner.commit(), "a second commit must fail");
        inner.rollback(); // harmless after commit
        QCOMPARE(t.db().transactionDepth(), 1);
    }
    QCOMPARE(t.db().transactionDepth(), 1);
    outer.rollback();
    QCOMPARE(t.db().transactionDepth(), 0);
    QVERIFY(!outer.commit());
    // The connection is usable for a new transaction afterwards.
    Transaction again(t.db());
    QVERIFY(again.ok());
    QVERIFY(insert(t.db(), "z.example"));
    QVERIFY(again.commit());
    QCOMPARE(names(t.db()), list({"z.example"}));
}

void tst_Transaction::uncommittedWorkIsLostOnReopen()
{
    TestDb t;
    QVERIFY(t.ok());
    auto tx = std::make_unique<Transaction>(t.db());
    QVERIFY(insert(t.db(), "a.example"));
    // A second connection (another process, after a crash) never sees uncommitted work.
    QString error;
    auto other = Database::open(t.path(), &error);
    QVERIFY2(other, qPrintable(error));
    QCOMPARE(names(*other), QStringList());
    tx.reset();
    QCOMPARE(names(*other), QStringList());
}

QTEST_GUILESS_MAIN(tst_Transaction)
#include "tst_transaction.moc"
