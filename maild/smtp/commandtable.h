// The SMTP command table: each verb with its handler (one file per command in commands/)
// and its flags.
#pragma once

#include <QByteArray>

namespace maild::smtp {

class SmtpSession;

using CommandHandler = void (*)(SmtpSession &, const QByteArray &argument);

enum CommandFlag : unsigned {
    AllowedBeforeTls = 1u << 0, // accepted in the clear even when the service requires TLS
};

struct SmtpCommand
{
    const char *verb;
    CommandHandler handler;
    unsigned flags;
};

const SmtpCommand *findCommand(const QByteArray &verb);

} // namespace maild::smtp
