// Persistence of settings in maild.db: key → JSON value. What a key means, its type and its
// default live in core/settings; this is only the table.
#pragma once

#include <QHash>
#include <QJsonValue>
#include <QString>

namespace maild::store {

class Database;

class SettingsTable
{
public:
    explicit SettingsTable(Database &db) : m_db(db) {}
    QHash<QString, QJsonValue> loadAll();
    bool store(const QString &key, const QJsonValue &value);

private:
    Database &m_db;
};

} // namespace maild::store
