// The POP3 command handlers, grouped by subject in this folder. Each checks its arguments
// and state first and answers -ERR with a reason; only then proceeds.
#pragma once

#include <QByteArray>

namespace maild::pop3 {
class Pop3Session;
}

namespace maild::pop3::commands {

void user(Pop3Session &s, const QByteArray &argument);
void pass(Pop3Session &s, const QByteArray &argument);
void auth(Pop3Session &s, const QByteArray &argument);
void apop(Pop3Session &s, const QByteArray &argument);
void stls(Pop3Session &s, const QByteArray &argument);
void capa(Pop3Session &s, const QByteArray &argument);
void quit(Pop3Session &s, const QByteArray &argument);
void noop(Pop3Session &s, const QByteArray &argument);
void stat(Pop3Session &s, const QByteArray &argument);
void list(Pop3Session &s, const QByteArray &argument);
void uidl(Pop3Session &s, const QByteArray &argument);
void retr(Pop3Session &s, const QByteArray &argument);
void top(Pop3Session &s, const QByteArray &argument);
void dele(Pop3Session &s, const QByteArray &argument);
void rset(Pop3Session &s, const QByteArray &argument);

} // namespace maild::pop3::commands
