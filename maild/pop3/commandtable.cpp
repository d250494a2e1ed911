// The POP3 command table (see commandtable.h).
#include "pop3/commandtable.h"

#include "pop3/commands/commands.h"

#include <array>

namespace maild::pop3 {

namespace {

constexpr std::array<Pop3Command, 15> kCommands{{
    {"USER", commands::user, InAuthorization},
    {"PASS", commands::pass, InAuthorization},
    {"AUTH", commands::auth, InAuthorization},
    {"STLS", commands::stls, InAuthorization},
    {"CAPA", commands::capa, InAuthorization | InTransaction},
    {"QUIT", commands::quit, InAuthorization | InTransaction},
    {"NOOP", commands::noop, InTransaction},
    {"STAT", commands::stat, InTransaction},
    {"LIST", commands::list, InTransaction},
    {"UIDL", commands::uidl, InTransaction},
    {"RETR", commands::retr, InTransaction},
    {"TOP", commands::top, InTransaction},
    {"DELE", commands::dele, InTransaction},
    {"RSET", commands::rset, InTransaction},
    {"APOP", commands::apop, InAuthorization},
}};

} // namespace

const Pop3Command *findCommand(const QByteArray &verb)
{
    for (const Pop3Command &c : kCommands) {
        if (verb == c.verb)
            return &c;
    }
    return nullptr;
}

} // namespace maild::pop3
