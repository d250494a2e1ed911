// The audit table (see auditlog.h).
#include "store/auditlog.h"

#include "store/database.h"

#include <QJsonDocument>

namespace maild::store {

QJsonObject AuditEntry::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("actor"), actor},
            {QStringLiteral("peerUid"), peerUid},
            {QStringLiteral("method"), method},
            {QStringLiteral("target"), target},
            {QStringLiteral("details"), details}};
}

bool AuditLog::record(const AuditEntry &entry)
{
    Statement st(m_db, "INSERT INTO audit (time, actor, peer_uid, method, target, details) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, entry.time.toUTC().toString(Qt::ISODateWithMs))
        .bind(2, entry.actor)
        .bind(3, entry.peerUid)
        .bind(4, entry.method)
        .bind(5, entry.target)
        .bind(6, QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact)));
    return st.exec();
}

QList<AuditEntry> AuditLog::list(const AuditQuery &query, qint64 *total)
{
    const char *where = " WHERE (?1 = '' OR actor = ?1) AND (?2 = '' OR method = ?2)";
    Statement count(m_db, (QByteArray("SELECT count(*) FROM audit") + where));
    count.bind(1, query.actor).bind(2, query.method);
    *total = count.next() ? count.int64(0) : 0;

    Statement st(m_db, (QByteArray("SELECT id, time, actor, peer_uid, method, target, details FROM audit") +
                        where + " ORDER BY id DESC LIMIT ?3 OFFSET ?4"));
    st.bind(1, query.actor).bind(2, query.method).bind(3, query.limit).bind(4, query.offset);
    QList<AuditEntry> out;
    while (st.next()) {
        AuditEntry e;
        e.id = st.int64(0);
        e.time = QDateTime::fromString(st.text(1), Qt::ISODateWithMs);
        e.actor = st.text(2);
        e.peerUid = st.int64(3);
        e.method = st.text(4);
        e.target = st.text(5);
        e.details = QJsonDocument::fromJson(st.text(6).toUtf8()).object();
        out.append(e);
    }
    return out;
}

} // namespace maild::store
