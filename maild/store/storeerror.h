// What a store operation can fail with, as a value. The control layer maps each kind to its
// protocol error code; the store never knows which protocol asked.
#pragma once

#include <QString>
#include <optional>

namespace maild::store {

struct StoreError
{
    enum class Kind { NotFound, AlreadyExists, Conflict, Invalid, Storage };
    Kind kind;
    QString message;
    QString field; // for Invalid: the field at fault
};

using StoreResult = std::optional<StoreError>; // nullopt: success

class Database;
// The failure of a statement, naming the database's last error.
StoreError storageError(Database &db);
// The time stored in maild.db's columns: UTC, ISO 8601 to the second.
QString utcNow();

} // namespace maild::store
