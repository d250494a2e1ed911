// The data items of a FETCH command (RFC 3501 6.4.5, 7.4.2) and its CONDSTORE modifier
// (RFC 7162 3.1.4: "(CHANGEDSINCE n)"), parsed from CommandParser tokens: the macros ALL,
// FAST, FULL, the plain items, MODSEQ, and BODY[section]<partial> / BODY.PEEK[...] (sections
// in fetchsection.h). Also the response name of each item. Called by the FETCH command.
// Security: tokens are the client's; every malformed item is a clear error value, numbers are
// bounded, and nothing here reads a message.
#pragma once

#include "imap/grammar/commandparser.h"
#include "imap/grammar/fetchsection.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace maild::imap {

struct FetchItem
{
    enum class Kind
    {
        Envelope,
        Flags,
        InternalDate,
        Rfc822Size,
        Body, // BODY without a section: the non-extensible BODYSTRUCTURE
        BodyStructure,
        Uid,
        ModSeq,
        Section, // BODY[...], BODY.PEEK[...], RFC822, RFC822.HEADER, RFC822.TEXT
    };

    Kind kind = Kind::Flags;
    FetchSection section; // Section
    std::optional<FetchPartial> partial;
    bool peek = false; // does not set \Seen (BODY.PEEK, RFC822.HEADER)
    QByteArray alias;  // "RFC822", "RFC822.HEADER", "RFC822.TEXT": the name they answer with

    // As the response names it: "FLAGS", "BODY[1.TEXT]<0>" (BODY.PEEK answers as BODY),
    // "RFC822.HEADER".
    QByteArray responseName() const;

    bool operator==(const FetchItem &) const = default;
};

struct FetchRequest
{
    QList<FetchItem> items;             // in the client's order, duplicates removed
    std::optional<qint64> changedSince; // CHANGEDSINCE (it implies MODSEQ, which is added)

    // args[first] is the item list (an atom or a parenthesized list), optionally followed by
    // the modifier list. nullopt and *error (the text of the BAD) when malformed.
    static std::optional<FetchRequest> parse(const QList<Token> &args, qsizetype first,
                                             QByteArray *error);

    bool has(FetchItem::Kind kind) const;
    // Adds an item of that kind first unless one is there (UID for UID FETCH).
    void require(FetchItem::Kind kind);
    // A body item without PEEK: fetching it sets \Seen (on a read-write mailbox).
    bool setsSeen() const;

    enum class MimeNeed
    {
        None,      // metadata and BODY[] only: the file is streamed, never parsed
        Header,    // ENVELOPE, BODY[HEADER], BODY[TEXT], HEADER.FIELDS: the top header
        Structure, // BODY, BODYSTRUCTURE, part numbers: the whole tree
    };
    MimeNeed mimeNeed() const;
};

} // namespace maild::imap
