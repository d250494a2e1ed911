// The IMAP service's settings (imap.*, imaps.port); see docs/imap.md.
#pragma once

namespace maild::core {
class Settings;
}

namespace maild::imap {

void defineImapSettings(core::Settings &settings);

} // namespace maild::imap
