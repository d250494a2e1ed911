// Where an instance lives: the data directory of each profile and the control socket in it.
// Shared by maild (which creates them) and the tools (which look for the socket).
#pragma once

#include <QString>

namespace common {

enum class Profile { Embedded, System };

// Embedded: $XDG_DATA_HOME/mailroom (~/.local/share/mailroom). System: /var/lib/mailroom.
QString defaultDataDir(Profile profile);
QString runDir(const QString &dataDir);
QString controlSocketPath(const QString &dataDir);
// The socket a tool should use when none is given: $MAILROOM_SOCKET, else the system
// instance's when it exists and we are root, else the embedded instance's.
QString defaultControlSocket();

} // namespace common
