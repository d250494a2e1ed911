// The IMAP command table (see commandtable.h).
#include "imap/commandtable.h"

#include "imap/commands/commands.h"
#include "imap/grammar/commandparser.h"

#include <array>

namespace maild::imap {

namespace {

constexpr std::array<ImapCommand, 39> kCommands{{
    {"CAPABILITY", commands::capability, AnyState},
    {"NOOP", commands::noop, AnyState},
    {"LOGOUT", commands::logout, AnyState},
    {"ID", commands::id, AnyState},
    {"STARTTLS", commands::starttls, NotAuthenticated},
    {"LOGIN", commands::login, NotAuthenticated},
    {"AUTHENTICATE", commands::authenticate, NotAuthenticated},
    {"ENABLE", commands::enable, LoggedIn},
    {"NAMESPACE", commands::namespaceCommand, LoggedIn},
    {"SELECT", commands::select, LoggedIn},
    {"EXAMINE", commands::examine, LoggedIn},
    {"CREATE", commands::create, LoggedIn},
    {"DELETE", commands::deleteCommand, LoggedIn},
    {"RENAME", commands::rename, LoggedIn},
    {"SUBSCRIBE", commands::subscribe, LoggedIn},
    {"UNSUBSCRIBE", commands::unsubscribe, LoggedIn},
    {"LIST", commands::list, LoggedIn},
    {"LSUB", commands::lsub, LoggedIn},
    {"STATUS", commands::status, LoggedIn},
    {"APPEND", commands::append, LoggedIn},
    {"GETQUOTA", commands::getQuota, LoggedIn},
    {"GETQUOTAROOT", commands::getQuotaRoot, LoggedIn},
    {"SETQUOTA", commands::setQuota, LoggedIn},
    {"IDLE", commands::idle, LoggedIn},
    {"CHECK", commands::check, Selected},
    {"CLOSE", commands::close, Selected},
    {"UNSELECT", commands::unselect, Selected},
    {"EXPUNGE", commands::expunge, Selected},
    {"FETCH", commands::fetch, Selected, true},
    {"STORE", commands::store, Selected, true},
    {"SEARCH", commands::search, Selected, true},
    {"COPY", commands::copy, Selected},
    {"MOVE", commands::move, Selected},
    {"UID FETCH", commands::fetch, Selected},
    {"UID STORE", commands::store, Selected},
    {"UID SEARCH", commands::search, Selected},
    {"UID COPY", commands::copy, Selected},
    {"UID MOVE", commands::move, Selected},
    {"UID EXPUNGE", commands::expunge, Selected},
}};

} // namespace

const ImapCommand *findCommand(QByteArrayView name)
{
    for (const ImapCommand &c : kCommands) {
        if (name == c.name)
            return &c;
    }
    return nullptr;
}

bool commands::isUidCommand(const Command &c)
{
    return c.name.startsWith("UID ");
}

} // namespace maild::imap
