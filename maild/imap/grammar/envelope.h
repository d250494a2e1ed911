// ENVELOPE of RFC 3501 7.4.2 from a parsed header, and the RFC 5322 address-list parser
// it needs: (name adl mailbox host) per address, groups as start/end markers, NIL where
// absent. Encoded words (RFC 2047) are passed through undecoded, as the RFC requires.
// Security: header text is a stranger's; the parser is a linear tokenizer, no recursion.
#pragma once

#include "imap/grammar/mimeparser.h"

#include <QByteArray>
#include <QList>

namespace maild::imap {

struct EnvelopeAddress
{
    QByteArray name; // null for NIL
    QByteArray adl; // source route "@a,@b", null when none
    QByteArray mailbox; // group name at a group's start, null at its end
    QByteArray host; // null for group markers

    bool operator==(const EnvelopeAddress &) const = default;
};

QList<EnvelopeAddress> parseAddressList(QByteArrayView value);
// The addresses as "Name <mailbox@host>, mailbox@host, Group: ...;" without comments (what
// SEARCH FROM/TO/CC/BCC also matches in).
QByteArray plainAddresses(const QList<EnvelopeAddress> &list);
QByteArray envelope(const MimeHeader &header);

} // namespace maild::imap
