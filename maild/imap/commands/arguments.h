// Argument checks shared by the IMAP command handlers: counts, mailbox names (modified
// UTF-7 decoded and checked against our naming rules), sequence sets, flag lists. Each
// check that fails has already answered the client (BAD or NO with the reason).
// Security: arguments are the client's; names are checked before they reach the store.
#pragma once

#include "imap/grammar/commandparser.h"
#include "imap/grammar/sequenceset.h"

#include <QStringList>
#include <optional>

namespace maild::imap {

class ImapSession;

namespace commands {

// BAD "syntax" unless the command has between min and max arguments.
bool expectArguments(ImapSession &s, const Command &c, int min, int max, const QByteArray &syntax);
// A mailbox name argument: decoded, checked, INBOX normalized; BAD/NO sent when refused.
std::optional<QString> mailboxArgument(ImapSession &s, const Command &c, int index);
// A sequence set argument (a number or a set); BAD sent when malformed.
std::optional<SequenceSet> sequenceArgument(ImapSession &s, const Command &c, int index);
// A flag or a parenthesized list of flags (STORE, APPEND): system flags in their canonical
// case, keywords as atoms; \Recent and unknown system flags refused. BAD sent when bad.
std::optional<QStringList> flagsArgument(ImapSession &s, const Command &c, const Token &token);
// The mailbox name on the wire (modified UTF-7, quoted when needed).
QByteArray wireName(const QString &name);

} // namespace commands
} // namespace maild::imap
