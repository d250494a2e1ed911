// The IMAP command table: each command with its handler (commands/), the states it is
// allowed in, and whether untagged EXPUNGE responses must wait until it is done (RFC 3501
// 7.4.1: not during FETCH, STORE and SEARCH by sequence number).
// UID commands are looked up as "UID FETCH", "UID STORE", ... (the session joins the words).
#pragma once

#include <QByteArrayView>

namespace maild::imap {

class ImapSession;
struct Command;

using CommandHandler = void (*)(ImapSession &, Command &);

enum StateFlag : unsigned {
    NotAuthenticated = 1u << 0,
    Authenticated = 1u << 1,
    Selected = 1u << 2,
    AnyState = NotAuthenticated | Authenticated | Selected,
    LoggedIn = Authenticated | Selected,
};

struct ImapCommand
{
    const char *name;
    CommandHandler handler;
    unsigned states;
    bool holdsExpunge = false; // no EXPUNGE responses while it runs
};

const ImapCommand *findCommand(QByteArrayView name);

} // namespace maild::imap
