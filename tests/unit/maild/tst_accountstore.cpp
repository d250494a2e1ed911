// Unit tests of store::AccountStore on a real SQLite file: create/get/update/remove with every
// field, names unique without regard to case, addresses only in local domains and never
// shared (nor equal to another account's <name>@<local domain>), the last administrator
// kept, a refused change leaving nothing behind, domains and aliases, and account.list's
// filter (with LIKE's own wildcards matched literally), sort keys and paging.
// Security: filter text and names come from the control socket; '%', '_', '\' and quotes
// must be plain characters to the store.
#include "store/accountstore.h"

#include "testdb.h"

#include <QDateTime>

using namespace maild::store;
using common::model::Account;
using common::model::MailAccess;
using common::model::MailState;
using maild::testing::TestDb;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

Account account(const char *name, const char *fullName = "", bool admin = false)
{
    Account a;
    a.name = s(name);
    a.fullName = s(fullName);
    a.admin = admin;
    return a;
}

QStringList names(const AccountPage &page)
{
    QStringList out;
    for (const Account &a : page.accounts)
        out.append(a.name);
    return out;
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out.append(s(i));
    return out;
}

const char *kindName(StoreError::Kind k)
{
    switch (k) {
    case StoreError::Kind::NotFound: return "NotFound";
    case StoreError::Kind::AlreadyExists: return "AlreadyExists";
    case StoreError::Kind::Conflict: return "Conflict";
    case StoreError::Kind::Invalid: return "Invalid";
    case StoreError::Kind::Storage: return "Storage";
    }
    return "?";
}

} // namespace

#define VERIFY_OK(expr)                                                                              \
    do {                                                                                             \
        const StoreResult r_ = (expr);                                                               \
        QVERIFY2(!r_, qPrintable(r_ ? r_->message : QString()));                                     \
    } while (false)

#define VERIFY_FAILS(expr, kind, fieldName)                                                          \
    do {                                                                                             \
        const StoreResult r_ = (expr);                                                               \
        QVERIFY2(r_, "expected a refusal: " #expr);                                                  \
        QCOMPARE(kindName(r_->kind), kindName(kind));                                                \
        QCOMPARE(r_->field, QString::fromLatin1(fieldName));                                         \
        QVERIFY(!r_->message.isEmpty());                                                             \
    } while (false)

class tst_AccountStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createAndGet();
    void getIsCaseInsensitiveAndMissingIsEmpty();
    void uniquenessIgnoresCase();
    void update();
    void refusedUpdateChangesNothing();
    void removeCascadesToAddresses();
    void passwords();
    void lastAdministratorIsKept();
    void domains();
    void addressesMustBeLocal();
    void addressesAreNeverShared();
    void refusedCreateLeavesNothing();
    void aliases();
    void listFilter_data();
    void listFilter();
    void listSorting_data();
    void listSorting();
    void listPaging();
    void listUnknownSortKey();

private:
    void seedForList();

    std::unique_ptr<TestDb> m_t;
    std::unique_ptr<AccountStore> m_store;
};

void tst_AccountStore::init()
{
    m_t = std::make_unique<TestDb>();
    QVERIFY2(m_t->ok(), qPrintable(m_t->migrateError()));
    m_store = std::make_unique<AccountStore>(m_t->db());
}

void tst_AccountStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void tst_AccountStore::createAndGet()
{
    VERIFY_OK(m_store->addDomain(s("example.org")));
    Account a = account("alice", "Alice Liddell");
    a.addresses = list({"alice.liddell@example.org", "al@example.org"});
    a.mail.state = MailState::Forward;
    a.mail.forwardAddress = s("alice@elsewhere.net");
    a.mail.server = s("mail2.example.org");
    a.mail.quotaBytes = 5'000'000'000LL;
    a.mail.quotaWarnPercent = 75;
    a.mail.access = MailAccess::ImapOnly;
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    VERIFY_OK(m_store->create(a, s("$pbkdf2-sha256$1000$c2FsdA==$a2V5")));

    const std::optional<Account> got = m_store->get(s("alice"));
    QVERIFY(got);
    QCOMPARE(got->name, s("alice"));
    QCOMPARE(got->fullName, s("Alice Liddell"));
    QVERIFY(!got->admin);
    QVERIFY(got->hasPassword);
    QCOMPARE(got->addresses, list({"al@example.org", "alice.liddell@example.org"})); // sorted
    QCOMPARE(got->mail, a.mail);
    QCOMPARE(got->usageBytes, 0);
    QVERIFY(got->created.isValid());
    QVERIFY(got->created >= before);
    QVERIFY(got->created <= QDateTime::currentDateTimeUtc().addSecs(1));
    QCOMPARE(got->modified, got->created);

    VERIFY_OK(m_store->create(account("bob"), QString()));
    const std::optional<Account> bob = m_store->get(s("bob"));
    QVERIFY(bob);
    QVERIFY(!bob->hasPassword);
    QCOMPARE(bob->mail, common::model::MailOptions());
    QVERIFY(bob->addresses.isEmpty());
    QCOMPARE(m_store->adminCount(), 0);
}

void tst_AccountStore::getIsCaseInsensitiveAndMissingIsEmpty()
{
    VERIFY_OK(m_store->create(account("alice"), QString()));
    QVERIFY(!m_store->get(s("nobody")));
    QVERIFY(!m_store->get(QString()));
    QVERIFY(!m_store->get(s("alice' OR '1'='1")));
    QVERIFY(!m_store->get(s("%")));
    QVERIFY(!m_store->get(s("alic_")));
    QVERIFY(!m_store->credentials(s("nobody")));
    const auto upper = m_store->get(s("ALICE"));
    QVERIFY(upper);
    QCOMPARE(upper->name, s("alice"));
}

void tst_AccountStore::uniquenessIgnoresCase()
{
    VERIFY_OK(m_store->create(account("alice", "First"), QString()));
    VERIFY_FAILS(m_store->create(account("alice", "Second"), QString()), StoreError::Kind::AlreadyExists, "name");
    // The syntax check is the caller's; the store still refuses a case variant.
    VERIFY_FAILS(m_store->create(account("Alice", "Third"), QString()), StoreError::Kind::AlreadyExists, "name");
    QCOMPARE(m_store->get(s("alice"))->fullName, s("First"));
    QCOMPARE(m_t->scalar("SELECT count(*) FROM accounts"), 1);
}

void tst_AccountStore::update()
{
    VERIFY_OK(m_store->addDomain(s("example.org")));
    Account a = account("alice", "Alice");
    a.addresses = list({"one@example.org"});
    VERIFY_OK(m_store->create(a, s("$pbkdf2-sha256$1000$c2FsdA==$a2V5")));
    Account changed = *m_store->get(s("alice"));
    changed.fullName = s("Alice Liddell");
    changed.admin = true;
    changed.addresses = list({"two@example.org", "three@example.org"});
    changed.mail.quotaBytes = 1024;
    changed.mail.access = MailAccess::PopOnly;
    changed.usageBytes = 999; // not the caller's to change
    VERIFY_OK(m_store->update(changed));
    const Account got = *m_store->get(s("alice"));
    QCOMPARE(got.fullName, s("Alice Liddell"));
    QVERIFY(got.admin);
    QCOMPARE(got.addresses, list({"three@example.org", "two@example.org"}));
    QCOMPARE(got.mail.quotaBytes, 1024);
    QCOMPARE(common::model::toString(got.mail.access), common::model::toString(MailAccess::PopOnly));
    QCOMPARE(got.usageBytes, 0);
    QVERIFY(got.hasPassword);
    QCOMPARE(got.created, changed.created);
    QVERIFY(got.modified >= got.created);
    // The freed address can be taken by someone else now.
    Account bob = account("bob");
    bob.addresses = list({"one@example.org"});
    VERIFY_OK(m_store->create(bob, QString()));
    VERIFY_FAILS(m_store->update(account("ghost")), StoreError::Kind::NotFound, "name");
}

void tst_AccountStore::refusedUpdateChangesNothing()
{
    VERIFY_OK(m_store->addDomain(s("example.org")));
    VERIFY_OK(m_store->create(account("bob"), QString()));
    Account a = account("alice", "Alice");
    a.addresses = list({"one@example.org"});
    VERIFY_OK(m_store->create(a, QString()));
    const Account before = *m_store->get(s("alice"));
    Account changed = before;
    changed.fullName = s("Changed");
    changed.mail.quotaBytes = 77;
    changed.addresses = list({"two@example.org", "bob@example.org"}); // bob's
    VERIFY_FAILS(m_store->update(changed), StoreError::Kind::AlreadyExists, "addresses");
    const Account after = *m_store->get(s("alice"));
    QCOMPARE(after.fullName, before.fullName);
    QCOMPARE(after.mail, before.mail);
    QCOMPARE(after.addresses, before.addresses);
    QCOMPARE(m_t->db().transactionDepth(), 0);
}

void tst_AccountStore::removeCascadesToAddresses()
{
    VERIFY_OK(m_store->addDomain(s("example.org")));
    Account a = account("alice");
    a.addresses = list({"al@example.org"});
    VERIFY_OK(m_store->create(a, QString()));
    VERIFY_OK(m_store->create(account("bob"), QString()));
    VERIFY_OK(m_store->remove(s("alice")));
    QVERIFY(!m_store->get(s("alice")));
    QVERIFY(m_store->aliases().isEmpty());
    QCOMPARE(m_t->scalar("SELECT count(*) FROM addresses"), 0);
    VERIFY_FAILS(m_store->remove(s("alice")), StoreError::Kind::NotFound, "name");
    QVERIFY(m_store->get(s("bob")));
    // The name and the address are free again.
    Account again = account("alice");
    again.addresses = list({"al@example.org"});
    VERIFY_OK(m_store->create(again, QString()));
}

void tst_AccountStore::passwords()
{
    VERIFY_OK(m_store->create(account("alice", "", true), QString()));
    QCOMPARE(m_store->credentials(s("alice"))->passwordHash, QString());
    QVERIFY(m_store->credentials(s("alice"))->admin);
    VERIFY_OK(m_store->setPassword(s("alice"), s("$hash$one")));
    QCOMPARE(m_store->credentials(s("alice"))->passwordHash, s("$hash$one"));
    QVERIFY(m_store->get(s("alice"))->hasPassword);
    VERIFY_FAILS(m_store->setPassword(s("ghost"), s("$hash$two")), StoreError::Kind::NotFound, "name");
    // An update does not touch the password.
    Account a = *m_store->get(s("alice"));
    a.fullName = s("Renamed");
    VERIFY_OK(m_store->update(a));
    QCOMPARE(m_store->credentials(s("alice"))->passwordHash, s("$hash$one"));
}

void tst_AccountStore::lastAdministratorIsKept()
{
    VERIFY_OK(m_store->create(account("root1", "", true), QString()));
    VERIFY_OK(m_store->create(account("user1"), QString()));
    QCOMPARE(m_store->adminCount(), 1);
    VERIFY_FAILS(m_store->remove(s("root1")), StoreError::Kind::Conflict, "name");
    Account demoted = *m_store->get(s("root1"));
    demoted.admin = false;
    VERIFY_FAILS(m_store->update(demoted), StoreError::Kind::Conflict, "admin");
    QVERIFY(m_store->get(s("root1"))->admin);
    // A non-admin update of the last admin's other fields is fine.
    Account renamed = *m_store->get(s("root1"));
    renamed.fullName = s("Still Admin");
    VERIFY_OK(m_store->update(renamed));

    VERIFY_OK(m_store->create(account("root2", "", true), QString()));
    QCOMPARE(m_store->adminCount(), 2);
    VERIFY_OK(m_store->update(demoted));
    QCOMPARE(m_store->adminCount(), 1);
    VERIFY_FAILS(m_store->remove(s("root2")), StoreError::Kind::Conflict, "name");
    VERIFY_OK(m_store->remove(s("user1")));
    VERIFY_OK(m_store->remove(s("root1")));
    QCOMPARE(m_store->adminCount(), 1);
}

void tst_AccountStore::domains()
{
    QVERIFY(m_store->domains().isEmpty());
    VERIFY_OK(m_store->addDomain(s("example.org")));
    VERIFY_OK(m_store->addDomain(s("a.example.net")));
    VERIFY_FAILS(m_store->addDomain(s("example.org")), StoreError::Kind::AlreadyExists, "name");
    VERIFY_FAILS(m_store->addDomain(s("EXAMPLE.ORG")), StoreError::Kind::AlreadyExists, "name");
    QCOMPARE(m_store->domains(), list({"a.example.net", "example.org"}));
    QVERIFY(m_store->isLocalDomain(s("example.org")));
    QVERIFY(m_store->isLocalDomain(s("Example.Org")));
    QVERIFY(!m_store->isLocalDomain(s("example")));
    QVERIFY(!m_store->isLocalDomain(s("%")));

    VERIFY_OK(m_store->create(account("alice"), QString()));
    VERIFY_OK(m_store->addAlias(s("info@example.org"), s("alice")));
    VERIFY_FAILS(m_store->removeDomain(s("example.org")), StoreError::Kind::Conflict, "name");
    VERIFY_OK(m_store->removeDomain(s("a.example.net"))); // unused
    VERIFY_FAILS(m_store->removeDomain(s("a.example.net")), StoreError::Kind::NotFound, "name");
    VERIFY_OK(m_store->removeAlias(s("info@example.org")));
    VERIFY_OK(m_store->removeDomain(s("example.org")));
    QVERIFY(m_store->domains().isEmpty());
}

void tst_AccountStore::addressesMustBeLocal()
{
    VERIFY_OK(m_store->addDomain(s("example.org")));
    VERIFY_OK(m_store->create(account("alice"), QString()));
    VERIFY_FAILS(m_store->addAlias(s("alice@elsewhere.net"), s("alice")), StoreError::Kind::Invalid, "address");
    VERIFY_FAILS(m_store->addAlias(s("alice@sub.example.org"), s("alice")), StoreError::Kind::Invalid, "address");
    VERIFY_FAILS(m_store->addAlias(s("alice@org"), s("alice")), StoreError::Kind::Invalid, "address");
    Account a = *m_store->get(s("alice"));
    a.addresses = list({"ok@example.org", "bad@elsewhere.net"});
    VERIFY_FAILS(m_store->update(a), StoreError::Kind::Invalid, "addresses");
    QVERIFY(m_store->aliases().isEmpty());
    VERIFY_OK(m_store->addAlias(s("ok@EXAMPLE.org"), s("alice")));
}

void tst_AccountStore::addressesAreNeverShared()
{
    VERIFY_OK(m_store->addDomain(s("example.org")));
    VERIFY_OK(m_store->addDomain(s("example.net")));
    VERIFY_OK(m_store->create(account("alice"), QString()));
    VERIFY_OK(m_store->create(account("bob"), QString()));
    VERIFY_OK(m_store->addAlias(s("sales@example.org"), s("alice")));
    VERIFY_FAILS(m_store->addAlias(s("sales@example.org"), s("bob")), StoreError::Kind::AlreadyExists, "address");
    VERIFY_FAILS(m_store->addAlias(s("SALES@example.org"), s("bob")), StoreError::Kind::AlreadyExists, "address");
    VERIFY_FAILS(m_store->addAlias(s("sales@example.org"), s("alice")), StoreError::Kind::AlreadyExists, "address");
    // <other account's name>@<any local domain> belongs to that account.
    VERIFY_FAILS(m_store->addAlias(s("alice@example.net"), s("bob")), StoreError::Kind::AlreadyExists, "address");
    VERIFY_FAILS(m_store->addAlias(s("Alice@example.org"), s("bob")), StoreError::Kind::AlreadyExists, "address");
    // ...but an account may list its own.
    VERIFY_OK(m_store->addAlias(s("bob@example.net"), s("bob")));
    // The same local part in another local domain is another address.
    VERIFY_OK(m_store->addAlias(s("sales@example.net"), s("bob")));
    VERIFY_FAILS(m_store->addAlias(s("x@example.org"), s("ghost")), StoreError::Kind::NotFound, "account");
}

void tst_AccountStore::refusedCreateLeavesNothing()
{
    VERIFY_OK(m_store->addDomain(s("example.org")));
    VERIFY_OK(m_store->create(account("alice"), QString()));
    VERIFY_OK(m_store->addAlias(s("sales@example.org"), s("alice")));
    Account carol = account("carol");
    carol.addresses = list({"carol.c@example.org", "sales@example.org"});
    VERIFY_FAILS(m_store->create(carol, QString()), StoreError::Kind::AlreadyExists, "addresses");
    QVERIFY(!m_store->get(s("carol")));
    carol.addresses = list({"carol.c@example.org", "carol@nowhere.example"});
    VERIFY_FAILS(m_store->create(carol, QString()), StoreError::Kind::Invalid, "addresses");
    QVERIFY(!m_store->get(s("carol")));
    QCOMPARE(m_t->scalar("SELECT count(*) FROM addresses"), 1);
    QCOMPARE(m_t->db().transactionDepth(), 0);
}

void tst_AccountStore::aliases()
{
    VERIFY_OK(m_store->addDomain(s("example.org")));
    VERIFY_OK(m_store->create(account("alice"), QString()));
    VERIFY_OK(m_store->create(account("bob"), QString()));
    VERIFY_OK(m_store->addAlias(s("zed@example.org"), s("alice")));
    VERIFY_OK(m_store->addAlias(s("amy@example.org"), s("bob")));
    VERIFY_OK(m_store->addAlias(s("info@example.org"), s("alice")));
    const auto all = m_store->aliases();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].address, s("amy@example.org"));
    QCOMPARE(all[0].account, s("bob"));
    QCOMPARE(all[1].address, s("info@example.org"));
    QCOMPARE(all[2].account, s("alice"));
    const auto alices = m_store->aliases(s("alice"));
    QCOMPARE(alices.size(), 2);
    QVERIFY(m_store->aliases(s("ghost")).isEmpty());
    QCOMPARE(m_store->get(s("alice"))->addresses, list({"info@example.org", "zed@example.org"}));
    VERIFY_OK(m_store->removeAlias(s("INFO@example.org")));
    VERIFY_FAILS(m_store->removeAlias(s("info@example.org")), StoreError::Kind::NotFound, "address");
    VERIFY_FAILS(m_store->removeAlias(s("%")), StoreError::Kind::NotFound, "address");
    QCOMPARE(m_store->aliases().size(), 2);
}

void tst_AccountStore::seedForList()
{
    VERIFY_OK(m_store->addDomain(s("example.org")));
    struct Row { const char *name, *fullName; qint64 quota; MailState state; };
    const Row rows[] = {
        {"dora", "Dora Explorer", 300, MailState::Enabled},
        {"alice", "Alice Liddell", 100, MailState::Disabled},
        {"carl", "50% off", 0, MailState::Enabled},
        {"bob", "under_score", 200, MailState::Enabled},
        {"erin", "rxs decoy", 100, MailState::Disabled},
        {"fred", "back\\slash", 0, MailState::Enabled},
        {"gus", "Shaq O'Neil", 500, MailState::Enabled},
        {"hal", "alice cooper", 0, MailState::Enabled},
    };
    for (const Row &r : rows) {
        Account a = account(r.name, r.fullName);
        a.mail.quotaBytes = r.quota;
        a.mail.state = r.state;
        if (r.state == MailState::Forward)
            a.mail.forwardAddress = s("x@elsewhere.net");
        VERIFY_OK(m_store->create(a, QString()));
    }
    VERIFY_OK(m_store->addAlias(s("sales@example.org"), s("dora")));
    VERIFY_OK(m_store->addAlias(s("10percent@example.org"), s("gus")));
}

void tst_AccountStore::listFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected"); // sorted by name
    QTest::newRow("empty: all") << QString() << list({"alice", "bob", "carl", "dora", "erin", "fred", "gus", "hal"});
    QTest::newRow("name") << s("dor") << list({"dora"});
    QTest::newRow("full name, any case") << s("ALICE") << list({"alice", "hal"});
    QTest::newRow("address") << s("sales@") << list({"dora"});
    QTest::newRow("percent is literal") << s("%") << list({"carl"});
    QTest::newRow("underscore is literal") << s("_") << list({"bob"});
    QTest::newRow("underscore between letters") << s("r_s") << list({"bob"});
    QTest::newRow("backslash is literal") << s("\\") << list({"fred"});
    QTest::newRow("backslash then letter") << s("k\\s") << list({"fred"});
    QTest::newRow("quote") << s("'") << list({"gus"});
    QTest::newRow("SQL") << s("' OR 1=1 --") << QStringList();
    QTest::newRow("percent in address") << s("10percent") << list({"gus"});
    QTest::newRow("no match") << s("zzz") << QStringList();
}

void tst_AccountStore::listFilter()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    seedForList();
    AccountQuery q;
    q.filter = filter;
    std::optional<StoreError> error;
    const AccountPage page = m_store->list(q, &error);
    QVERIFY(!error);
    QCOMPARE(names(page), expected);
    QCOMPARE(page.total, expected.size());
}

void tst_AccountStore::listSorting_data()
{
    QTest::addColumn<QString>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("name asc") << s("name") << false << list({"alice", "bob", "carl", "dora", "erin", "fred", "gus", "hal"});
    QTest::newRow("name desc") << s("name") << true << list({"hal", "gus", "fred", "erin", "dora", "carl", "bob", "alice"});
    // Full names compare without regard to case ("alice cooper" < "Alice Liddell"); '5' sorts
    // before letters.
    QTest::newRow("fullName asc") << s("fullName") << false
                                  << list({"carl", "hal", "alice", "fred", "dora", "erin", "gus", "bob"});
    QTest::newRow("fullName desc") << s("fullName") << true
                                   << list({"bob", "gus", "erin", "dora", "fred", "alice", "hal", "carl"});
    QTest::newRow("quota asc, ties by name") << s("quota") << false
                                             << list({"carl", "fred", "hal", "alice", "erin", "bob", "dora", "gus"});
    QTest::newRow("quota desc") << s("quota") << true
                                << list({"gus", "dora", "bob", "erin", "alice", "hal", "fred", "carl"});
    QTest::newRow("state asc") << s("state") << false
                               << list({"alice", "erin", "bob", "carl", "dora", "fred", "gus", "hal"});
    QTest::newRow("created asc") << s("created") << false
                                 << list({"dora", "alice", "carl", "bob", "erin", "fred", "gus", "hal"});
    QTest::newRow("created desc") << s("created") << true
                                  << list({"hal", "gus", "fred", "erin", "bob", "carl", "alice", "dora"});
    QTest::newRow("usage: all zero, ties by name") << s("usage") << false
                                                   << list({"alice", "bob", "carl", "dora", "erin", "fred", "gus", "hal"});
}

void tst_AccountStore::listSorting()
{
    QFETCH(QString, sort);
    QFETCH(bool, descending);
    QFETCH(QStringList, expected);
    seedForList();
    AccountQuery q;
    q.sort = sort;
    q.descending = descending;
    std::optional<StoreError> error;
    const AccountPage page = m_store->list(q, &error);
    QVERIFY(!error);
    QCOMPARE(names(page), expected);
    QCOMPARE(page.total, 8);
}

void tst_AccountStore::listPaging()
{
    seedForList();
    std::optional<StoreError> error;
    AccountQuery q;
    q.limit = 3;
    QCOMPARE(names(m_store->list(q, &error)), list({"alice", "bob", "carl"}));
    q.offset = 3;
    AccountPage page = m_store->list(q, &error);
    QCOMPARE(names(page), list({"dora", "erin", "fred"}));
    QCOMPARE(page.total, 8);
    // The page's addresses belong to the right accounts.
    QCOMPARE(page.accounts[0].addresses, list({"sales@example.org"}));
    QVERIFY(page.accounts[1].addresses.isEmpty());
    q.offset = 6;
    QCOMPARE(names(m_store->list(q, &error)), list({"gus", "hal"}));
    QCOMPARE(m_store->list(q, &error).accounts[0].addresses, list({"10percent@example.org"}));
    q.offset = 8;
    page = m_store->list(q, &error);
    QVERIFY(page.accounts.isEmpty());
    QCOMPARE(page.total, 8);
    q.offset = 1000;
    QVERIFY(m_store->list(q, &error).accounts.isEmpty());
    // Filter and paging together: the total is the filter's.
    q.offset = 1;
    q.limit = 1;
    q.filter = s("alice");
    page = m_store->list(q, &error);
    QCOMPARE(names(page), list({"hal"}));
    QCOMPARE(page.total, 2);
    QVERIFY(!error);
}

void tst_AccountStore::listUnknownSortKey()
{
    seedForList();
    AccountQuery q;
    q.sort = s("password_hash");
    std::optional<StoreError> error;
    const AccountPage page = m_store->list(q, &error);
    QVERIFY(error);
    QCOMPARE(kindName(error->kind), kindName(StoreError::Kind::Invalid));
    QCOMPARE(error->field, s("sort"));
    QVERIFY(page.accounts.isEmpty());
    QCOMPARE(AccountStore::sortKeys(), list({"name", "fullName", "state", "quota", "usage", "created"}));
}

QTEST_GUILESS_MAIN(tst_AccountStore)
#include "tst_accountstore.moc"
