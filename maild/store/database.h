// A thin RAII layer over one SQLite connection: open with the durability we promise (WAL,
// synchronous=FULL, foreign keys), prepared statements with bound parameters only, and
// nestable transactions built on savepoints. The store is the only code that includes
// sqlite3.h; everything above it speaks in store types.
// Security: values are always bound, never spliced into SQL text.
#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace maild::store {

class Database;

class Statement
{
public:
    Statement(Database &db, const char *sql);
    Statement(Database &db, const QByteArray &sql) : Statement(db, sql.constData()) {}
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, const QString &value);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bindNull(int index);
    Statement &bind(int index, const QByteArray &blob); // a BLOB

    // Advances to the next row: true when a row is available, false when done or failed
    // (check ok()).
    bool next();
    // Runs a statement that returns no rows; false on failure.
    bool exec();
    bool ok() const { return m_ok; }
    // The SQLite result code of the failure (e.g. SQLITE_CONSTRAINT), 0 when none.
    int errorCode() const { return m_errorCode; }
    void reset();

    QString text(int column) const;
    QByteArray blob(int column) const; // a null QByteArray for NULL
    qint64 int64(int column) const;
    bool isNull(int column) const;

private:
    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = true;
    int m_errorCode = 0;
};

class Database
{
public:
    // Opens (creating if needed) the database at path. On failure returns nullptr and sets
    // *error to a sentence naming the file.
    static std::unique_ptr<Database> open(const QString &path, QString *error);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool exec(const char *sql);
    bool exec(const QByteArray &sql) { return exec(sql.constData()); }
    QString lastError() const;
    qint64 lastInsertRowId() const;
    int changes() const;
    const QString &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }
    int transactionDepth() const { return m_depth; }

private:
    friend class Transaction;
    Database(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

    sqlite3 *m_db;
    QString m_path;
    int m_depth = 0;
    int m_savepointCounter = 0;
};

// A savepoint: the outermost one is the transaction (its release is the commit and fsync);
// inner ones let one request of a batch fail without undoing the others. Rolls back unless
// commit() succeeded.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool ok() const { return m_open; }
    bool commit();
    void rollback();

private:
    Database &m_db;
    QByteArray m_name;
    bool m_open = false;
};

} // namespace maild::store
