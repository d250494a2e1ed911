// The SMTP command table (see commandtable.h).
#include "smtp/commandtable.h"

#include "smtp/commands/commands.h"

#include <array>

namespace maild::smtp {

namespace {

constexpr std::array<SmtpCommand, 13> kCommands{{
    {"EHLO", commands::ehlo, AllowedBeforeTls},
    {"HELO", commands::helo, AllowedBeforeTls},
    {"STARTTLS", commands::starttls, AllowedBeforeTls},
    {"MAIL", commands::mail, 0},
    {"RCPT", commands::rcpt, 0},
    {"DATA", commands::data, 0},
    {"RSET", commands::rset, AllowedBeforeTls},
    {"NOOP", commands::noop, AllowedBeforeTls},
    {"QUIT", commands::quit, AllowedBeforeTls},
    {"HELP", commands::help, 0},
    {"VRFY", commands::vrfy, 0},
    {"EXPN", commands::vrfy, 0},
    {"AUTH", commands::auth, 0},
}};

} // namespace

const SmtpCommand *findCommand(const QByteArray &verb)
{
    for (const SmtpCommand &c : kCommands) {
        if (verb == c.verb)
            return &c;
    }
    return nullptr;
}

} // namespace maild::smtp
