// The SMTP service's settings (docs/smtp.md), defined once here.
#pragma once

namespace maild::core {
class Settings;
}

namespace maild::smtp {

void defineSmtpSettings(core::Settings &settings);

} // namespace maild::smtp
