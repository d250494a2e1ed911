// SQLite connection, statements and savepoint transactions (see database.h).
#include "store/database.h"

#include "store/storeerror.h"

#include <QDateTime>
#include <sqlite3.h>

namespace maild::store {

Statement::Statement(Database &db, const char *sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        m_ok = false;
        m_errorCode = rc;
        qWarning("SQL prepare failed: %s: %s", sqlite3_errmsg(db.handle()), sql);
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, const QString &value)
{
    if (m_stmt) {
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    if (m_stmt)
        sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::next()
{
    if (!m_stmt || !m_ok)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_ok = false;
        m_errorCode = sqlite3_extended_errcode(m_db.handle()) & 0xff;
    }
    return false;
}

bool Statement::exec()
{
    while (next()) {
    }
    return m_ok;
}

void Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_ok = m_stmt != nullptr;
    m_errorCode = 0;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL)
        return {};
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data ? data : "", sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::unique_ptr<Database> Database::open(const QString &path, QString *error)
{
    sqlite3 *db = nullptr;
    const QByteArray file = path.toUtf8();
    const int rc = sqlite3_open_v2(file.constData(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        *error = QStringLiteral("cannot open database %1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return nullptr;
    }
    std::unique_ptr<Database> out(new Database(db, path));
    sqlite3_busy_timeout(db, 5000);
    // WAL for concurrent readers; FULL so that a commit is on disk before we acknowledge it.
    const char *pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
    if (!out->exec(pragmas)) {
        *error = QStringLiteral("cannot configure database %1: %2").arg(path, out->lastError());
        return nullptr;
    }
    return out;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

bool Database::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        qWarning("SQL failed: %s", message ? message : "?");
        sqlite3_free(message);
        return false;
    }
    return true;
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Transaction::Transaction(Database &db) : m_db(db)
{
    m_name = "sp" + QByteArray::number(++db.m_savepointCounter);
    m_open = db.exec(QByteArray("SAVEPOINT " + m_name));
    if (m_open)
        ++db.m_depth;
}

Transaction::~Transaction()
{
    if (m_open)
        rollback();
}

bool Transaction::commit()
{
    if (!m_open)
        return false;
    if (!m_db.exec(QByteArray("RELEASE " + m_name))) {
        rollback();
        return false;
    }
    m_open = false;
    --m_db.m_depth;
    return true;
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_db.exec(QByteArray("ROLLBACK TO " + m_name));
    m_db.exec(QByteArray("RELEASE " + m_name));
    m_open = false;
    --m_db.m_depth;
}

StoreError storageError(Database &db)
{
    return {StoreError::Kind::Storage, QStringLiteral("the database refused the change: %1").arg(db.lastError()), {}};
}

QString utcNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace maild::store
