// The audit log of administrative changes in maild.db: who (account and peer uid), what
// (method, target, details without secrets), when. Written in the same transaction as the
// change it records, so the two are never out of step.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace maild::store {

class Database;

struct AuditEntry
{
    qint64 id = 0;
    QDateTime time;
    QString actor;
    qint64 peerUid = -1;
    QString method;
    QString target;
    QJsonObject details;
    QJsonObject toJson() const;
};

struct AuditQuery
{
    QString actor;
    QString method;
    int offset = 0;
    int limit = 100;
};

class AuditLog
{
public:
    explicit AuditLog(Database &db) : m_db(db) {}
    bool record(const AuditEntry &entry);
    QList<AuditEntry> list(const AuditQuery &query, qint64 *total);

private:
    Database &m_db;
};

} // namespace maild::store
