// FetchSection: the section-spec grammar of RFC 3501 9 (part numbers, HEADER, HEADER.FIELDS
// [.NOT] with a list of astrings, TEXT, MIME), part lookup in a MimePart tree following the
// numbering of RFC 3501 6.4.5, and header-line filtering.
// Security: one pass over client text with bounded numbers; lookups and filters are linear.
#include "imap/grammar/fetchsection.h"

#include "imap/grammar/charclass.h"
#include "imap/grammar/responsewriter.h"

#include <QSet>
#include <cstring>

namespace maild::imap {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// ftext of RFC 5322: printable ASCII but ':'.
bool isFieldNameChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 33 && u <= 126 && c != ':';
}

bool fail(QByteArray *error, const char *text)
{
    if (error)
        *error = QByteArray(text);
    return false;
}

// "(" astring *(SP astring) ")" and nothing after it.
bool parseFieldList(QByteArrayView t, QByteArrayList &fields, QByteArray *error)
{
    if (t.isEmpty() || t[0] != '(')
        return fail(error, "HEADER.FIELDS needs a parenthesized list of field names");
    qsizetype pos = 1;
    for (;;) {
        if (pos >= t.size())
            return fail(error, "Unterminated list of header field names");
        if (t[pos] == ')') {
            if (fields.isEmpty())
                return fail(error, "Empty list of header field names");
            if (pos + 1 != t.size())
                return fail(error, "Unexpected text after the list of header field names");
            return true;
        }
        if (!fields.isEmpty()) {
            if (t[pos] != ' ')
                return fail(error, "Expected a space between header field names");
            ++pos;
        }
        QByteArray name;
        if (pos < t.size() && t[pos] == '"') {
            ++pos;
            while (pos < t.size() && t[pos] != '"') {
                if (t[pos] == '\\' && pos + 1 < t.size())
                    ++pos;
                name.append(t[pos++]);
            }
            if (pos >= t.size())
                return fail(error, "Unterminated quoted header field name");
            ++pos;
        } else {
            while (pos < t.size() && isAtomChar(t[pos]))
                name.append(t[pos++]);
        }
        if (name.isEmpty())
            return fail(error, "Empty or invalid header field name");
        for (char c : std::as_const(name)) {
            if (!isFieldNameChar(c))
                return fail(error, "Invalid character in a header field name");
        }
        fields.append(name.toUpper());
    }
}

// The trimmed field name of a raw header line; empty for a line without a colon.
QByteArrayView fieldName(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    return colon > 0 ? line.first(colon).trimmed() : QByteArrayView();
}

} // namespace

std::optional<FetchSection> FetchSection::parse(QByteArrayView spec, QByteArray *error)
{
    FetchSection s;
    qsizetype pos = 0;
    while (pos < spec.size() && isDigit(spec[pos])) {
        if (spec[pos] == '0') {
            fail(error, "Section part numbers start at 1, without leading zeros");
            return std::nullopt;
        }
        quint64 n = 0;
        while (pos < spec.size() && isDigit(spec[pos])) {
            n = n * 10 + quint64(spec[pos++] - '0');
            if (n > 0xffffffffULL) {
                fail(error, "Section part number too large");
                return std::nullopt;
            }
        }
        s.part.append(quint32(n));
        if (pos == spec.size())
            return s;
        if (spec[pos] != '.') {
            fail(error, "Invalid section part number");
            return std::nullopt;
        }
        if (++pos == spec.size()) {
            fail(error, "Section ends with '.'");
            return std::nullopt;
        }
        if (spec[pos] == '.') {
            fail(error, "Empty section part number");
            return std::nullopt;
        }
    }
    const QByteArrayView rest = spec.sliced(pos);
    auto is = [&](const char *word) { return rest.compare(word, Qt::CaseInsensitive) == 0; };
    auto startsWith = [&](const char *word) {
        const QByteArrayView w(word);
        return rest.size() >= w.size() && rest.first(w.size()).compare(w, Qt::CaseInsensitive) == 0;
    };
    if (rest.isEmpty()) {
        s.text = Text::Full;
    } else if (is("HEADER")) {
        s.text = Text::Header;
    } else if (is("TEXT")) {
        s.text = Text::Text;
    } else if (is("MIME")) {
        if (s.part.isEmpty()) {
            fail(error, "MIME needs a part number (BODY[1.MIME])");
            return std::nullopt;
        }
        s.text = Text::Mime;
    } else if (startsWith("HEADER.FIELDS.NOT ")) {
        s.text = Text::HeaderFieldsNot;
        if (!parseFieldList(rest.sliced(18), s.fields, error))
            return std::nullopt;
    } else if (startsWith("HEADER.FIELDS ")) {
        s.text = Text::HeaderFields;
        if (!parseFieldList(rest.sliced(14), s.fields, error))
            return std::nullopt;
    } else if (is("HEADER.FIELDS") || is("HEADER.FIELDS.NOT")) {
        fail(error, "HEADER.FIELDS needs a list of field names");
        return std::nullopt;
    } else {
        fail(error, "Unknown section (expected a part number, HEADER, HEADER.FIELDS, "
                    "HEADER.FIELDS.NOT, TEXT or MIME)");
        return std::nullopt;
    }
    return s;
}

QByteArray FetchSection::name() const
{
    QByteArray out;
    for (quint32 n : part)
        out += (out.isEmpty() ? "" : ".") + QByteArray::number(n);
    const char *word = nullptr;
    switch (text) {
    case Text::Full:
        return out;
    case Text::Header:
        word = "HEADER";
        break;
    case Text::HeaderFields:
        word = "HEADER.FIELDS";
        break;
    case Text::HeaderFieldsNot:
        word = "HEADER.FIELDS.NOT";
        break;
    case Text::Text:
        word = "TEXT";
        break;
    case Text::Mime:
        word = "MIME";
        break;
    }
    if (!out.isEmpty())
        out += '.';
    out += word;
    if (text == Text::HeaderFields || text == Text::HeaderFieldsNot) {
        out += " (";
        for (qsizetype i = 0; i < fields.size(); ++i)
            out += (i ? " " : "") + ResponseWriter::astring(fields.at(i));
        out += ')';
    }
    return out;
}

SectionData locateSection(const FetchSection &section, const MimePart &root, QByteArrayView message)
{
    if (section.isWholeMessage())
        return SectionData{0, message.size(), false, {}};
    // Numbers index the parts of a multipart; a message (the root or an embedded
    // message/rfc822) that is not multipart has a part 1 only: its body.
    const MimePart *cur = &root;
    bool isMessage = true;
    for (qsizetype i = 0; i < section.part.size(); ++i) {
        const quint32 n = section.part.at(i);
        if (cur->isMultipart()) {
            if (n > quint32(cur->children.size()))
                return {};
            cur = &cur->children.at(n - 1);
        } else if (!isMessage || n != 1) {
            return {};
        }
        isMessage = false;
        if (i + 1 < section.part.size() && cur->isMessage) {
            cur = &cur->children.first();
            isMessage = true;
        }
    }
    const MimePart *msg = cur; // the message whose HEADER/TEXT is asked for
    if (!section.part.isEmpty() && section.text != FetchSection::Text::Full &&
        section.text != FetchSection::Text::Mime) {
        if (!cur->isMessage)
            return {};
        msg = &cur->children.first();
    }
    auto range = [&](qsizetype offset, qsizetype length) {
        // Never trust a tree and a message that disagree.
        if (offset < 0 || length < 0 || offset > message.size() || length > message.size() - offset)
            return SectionData{};
        return SectionData{offset, length, false, {}};
    };
    switch (section.text) {
    case FetchSection::Text::Full:
        return range(cur->bodyOffset, cur->bodySize);
    case FetchSection::Text::Mime:
        return range(cur->headerOffset, cur->headerSize);
    case FetchSection::Text::Header:
        return range(msg->headerOffset, msg->headerSize);
    case FetchSection::Text::Text:
        // The top body runs to the end of the file (parseHeaderOnly() leaves bodySize 0).
        return range(msg->bodyOffset,
                     msg == &root ? message.size() - root.bodyOffset : msg->bodySize);
    case FetchSection::Text::HeaderFields:
    case FetchSection::Text::HeaderFieldsNot: {
        const SectionData header = range(msg->headerOffset, msg->headerSize);
        SectionData out;
        out.isBuilt = true;
        out.built = filterHeader(message.sliced(header.offset, header.length), section.fields,
                                 section.text == FetchSection::Text::HeaderFieldsNot);
        return out;
    }
    }
    return {};
}

SectionData applyPartial(const SectionData &data, const std::optional<FetchPartial> &partial)
{
    if (!partial)
        return data;
    const qint64 size = data.size();
    const qint64 origin = qMin<qint64>(partial->origin, size);
    const qint64 length = qMin<qint64>(partial->count, size - origin);
    SectionData out;
    out.isBuilt = data.isBuilt;
    if (data.isBuilt) {
        out.built = data.built.mid(origin, length);
    } else {
        out.offset = data.offset + origin;
        out.length = length;
    }
    return out;
}

QByteArray filterHeader(QByteArrayView header, const QByteArrayList &fields, bool exclude)
{
    const QSet<QByteArray> wanted(fields.cbegin(), fields.cend());
    QByteArray out;
    bool keep = false; // whether the current field (and its continuation lines) is kept
    qsizetype p = 0;
    while (p < header.size()) {
        const char *nl = static_cast<const char *>(
            std::memchr(header.data() + p, '\n', size_t(header.size() - p)));
        const qsizetype end = nl ? nl - header.data() + 1 : header.size();
        const QByteArrayView line = header.sliced(p, end - p);
        p = end;
        if (line == "\r\n" || line == "\n") { // the blank line always comes along
            out += line;
            break;
        }
        if (line[0] != ' ' && line[0] != '\t') {
            const QByteArrayView name = fieldName(line);
            keep = !name.isEmpty() && wanted.contains(name.toByteArray().toUpper());
            if (exclude)
                keep = !keep;
        }
        if (keep)
            out += line;
    }
    return out;
}

} // namespace maild::imap
