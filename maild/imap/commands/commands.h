// The IMAP command handlers, one unit per command (or per family of close relatives); see
// commandtable.cpp for the states each is allowed in. A handler answers with a tagged
// response (ImapSession::ok/no/bad), at once or after suspend()...resume().
#pragma once

namespace maild::imap {

class ImapSession;
struct Command;

namespace commands {

// any state: any.cpp
void capability(ImapSession &s, Command &c);
void noop(ImapSession &s, Command &c);
void logout(ImapSession &s, Command &c);
void id(ImapSession &s, Command &c);
// not authenticated: login.cpp
void starttls(ImapSession &s, Command &c);
void login(ImapSession &s, Command &c);
void authenticate(ImapSession &s, Command &c);
// authenticated: enable.cpp (with NAMESPACE), mailboxes.cpp, list.cpp, status.cpp, append.cpp,
// select.cpp, quota.cpp, idle.cpp
void enable(ImapSession &s, Command &c);
void namespaceCommand(ImapSession &s, Command &c);
void create(ImapSession &s, Command &c);
void deleteCommand(ImapSession &s, Command &c);
void rename(ImapSession &s, Command &c);
void subscribe(ImapSession &s, Command &c);
void unsubscribe(ImapSession &s, Command &c);
void list(ImapSession &s, Command &c);
void lsub(ImapSession &s, Command &c);
void status(ImapSession &s, Command &c);
void append(ImapSession &s, Command &c);
void select(ImapSession &s, Command &c);
void examine(ImapSession &s, Command &c);
void getQuota(ImapSession &s, Command &c);
void getQuotaRoot(ImapSession &s, Command &c);
void setQuota(ImapSession &s, Command &c);
void idle(ImapSession &s, Command &c);
// selected: any.cpp (CHECK), expunge.cpp (with CLOSE, UNSELECT), fetch.cpp, store.cpp,
// search.cpp, copy.cpp (with MOVE)
void check(ImapSession &s, Command &c);
void close(ImapSession &s, Command &c);
void unselect(ImapSession &s, Command &c);
void expunge(ImapSession &s, Command &c);    // EXPUNGE and UID EXPUNGE
void fetch(ImapSession &s, Command &c);      // FETCH and UID FETCH
void store(ImapSession &s, Command &c);      // STORE and UID STORE
void search(ImapSession &s, Command &c);     // SEARCH and UID SEARCH
void copy(ImapSession &s, Command &c);       // COPY and UID COPY
void move(ImapSession &s, Command &c);       // MOVE and UID MOVE

// "UID FETCH" and friends.
bool isUidCommand(const Command &c);

} // namespace commands
} // namespace maild::imap
