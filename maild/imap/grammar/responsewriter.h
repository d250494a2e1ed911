// Helpers for writing IMAP responses and reading the dates clients send: strings as quoted
// or literal as their bytes require, flag lists, INTERNALDATE date-times, and the parsing
// of APPEND date-times and SEARCH dates. Used by the IMAP commands and the MIME renderer.
// Security: parsing takes client text; it is strict and bounded.
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QDate>
#include <QDateTime>
#include <optional>

namespace maild::imap {

class ResponseWriter
{
public:
    // "quoted" when the bytes allow (7-bit, no CR/LF/NUL, not too long), else {n}CRLF+bytes.
    static QByteArray string(QByteArrayView bytes);
    // NIL for a null array, else string().
    static QByteArray nstring(const QByteArray &bytes);
    // An atom when the bytes are a plain atom (not "NIL"), else string() (astring).
    static QByteArray astring(QByteArrayView bytes);
    // "(\Seen \Answered $Label)".
    static QByteArray flagList(const QByteArrayList &flags);
    // "\"21-Nov-2026 22:08:00 +0000\"", quotes included, in the time's own offset.
    static QByteArray dateTime(const QDateTime &when);

    // date-time of APPEND (RFC 3501 9): "dd-Mon-yyyy hh:mm:ss +zzzz", day " 1", "1" or "01",
    // without the quotes.
    static std::optional<QDateTime> parseDateTime(QByteArrayView text);
    // date of SEARCH BEFORE/ON/SINCE...: "1-Feb-1994" or "01-Feb-1994".
    static std::optional<QDate> parseDate(QByteArrayView text);
};

} // namespace maild::imap
