// The settings table (see settingstable.h).
#include "store/settingstable.h"

#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace maild::store {

QHash<QString, QJsonValue> SettingsTable::loadAll()
{
    QHash<QString, QJsonValue> out;
    Statement st(m_db, "SELECT key, value FROM settings");
    while (st.next()) {
        // Values are stored wrapped in an array so that scalars round-trip through QJsonDocument.
        const QJsonDocument doc = QJsonDocument::fromJson(st.text(1).toUtf8());
        if (doc.isArray() && doc.array().size() == 1)
            out.insert(st.text(0), doc.array().at(0));
    }
    return out;
}

bool SettingsTable::store(const QString &key, const QJsonValue &value)
{
    Statement st(m_db, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    st.bind(1, key).bind(2, QString::fromUtf8(json));
    return st.exec();
}

} // namespace maild::store
