// The schema of maild.db and its migrations, recorded in PRAGMA user_version. Opening a
// database written by a newer maild is refused with a sentence that says so.
#pragma once

#include <QString>

namespace maild::store {

class Database;

int latestSchemaVersion();
// Brings the database to the latest schema. Returns an empty string on success.
QString migrate(Database &db);
int schemaVersion(Database &db);

} // namespace maild::store
