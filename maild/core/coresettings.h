// The settings of the daemon itself (host name, listen addresses, logging, control socket).
// Each protocol service defines its own beside its code.
#pragma once

namespace maild::core {

class Settings;
void defineCoreSettings(Settings &settings);

} // namespace maild::core
