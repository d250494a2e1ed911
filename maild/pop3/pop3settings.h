// The POP3 service's settings (docs/pop3.md), defined once here.
#pragma once

namespace maild::core {
class Settings;
}

namespace maild::pop3 {

void definePop3Settings(core::Settings &settings);

} // namespace maild::pop3
