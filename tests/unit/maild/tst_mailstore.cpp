// The mail store (maild/mailstore) on real files in a temporary data directory: delivery
// through the group-commit worker (files, index rows, usage, quota, special-use mailboxes,
// APPENDUID), and the index updates the IMAP service builds on (flags with MODSEQ, copies by
// hard link, mailbox create/rename/delete, expunge), each announcing mailboxChanged.
#include "mailstore/mailboxview.h"
#include "mailstore/mailindex.h"
#include "mailstore/mailstore.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace maild::mailstore;

class tst_MailStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MailStore> m_store;

    // Delivers text to account's mailbox and waits for the worker's answer.
    DeliveryResult deliver(const QString &account, const QByteArray &text, qint64 quota = 0,
                           const QString &mailbox = QStringLiteral("INBOX"), const QString &flags = {})
    {
        static int n = 0;
        QString error;
        auto spool = m_store->createSpool(QStringLiteral("m%1").arg(++n), &error);
        Q_ASSERT(spool);
        spool->write(text);
        spool->flush();
        DeliveryJob job;
        job.messageId = QStringLiteral("m%1").arg(n);
        job.spoolPath = spool->path();
        job.size = spool->size();
        job.internalDate = QDateTime::currentDateTimeUtc();
        job.local.append({account, quota, mailbox, flags});
        job.spoolFd = spool->release();
        std::optional<DeliveryResult> result;
        m_store->deliver(std::move(job), this, [&](const DeliveryResult &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            return {};
        return *result;
    }

    QVariant update(const QString &account, std::function<QVariant(IndexUpdate &)> work, QString *errorOut = nullptr)
    {
        std::optional<QVariant> result;
        QString error;
        m_store->update(account, this, std::move(work), [&](const QString &e, const QVariant &r) {
            error = e;
            result = r;
        });
        const bool answered = QTest::qWaitFor([&] { return result.has_value(); }, 10000);
        if (errorOut)
            *errorOut = answered ? error : QStringLiteral("timed out");
        return result.value_or(QVariant());
    }

    QList<StoredMessage> messages(const QString &account, const QString &mailbox = QStringLiteral("INBOX"))
    {
        QString error;
        auto view = MailboxView::open(m_store->accountDir(account), mailbox, &error);
        return view ? view->messages() : QList<StoredMessage>();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        auto db = maild::store::Database::open(m_dir.path() + QStringLiteral("/maild.db"), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(maild::store::migrate(*db), QString());
        m_store = std::make_unique<MailStore>(m_dir.path());
        QCOMPARE(m_store->start(false), QString());
    }

    void cleanup()
    {
        m_store->stop();
        m_store.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void deliveryStoresFileIndexAndUsage()
    {
        QSignalSpy changed(m_store.get(), &MailStore::mailboxChanged);
        const QByteArray text = "Subject: one\r\n\r\nbody\r\n";
        const DeliveryResult r = deliver(QStringLiteral("alice"), text);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.uid, 1);
        QVERIFY(r.uidValidity > 0);
        const QList<StoredMessage> inbox = messages(QStringLiteral("alice"));
        QCOMPARE(inbox.size(), 1);
        QCOMPARE(inbox[0].size, text.size());
        QFile f(inbox[0].path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), text);
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed[0][1].toString(), QStringLiteral("INBOX"));
        // The spool file is gone; the account folder is private.
        QCOMPARE(QDir(m_dir.path() + QStringLiteral("/spool")).entryList(QDir::Files).size(), 0);
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(m_store->accountDir(QStringLiteral("alice"))).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
    }

    void specialUseMailboxesExist()
    {
        QVERIFY(deliver(QStringLiteral("bob"), "x\r\n").ok);
        const QVariant names = update(QStringLiteral("bob"), [](IndexUpdate &u) -> QVariant {
            QStringList out;
            for (const MailboxRow &m : u.index.mailboxes())
                out.append(m.name + QLatin1Char('=') + m.specialUse);
            return out;
        });
        QCOMPARE(names.toStringList(), (QStringList{QStringLiteral("Archive=\\Archive"), QStringLiteral("Drafts=\\Drafts"),
                                                    QStringLiteral("INBOX="), QStringLiteral("Junk=\\Junk"),
                                                    QStringLiteral("Sent=\\Sent"), QStringLiteral("Trash=\\Trash")}));
    }

    void quotaIsExact()
    {
        const QByteArray text(100, 'x');
        QVERIFY(deliver(QStringLiteral("carol"), text, 250).ok);
        QVERIFY(deliver(QStringLiteral("carol"), text, 250).ok);
        const DeliveryResult full = deliver(QStringLiteral("carol"), text, 250);
        QVERIFY(!full.ok);
        QVERIFY(full.quotaExceeded);
        QCOMPARE(messages(QStringLiteral("carol")).size(), 2);
    }

    void appendIntoAMailboxWithFlags()
    {
        QVERIFY(deliver(QStringLiteral("dave"), "first\r\n").ok);
        const DeliveryResult r = deliver(QStringLiteral("dave"), "draft\r\n", 0, QStringLiteral("Drafts"),
                                         QStringLiteral("\\Draft \\Seen"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.uid, 1);
        const QList<StoredMessage> drafts = messages(QStringLiteral("dave"), QStringLiteral("Drafts"));
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts[0].flags, QStringLiteral("\\Draft \\Seen"));
        QVERIFY(!deliver(QStringLiteral("dave"), "x\r\n", 0, QStringLiteral("Nope")).ok);
    }

    void flagsGetNewModseqs()
    {
        QVERIFY(deliver(QStringLiteral("erin"), "a\r\n").ok);
        QVERIFY(deliver(QStringLiteral("erin"), "b\r\n").ok);
        const QList<StoredMessage> before = messages(QStringLiteral("erin"));
        QSignalSpy changed(m_store.get(), &MailStore::mailboxChanged);
        const QVariant modseqs = update(QStringLiteral("erin"), [&](IndexUpdate &u) -> QVariant {
            MailboxRow inbox = *u.index.mailbox(QStringLiteral("INBOX"));
            QVariantList out;
            for (const FlagChange &c : u.index.storeFlags(inbox, {before[0].id, before[1].id}, FlagMode::Add,
                                                          {QStringLiteral("\\Seen")}))
                out.append(c.modseq);
            u.changedMailboxes.append(QStringLiteral("INBOX"));
            return out;
        });
        const QVariantList list = modseqs.toList();
        QCOMPARE(list.size(), 2);
        QVERIFY(list[0].toLongLong() > before[1].modseq);
        QVERIFY(list[1].toLongLong() > list[0].toLongLong());
        QTRY_COMPARE(changed.count(), 1);
        const QList<StoredMessage> after = messages(QStringLiteral("erin"));
        QCOMPARE(after[0].flags, QStringLiteral("\\Seen"));
        // Removing, and an unchanged store, leave the rest alone.
        update(QStringLiteral("erin"), [&](IndexUpdate &u) -> QVariant {
            MailboxRow inbox = *u.index.mailbox(QStringLiteral("INBOX"));
            u.index.storeFlags(inbox, {before[0].id}, FlagMode::Remove, {QStringLiteral("\\seen")});
            return {};
        });
        QCOMPARE(messages(QStringLiteral("erin"))[0].flags, QString());
        QCOMPARE(messages(QStringLiteral("erin"))[1].flags, QStringLiteral("\\Seen"));
    }

    void copyLinksAndCountsUsage()
    {
        QVERIFY(deliver(QStringLiteral("fay"), "keep me\r\n").ok);
        const StoredMessage original = messages(QStringLiteral("fay"))[0];
        QString error;
        const QVariant uids = update(QStringLiteral("fay"), [&](IndexUpdate &u) -> QVariant {
            MailboxRow archive = *u.index.mailbox(QStringLiteral("Archive"));
            const auto pairs = u.index.copyMessages({original.id}, archive, u.accountDir, &u.error);
            u.syncMessageDir = true;
            return pairs.isEmpty() ? QVariant() : QVariant(pairs[0].second);
        }, &error);
        QCOMPARE(error, QString());
        QCOMPARE(uids.toLongLong(), 1);
        const StoredMessage copy = messages(QStringLiteral("fay"), QStringLiteral("Archive"))[0];
        struct stat a{}, b{};
        ::stat(QFile::encodeName(original.path).constData(), &a);
        ::stat(QFile::encodeName(copy.path).constData(), &b);
        QCOMPARE(a.st_ino, b.st_ino); // one file, two names
        // Expunging the original keeps the copy readable and lowers usage by one size.
        bool done = false;
        m_store->expunge(QStringLiteral("fay"), QStringLiteral("INBOX"), {original.id}, this, [&](bool ok, qint64 freed) {
            QVERIFY(ok);
            QCOMPARE(freed, original.size);
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(!QFile::exists(original.path));
        QVERIFY(QFile::exists(copy.path));
        QCOMPARE(messages(QStringLiteral("fay")).size(), 0);
    }

    void mailboxCreateRenameDelete()
    {
        QVERIFY(deliver(QStringLiteral("gus"), "one\r\n").ok);
        QVERIFY(deliver(QStringLiteral("gus"), "two\r\n").ok);
        QString error;
        update(QStringLiteral("gus"), [](IndexUpdate &u) -> QVariant {
            u.error = u.index.createMailbox(QStringLiteral("Projects"));
            if (u.error.isEmpty())
                u.error = u.index.createMailbox(QStringLiteral("Projects/2026"));
            return {};
        }, &error);
        QCOMPARE(error, QString());
        update(QStringLiteral("gus"), [](IndexUpdate &u) -> QVariant {
            u.error = u.index.createMailbox(QStringLiteral("Projects"));
            return {};
        }, &error);
        QVERIFY(error.contains(QStringLiteral("exists")));
        // Renaming moves the children too.
        update(QStringLiteral("gus"), [](IndexUpdate &u) -> QVariant {
            u.error = u.index.renameMailbox(QStringLiteral("Projects"), QStringLiteral("Work"));
            return {};
        }, &error);
        QCOMPARE(error, QString());
        const QVariant names = update(QStringLiteral("gus"), [](IndexUpdate &u) -> QVariant {
            QStringList out;
            for (const MailboxRow &m : u.index.mailboxes())
                out.append(m.name);
            return out;
        });
        QVERIFY(names.toStringList().contains(QStringLiteral("Work/2026")));
        QVERIFY(!names.toStringList().contains(QStringLiteral("Projects")));
        // Renaming INBOX moves its messages and leaves it empty (RFC 3501 6.3.5).
        update(QStringLiteral("gus"), [](IndexUpdate &u) -> QVariant {
            u.error = u.index.renameMailbox(QStringLiteral("INBOX"), QStringLiteral("Old"));
            return {};
        }, &error);
        QCOMPARE(error, QString());
        QCOMPARE(messages(QStringLiteral("gus")).size(), 0);
        QCOMPARE(messages(QStringLiteral("gus"), QStringLiteral("Old")).size(), 2);
        // Deleting a mailbox removes its messages and their files; INBOX cannot be deleted.
        const QString file = messages(QStringLiteral("gus"), QStringLiteral("Old"))[0].path;
        update(QStringLiteral("gus"), [](IndexUpdate &u) -> QVariant {
            u.error = u.index.deleteMailbox(QStringLiteral("Old"), &u.filesToRemove);
            return {};
        }, &error);
        QCOMPARE(error, QString());
        QVERIFY(!QFile::exists(file));
        update(QStringLiteral("gus"), [](IndexUpdate &u) -> QVariant {
            u.error = u.index.deleteMailbox(QStringLiteral("INBOX"), &u.filesToRemove);
            return {};
        }, &error);
        QVERIFY(!error.isEmpty());
    }

    void failedUpdateChangesNothing()
    {
        QVERIFY(deliver(QStringLiteral("hal"), "x\r\n").ok);
        QString error;
        update(QStringLiteral("hal"), [](IndexUpdate &u) -> QVariant {
            u.index.createMailbox(QStringLiteral("Temp"));
            u.error = QStringLiteral("changed my mind");
            return {};
        }, &error);
        QCOMPARE(error, QStringLiteral("changed my mind"));
        const QVariant exists = update(QStringLiteral("hal"), [](IndexUpdate &u) -> QVariant {
            return u.index.mailbox(QStringLiteral("Temp")).has_value();
        });
        QCOMPARE(exists.toBool(), false);
    }
};

QTEST_GUILESS_MAIN(tst_MailStore)
#include "tst_mailstore.moc"
