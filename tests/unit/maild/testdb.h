// A real maild.db for unit tests of the store: a SQLite file in its own QTemporaryDir,
// opened with the daemon's pragmas and (optionally) migrated to the latest schema.
#pragma once

#include "store/database.h"
#include "store/migrations.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace maild::testing {

class TestDb
{
public:
    explicit TestDb(bool migrated = true)
    {
        QVERIFY2(m_dir.isValid(), "cannot create a temporary directory");
        reopen();
        if (migrated && m_db)
            m_migrateError = store::migrate(*m_db);
    }

    // Closes and opens the file again: what survives is what was committed.
    void reopen()
    {
        m_db.reset();
        QString error;
        m_db = store::Database::open(path(), &error);
        if (!m_db)
            qWarning("cannot open %s: %s", qPrintable(path()), qPrintable(error));
    }

    QString path() const { return m_dir.filePath(QStringLiteral("maild.db")); }
    bool ok() const { return m_db && m_migrateError.isEmpty(); }
    QString migrateError() const { return m_migrateError; }
    store::Database &db() { return *m_db; }

    // The single integer a query returns (-1 when it returns no row).
    qint64 scalar(const char *sql)
    {
        store::Statement st(*m_db, sql);
        return st.next() ? st.int64(0) : -1;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    QString m_migrateError;
};

} // namespace maild::testing
