// The section of a FETCH BODY[...] item (RFC 3501 6.4.5): parsing the text between the
// brackets, its canonical name for the response, and where its bytes are in a stored message
// — a range of the file (so BODY[], BODY[TEXT], BODY[1] are streamed, never loaded) or, for
// HEADER.FIELDS(.NOT), the filtered header lines — with <origin.count> partials applied.
// Called by FetchRequest (parsing) and the FETCH command (locating).
// Security: the section text is the client's and the message a stranger's; parsing is one
// pass, part lookup walks only as many levels as the client named, filtering is linear.
#pragma once

#include "imap/grammar/mimeparser.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <optional>

namespace maild::imap {

// <origin.count> of RFC 3501: count octets from origin (count > 0).
struct FetchPartial
{
    quint32 origin = 0;
    quint32 count = 0;
    bool operator==(const FetchPartial &) const = default;
};

struct FetchSection
{
    // Full: BODY[] (the whole message) or BODY[1.2] (a part's body, without its MIME header).
    // Text: the body after the RFC 5322 header (BODY[TEXT], BODY[3.TEXT] of a message/rfc822).
    enum class Text
    {
        Full,
        Header,
        HeaderFields,
        HeaderFieldsNot,
        Text,
        Mime
    };

    QList<quint32> part; // 1.2.3; empty for the message itself
    Text text = Text::Full;
    QByteArrayList fields; // HEADER.FIELDS(.NOT) names, upper-cased, as listed

    // spec: what stands between '[' and ']'. nullopt and *error (a sentence) when malformed.
    static std::optional<FetchSection> parse(QByteArrayView spec, QByteArray *error);

    // The section as the response names it: "1.2.HEADER.FIELDS (FROM TO)".
    QByteArray name() const;
    bool isWholeMessage() const { return part.isEmpty() && text == Text::Full; }
    // Part numbers need the whole MIME tree; other sections only the top header.
    bool needsStructure() const { return !part.isEmpty(); }

    bool operator==(const FetchSection &) const = default;
};

// Where a section's bytes are: a range of the stored message, or bytes built from it.
struct SectionData
{
    qint64 offset = 0; // into the message, when !isBuilt
    qint64 length = 0;
    bool isBuilt = false;
    QByteArray built;

    qint64 size() const { return isBuilt ? built.size() : length; }
};

// root: MimeParser::parse(message), or parseHeaderOnly(message) when the section does not
// needsStructure(); message: the bytes the tree was parsed from (a read-only mapping of the
// file will do). A part that does not exist, or HEADER/TEXT of a part that is no
// message/rfc822, is empty (as Dovecot answers: ""). For isWholeMessage() the caller may skip
// all this: the range is the whole file.
SectionData locateSection(const FetchSection &section, const MimePart &root,
                          QByteArrayView message);

// The partial of data: from origin (empty when origin is at or past the end), at most count.
SectionData applyPartial(const SectionData &data, const std::optional<FetchPartial> &partial);

// The raw header lines (folding kept) whose field names are among fields (exclude false) or
// not (exclude true), then the blank line ending the header when it has one. fields are
// upper-case; header is a header as stored, blank line included.
QByteArray filterHeader(QByteArrayView header, const QByteArrayList &fields, bool exclude);

} // namespace maild::imap
