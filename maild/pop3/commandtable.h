// The POP3 command table: each verb with its handler (commands/) and the states it is
// allowed in.
#pragma once

#include <QByteArray>

namespace maild::pop3 {

class Pop3Session;

using CommandHandler = void (*)(Pop3Session &, const QByteArray &argument);

enum StateFlag : unsigned {
    InAuthorization = 1u << 0,
    InTransaction = 1u << 1,
};

struct Pop3Command
{
    const char *verb;
    CommandHandler handler;
    unsigned states;
};

const Pop3Command *findCommand(const QByteArray &verb);

} // namespace maild::pop3
