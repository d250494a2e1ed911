// MimeParser: header splitting and unfolding, Content-Type/Disposition parameter parsing
// (RFC 2045 5.1, RFC 2231 continuations), and multipart splitting on boundary lines.
// Security: every scan is linear in its part; recursion is bounded by MimeLimits::maxDepth.
#include "imap/grammar/mimeparser.h"

#include <QMap>
#include <cstring>

namespace maild::imap {

namespace {

bool isTSpecial(char c)
{
    return std::strchr("()<>@,;:\\\"/[]?=", c) != nullptr;
}

bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && !isTSpecial(c);
}

// A cursor over a structured header value that skips folding whitespace and comments.
struct ValueReader
{
    QByteArrayView v;
    qsizetype pos = 0;

    void skipCfws()
    {
        for (;;) {
            while (pos < v.size() && (v[pos] == ' ' || v[pos] == '\t' || v[pos] == '\r'
                                      || v[pos] == '\n'))
                ++pos;
            if (pos >= v.size() || v[pos] != '(')
                return;
            int depth = 0;
            while (pos < v.size()) {
                const char c = v[pos++];
                if (c == '\\' && pos < v.size())
                    ++pos;
                else if (c == '(')
                    ++depth;
                else if (c == ')' && --depth == 0)
                    break;
            }
        }
    }
    bool eat(char c)
    {
        skipCfws();
        if (pos < v.size() && v[pos] == c) {
            ++pos;
            return true;
        }
        return false;
    }
    QByteArray token()
    {
        skipCfws();
        const qsizetype start = pos;
        while (pos < v.size() && isTokenChar(v[pos]))
            ++pos;
        return v.sliced(start, pos - start).toByteArray();
    }
    bool value(QByteArray &out)
    {
        skipCfws();
        if (pos < v.size() && v[pos] == '"') {
            ++pos;
            out = QByteArray("");
            while (pos < v.size() && v[pos] != '"') {
                if (v[pos] == '\\' && pos + 1 < v.size())
                    ++pos;
                out.append(v[pos++]);
            }
            if (pos >= v.size())
                return false;
            ++pos;
            return true;
        }
        out = token();
        return !out.isEmpty();
    }
};

// Joins RFC 2231 continuations: NAME*0, NAME*1... become NAME; NAME*0*, NAME*1*... NAME*.
MimeParams joinContinuations(const MimeParams &raw)
{
    MimeParams out;
    QMap<QByteArray, QMap<int, QByteArray>> pieces;
    QMap<QByteArray, bool> extended;
    for (const auto &[name, value] : raw) {
        const qsizetype star = name.indexOf('*');
        bool ok = false;
        QByteArray digits = star < 0 ? QByteArray() : name.mid(star + 1);
        const bool ext = digits.endsWith('*');
        if (ext)
            digits.chop(1);
        const int index = digits.toInt(&ok);
        if (star <= 0 || !ok || index < 0 || index > 999) {
            out.append({name, value});
            continue;
        }
        const QByteArray base = name.left(star);
        if (!pieces.contains(base))
            out.append({base, QByteArray()}); // keeps the first appearance's place
        pieces[base].insert(index, value);
        if (index == 0)
            extended[base] = ext;
    }
    for (auto &[name, value] : out) {
        if (!pieces.contains(name) || !value.isNull())
            continue;
        QByteArray joined("");
        for (const QByteArray &piece : std::as_const(pieces[name]))
            joined += piece;
        value = joined;
        if (extended.value(name))
            name += '*';
    }
    return out;
}

void readParams(ValueReader &r, MimeParams &params)
{
    MimeParams raw;
    while (r.eat(';')) {
        const QByteArray name = r.token().toUpper();
        if (name.isEmpty())
            continue; // a stray ';'
        QByteArray value;
        if (!r.eat('=') || !r.value(value))
            break;
        raw.append({name, value});
    }
    params = joinContinuations(raw);
}

qsizetype countLines(const QByteArray &msg, qsizetype begin, qsizetype end)
{
    if (end <= begin)
        return 0;
    qsizetype lines = 0;
    const char *p = msg.constData() + begin;
    const char *stop = msg.constData() + end;
    while ((p = static_cast<const char *>(std::memchr(p, '\n', size_t(stop - p))))) {
        ++lines;
        ++p;
    }
    return msg[end - 1] == '\n' ? lines : lines + 1;
}

void parseHeader(const QByteArray &msg, qsizetype begin, qsizetype end, int maxFields,
                 MimePart &part)
{
    part.headerOffset = begin;
    qsizetype p = begin;
    bool current = false;
    while (p < end) {
        const char *nl = static_cast<const char *>(
            std::memchr(msg.constData() + p, '\n', size_t(end - p)));
        const qsizetype lineEnd = nl ? nl - msg.constData() + 1 : end;
        qsizetype textEnd = nl ? lineEnd - 1 : end;
        if (textEnd > p && msg[textEnd - 1] == '\r')
            --textEnd;
        const QByteArrayView line(msg.constData() + p, textEnd - p);
        p = lineEnd;
        if (line.isEmpty()) {
            part.headerSize = p - begin;
            part.bodyOffset = p;
            return;
        }
        if ((line[0] == ' ' || line[0] == '\t')) {
            if (current)
                part.header.fields.last().second.append(line);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        current = colon > 0 && part.header.fields.size() < maxFields;
        if (current)
            part.header.fields.append({line.first(colon).trimmed().toByteArray(),
                                       line.sliced(colon + 1).toByteArray()});
    }
    part.headerSize = end - begin;
    part.bodyOffset = end;
}

void makeLeaf(MimePart &part)
{
    part.type = QByteArrayLiteral("APPLICATION");
    part.subtype = QByteArrayLiteral("OCTET-STREAM");
    part.params.clear();
    part.children.clear();
    part.isMessage = false;
}

} // namespace

QByteArray MimeHeader::value(QByteArrayView name) const
{
    for (const auto &[n, v] : fields) {
        if (QByteArrayView(n).compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return QByteArray();
}

QList<QByteArray> MimeHeader::values(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const auto &[n, v] : fields) {
        if (QByteArrayView(n).compare(name, Qt::CaseInsensitive) == 0)
            out.append(v);
    }
    return out;
}

MimeParser::MimeParser(const MimeLimits &limits) : m_limits(limits) {}

bool MimeParser::parseContentType(QByteArrayView value, QByteArray &type, QByteArray &subtype,
                                  MimeParams &params)
{
    ValueReader r{value};
    type = r.token().toUpper();
    if (type.isEmpty() || !r.eat('/'))
        return false;
    subtype = r.token().toUpper();
    if (subtype.isEmpty())
        return false;
    readParams(r, params);
    return true;
}

bool MimeParser::parseDisposition(QByteArrayView value, QByteArray &type, MimeParams &params)
{
    ValueReader r{value};
    type = r.token().toUpper();
    if (type.isEmpty())
        return false;
    readParams(r, params);
    return true;
}

MimePart MimeParser::parseHeaderOnly(const QByteArray &message) const
{
    MimePart part;
    parseHeader(message, 0, message.size(), m_limits.maxHeaderFields, part);
    return part;
}

MimePart MimeParser::parse(const QByteArray &message) const
{
    MimePart part;
    int parts = 0;
    parsePart(message, 0, message.size(), 0, false, part, parts);
    return part;
}

void MimeParser::parsePart(const QByteArray &msg, qsizetype begin, qsizetype end, int depth,
                           bool digestDefault, MimePart &part, int &parts) const
{
    ++parts;
    parseHeader(msg, begin, end, m_limits.maxHeaderFields, part);
    for (auto &field : part.header.fields)
        field.second = field.second.trimmed();
    part.bodySize = end - part.bodyOffset;
    part.bodyLines = countLines(msg, part.bodyOffset, end);

    const QByteArray contentType = part.header.value("Content-Type");
    if (contentType.isNull()
        || !parseContentType(contentType, part.type, part.subtype, part.params)) {
        part.params.clear();
        if (digestDefault) {
            part.type = QByteArrayLiteral("MESSAGE");
            part.subtype = QByteArrayLiteral("RFC822");
        } else {
            part.type = QByteArrayLiteral("TEXT");
            part.subtype = QByteArrayLiteral("PLAIN");
            part.params.append({QByteArrayLiteral("CHARSET"), QByteArrayLiteral("us-ascii")});
        }
    }
    const QByteArray encoding = part.header.value("Content-Transfer-Encoding").trimmed();
    if (!encoding.isEmpty())
        part.encoding = encoding.toUpper();
    const QByteArray disposition = part.header.value("Content-Disposition");
    if (!disposition.isNull()
        && !parseDisposition(disposition, part.disposition, part.dispositionParams)) {
        part.disposition.clear();
        part.dispositionParams.clear();
    }

    const bool multipart = part.type == "MULTIPART";
    const bool message = part.type == "MESSAGE" && part.subtype == "RFC822";
    if (!multipart && !message)
        return;
    if (depth >= m_limits.maxDepth || parts >= m_limits.maxParts) {
        makeLeaf(part); // too deep or too many: no further structure, never a crash
        return;
    }
    if (message) {
        if (part.encoding != "7BIT" && part.encoding != "8BIT" && part.encoding != "BINARY") {
            makeLeaf(part);
            return;
        }
        part.isMessage = true;
        part.children.append(MimePart());
        parsePart(msg, part.bodyOffset, end, depth + 1, false, part.children.last(), parts);
        return;
    }
    QByteArray boundary;
    for (const auto &[name, value] : std::as_const(part.params)) {
        if (name == "BOUNDARY")
            boundary = value;
    }
    if (!boundary.isEmpty() && boundary.size() <= 998)
        splitMultipart(msg, boundary, depth, part, parts);
    if (part.children.isEmpty())
        makeLeaf(part);
}

void MimeParser::splitMultipart(const QByteArray &msg, const QByteArray &boundary, int depth,
                                MimePart &part, int &parts) const
{
    const QByteArray delimiter = "--" + boundary;
    const qsizetype end = part.bodyOffset + part.bodySize;
    const bool digest = part.subtype == "DIGEST";
    qsizetype contentStart = -1;
    qsizetype p = part.bodyOffset;
    while (p < end) {
        const char *nl = static_cast<const char *>(
            std::memchr(msg.constData() + p, '\n', size_t(end - p)));
        const qsizetype lineEnd = nl ? nl - msg.constData() + 1 : end;
        const QByteArrayView line(msg.constData() + p, lineEnd - p);
        bool isDelimiter = line.startsWith(delimiter);
        bool close = false;
        if (isDelimiter) {
            QByteArrayView rest = line.sliced(delimiter.size());
            close = rest.startsWith("--");
            if (close)
                rest = rest.sliced(2);
            for (char c : rest) {
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                    isDelimiter = false;
            }
        }
        if (isDelimiter) {
            if (contentStart >= 0) {
                // The line break before a delimiter belongs to the delimiter.
                qsizetype contentEnd = p;
                if (contentEnd > contentStart && msg[contentEnd - 1] == '\n')
                    --contentEnd;
                if (contentEnd > contentStart && msg[contentEnd - 1] == '\r')
                    --contentEnd;
                part.children.append(MimePart());
                parsePart(msg, contentStart, contentEnd, depth + 1, digest,
                          part.children.last(), parts);
            }
            if (close || parts >= m_limits.maxParts)
                return; // the epilogue carries no parts
            contentStart = lineEnd;
        }
        p = lineEnd;
    }
    if (contentStart >= 0 && contentStart <= end) {
        part.children.append(MimePart());
        parsePart(msg, contentStart, end, depth + 1, digest, part.children.last(), parts);
    }
}

} // namespace maild::imap
