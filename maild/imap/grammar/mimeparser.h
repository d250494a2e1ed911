// MIME structure of a stored message (RFC 2045/2046/2231 basics, RFC 5322 headers): a
// tree of parts with their unfolded header fields, content type and parameters, encoding,
// offsets, sizes and line counts. FETCH BODYSTRUCTURE/BODY[n] stand on it.
// Security: messages are written by strangers. Nesting deeper than the limit becomes a
// leaf (application/octet-stream), the part count is capped, and nothing recurses past it.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace maild::imap {

struct MimeHeader
{
    QList<QPair<QByteArray, QByteArray>> fields; // name as sent, value unfolded and trimmed

    // The first field of that name (case-insensitive); a null array when absent.
    QByteArray value(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
};

using MimeParams = QList<QPair<QByteArray, QByteArray>>; // names upper-cased, in order

struct MimePart
{
    MimeHeader header;
    QByteArray type = QByteArrayLiteral("TEXT"); // upper-cased
    QByteArray subtype = QByteArrayLiteral("PLAIN");
    MimeParams params;
    QByteArray encoding = QByteArrayLiteral("7BIT"); // upper-cased
    QByteArray disposition; // upper-cased; null when absent
    MimeParams dispositionParams;

    qsizetype headerOffset = 0; // into the message given to the parser
    qsizetype headerSize = 0; // including the empty line ending it
    qsizetype bodyOffset = 0;
    qsizetype bodySize = 0;
    qsizetype bodyLines = 0;

    bool isMultipart() const { return !children.isEmpty() && !isMessage; }
    bool isMessage = false; // message/rfc822: children holds the one embedded message
    QList<MimePart> children;
};

struct MimeLimits
{
    int maxDepth = 50; // multipart and message/rfc822 levels
    int maxParts = 10000;
    int maxHeaderFields = 1000; // per part; later fields are ignored
};

class MimeParser
{
public:
    explicit MimeParser(const MimeLimits &limits = MimeLimits());

    // The whole message. Line ends are CRLF as stored (a bare LF is tolerated).
    MimePart parse(const QByteArray &message) const;
    // Only the top-level header: no body structure.
    MimePart parseHeaderOnly(const QByteArray &message) const;

    // "text/plain; charset=us-ascii" style value: type, subtype, parameters (with RFC 2231
    // continuations joined). False when the value has no valid type/subtype.
    static bool parseContentType(QByteArrayView value, QByteArray &type, QByteArray &subtype,
                                 MimeParams &params);
    // "attachment; filename=x": the disposition type and its parameters.
    static bool parseDisposition(QByteArrayView value, QByteArray &type, MimeParams &params);

private:
    void parsePart(const QByteArray &msg, qsizetype begin, qsizetype end, int depth,
                   bool digestDefault, MimePart &part, int &parts) const;
    void splitMultipart(const QByteArray &msg, const QByteArray &boundary, int depth,
                        MimePart &part, int &parts) const;

    MimeLimits m_limits;
};

} // namespace maild::imap
