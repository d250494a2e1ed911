// STATUS data items (RFC 3501 6.3.10, HIGHESTMODSEQ of RFC 7162 3.1.9), shared by STATUS
// and LIST's RETURN (STATUS ...) of RFC 5819.
#pragma once

#include "imap/grammar/commandparser.h"

#include <QByteArrayList>
#include <optional>

namespace maild::imap {

class ImapSession;

namespace commands {

// The item names of a parenthesized list, upper-cased; BAD sent when one is unknown.
std::optional<QByteArrayList> statusItems(ImapSession &s, const Command &c, const Token &list);
// "STATUS <name> (MESSAGES 3 UNSEEN 1 ...)" without "* "; nullopt when there is no such
// mailbox (or its index cannot be read: *error says why).
std::optional<QByteArray> statusLine(ImapSession &s, const QString &name, const QByteArrayList &items, QString *error);

} // namespace commands
} // namespace maild::imap
