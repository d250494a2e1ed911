// The SMTP command table: each verb with its handler (one file per command in commands/)
// and its flags.
#pragma once

#include <QByteArray>

namespace maild::smtp {

class SmtpSession;

using CommandHandler = void (*)(SmtpSession &, const QByteArray &argument);

struct SmtpCommand
{
    const char *verb;
    CommandHandler handler;
};

const SmtpCommand *findCommand(const QByteArray &verb);

} // namespace maild::smtp
