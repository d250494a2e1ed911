// The settings of the daemon itself (host name, listen addresses, logging, control socket).
// Each protocol service defines its own beside its code.
#pragma once

namespace maild::core {

class Settings;
// weakPasswordHashing: auth.passwordIterations may go below the floor (maild
// --allow-weak-password-hashing).
void defineCoreSettings(Settings &settings, bool weakPasswordHashing = false);
// auth.passwordIterations: the cost of new hashes, and of the dummy hash an unknown user is
// checked against (so that both cost the same).
int passwordIterations(const Settings &settings);

} // namespace maild::core
