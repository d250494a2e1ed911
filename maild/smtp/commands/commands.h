// The SMTP command handlers, one per file in this folder. Each checks first (state,
// permission, limits — answering with the exact refusal) and only then proceeds.
#pragma once

#include <QByteArray>

namespace maild::smtp {
class SmtpSession;
}

namespace maild::smtp::commands {

void ehlo(SmtpSession &s, const QByteArray &argument);
void helo(SmtpSession &s, const QByteArray &argument);
void mail(SmtpSession &s, const QByteArray &argument);
void rcpt(SmtpSession &s, const QByteArray &argument);
void data(SmtpSession &s, const QByteArray &argument);
void rset(SmtpSession &s, const QByteArray &argument);
void noop(SmtpSession &s, const QByteArray &argument);
void quit(SmtpSession &s, const QByteArray &argument);
void help(SmtpSession &s, const QByteArray &argument);
void vrfy(SmtpSession &s, const QByteArray &argument);
void auth(SmtpSession &s, const QByteArray &argument);
void starttls(SmtpSession &s, const QByteArray &argument);

} // namespace maild::smtp::commands
