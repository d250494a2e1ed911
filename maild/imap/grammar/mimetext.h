// The readable text of a message for SEARCH: transfer decoding (base64, quoted-printable),
// charsets to Unicode (QStringDecoder; undecodable UTF-8 falls back to Latin-1), RFC 2047
// encoded words in header fields, and the calendar date of a Date: header (RFC 5322).
// Called by SearchMatcher; decodes into caller-owned buffers so that a search over many
// messages reuses its memory.
// Security: all input is a stranger's message; every decoder is one linear pass, bounded by
// its input, and never fails: bad sequences are kept as they are.
#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <optional>

namespace maild::imap::mimetext {

// Undoes Content-Transfer-Encoding (upper-cased name as MimePart keeps it) into out; any
// other encoding is copied. out is overwritten, its capacity reused.
void decodeTransfer(QByteArrayView encoding, QByteArrayView in, QByteArray &out);

// Appends bytes in charset (a MIME name, any case; empty = UTF-8 with Latin-1 fallback) to
// out as UTF-16. Unknown charsets read as UTF-8 when valid, else Latin-1.
void appendCharset(QByteArrayView charset, QByteArrayView in, QString &out);

// True for charsets in which every ASCII byte is that ASCII character and no other byte is
// (US-ASCII, UTF-8, ISO-8859-*, windows-125*, KOI8-*; an empty name): an ASCII string can be
// found in such text without decoding it. False for UTF-7/16/32, ISO-2022-*, unknown names.
bool asciiCompatible(QByteArrayView charset);

// Appends a header field value with its RFC 2047 encoded words decoded (whitespace between
// adjacent encoded words dropped); raw 8-bit text read as UTF-8, else Latin-1.
void appendHeaderValue(QByteArrayView value, QString &out);

// "Sat, 21 Nov 2026 22:08:00 +0000" -> 2026-11-21, the date as written (time and zone
// disregarded, RFC 3501 SENTON). Two-digit years per RFC 5322 4.3. nullopt when unreadable.
std::optional<QDate> headerDate(QByteArrayView value);

} // namespace maild::imap::mimetext
