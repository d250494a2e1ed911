// The SMTP command table (see commandtable.h).
#include "smtp/commandtable.h"

#include "smtp/commands/commands.h"

#include <array>

namespace maild::smtp {

namespace {

constexpr std::array<SmtpCommand, 12> kCommands{{
    {"EHLO", commands::ehlo},
    {"HELO", commands::helo},
    {"MAIL", commands::mail},
    {"RCPT", commands::rcpt},
    {"DATA", commands::data},
    {"RSET", commands::rset},
    {"NOOP", commands::noop},
    {"QUIT", commands::quit},
    {"HELP", commands::help},
    {"VRFY", commands::vrfy},
    {"EXPN", commands::vrfy},
    {"AUTH", commands::auth},
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
