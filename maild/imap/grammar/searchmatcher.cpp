// SearchMatcher (declared in searchquery.h): evaluates a SearchQuery against one message at
// a time. Metadata keys decide from the index; the file is mapped, then its header parsed,
// then its whole MIME structure, only as far as a key still needs. Text keys match
// case-insensitively (Unicode simple case folding, QStringMatcher) in decoded text: RFC 2047
// words in header fields, the transfer encoding and charset of text/* parts of the body.
// Security: the bytes are a stranger's; MimeParser bounds the structure (depth, parts), the
// decoders are linear, and buffers are reused rather than grown per message.
#include "imap/grammar/envelope.h"
#include "imap/grammar/mimetext.h"
#include "imap/grammar/searchquery.h"

#include <algorithm>

namespace maild::imap {

SearchMatcher::SearchMatcher(const SearchQuery &query, quint32 lastSeq, quint32 maxUid)
    : m_query(query), m_lastSeq(lastSeq), m_maxUid(maxUid)
{
    prepare(m_query.root(), m_root);
}

void SearchMatcher::prepare(const SearchKey &key, Node &node)
{
    node.key = &key;
    if (key.set)
        node.ranges = key.set->ranges(key.kind == SearchKey::Kind::Uid ? m_maxUid : m_lastSeq);
    if (!key.text.isEmpty()) {
        node.finder = QStringMatcher(key.text, Qt::CaseInsensitive);
        node.ascii = std::all_of(key.text.begin(), key.text.end(),
                                 [](QChar c) { return c.unicode() < 0x80; });
        if (node.ascii)
            node.asciiFinder = QByteArrayMatcher(key.text.toLatin1().toLower());
    }
    node.children.resize(key.children.size());
    for (qsizetype i = 0; i < key.children.size(); ++i)
        prepare(key.children[i], node.children[i]);
}

bool SearchMatcher::matches(const SearchMessage &message)
{
    m_message = &message;
    m_triedBytes = false;
    m_unreadable = false;
    m_bytes.reset();
    m_parsed = Parsed::None;
    m_triedSentDate = false;
    m_sentDate.reset();
    const bool result = eval(m_root);
    m_bytes.reset(); // the caller may unmap the file now
    m_part = MimePart();
    m_message = nullptr;
    return result && !m_unreadable;
}

bool SearchMatcher::inRanges(const QList<SequenceSet::Range> &ranges, quint32 n) const
{
    // Ranges are sorted and disjoint: the first range ending at or after n decides.
    const auto it =
        std::lower_bound(ranges.begin(), ranges.end(), n,
                         [](const SequenceSet::Range &r, quint32 v) { return r.last < v; });
    return it != ranges.end() && it->first <= n;
}

bool SearchMatcher::hasFlag(QByteArrayView flag) const
{
    for (const QByteArray &f : m_message->flags) {
        if (QByteArrayView(f).compare(flag, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool SearchMatcher::loadBytes()
{
    if (!m_triedBytes) {
        m_triedBytes = true;
        if (m_message->content)
            m_bytes = m_message->content();
        if (!m_bytes)
            m_unreadable = true;
    }
    return m_bytes.has_value();
}

const MimePart *SearchMatcher::header()
{
    if (m_parsed != Parsed::None)
        return &m_part;
    if (!loadBytes())
        return nullptr;
    m_part = MimeParser().parseHeaderOnly(*m_bytes);
    m_parsed = Parsed::Header;
    return &m_part;
}

const MimePart *SearchMatcher::fullPart()
{
    if (m_parsed == Parsed::Full)
        return &m_part;
    if (!loadBytes())
        return nullptr;
    m_part = MimeParser().parse(*m_bytes);
    m_parsed = Parsed::Full;
    return &m_part;
}

std::optional<QDate> SearchMatcher::sentDate()
{
    if (!m_triedSentDate) {
        m_triedSentDate = true;
        if (const MimePart *part = header()) {
            const QByteArray date = part->header.value("Date");
            if (!date.isNull())
                m_sentDate = mimetext::headerDate(date);
        }
    }
    return m_sentDate;
}

bool SearchMatcher::eval(const Node &node)
{
    const SearchKey &key = *node.key;
    const SearchMessage &m = *m_message;
    switch (key.kind) {
    case SearchKey::Kind::All:
        return true;
    case SearchKey::Kind::And:
        for (const Node &child : node.children) {
            if (!eval(child) || m_unreadable)
                return false;
        }
        return true;
    case SearchKey::Kind::Or:
        for (const Node &child : node.children) {
            if (eval(child) && !m_unreadable)
                return true;
        }
        return false;
    case SearchKey::Kind::Not:
        return !eval(node.children.first());
    case SearchKey::Kind::Flag:
        return hasFlag(key.name);
    case SearchKey::Kind::Recent:
        return m.recent;
    case SearchKey::Kind::Sequence:
        return inRanges(node.ranges, m.seq);
    case SearchKey::Kind::Uid:
        return inRanges(node.ranges, m.uid);
    case SearchKey::Kind::Larger:
        return m.size > key.number;
    case SearchKey::Kind::Smaller:
        return m.size < key.number;
    case SearchKey::Kind::Before:
        return m.internalDate.date() < key.date;
    case SearchKey::Kind::On:
        return m.internalDate.date() == key.date;
    case SearchKey::Kind::Since:
        return m.internalDate.date() >= key.date;
    case SearchKey::Kind::SentBefore:
    case SearchKey::Kind::SentOn:
    case SearchKey::Kind::SentSince: {
        // A message without a readable Date: field matches none of these.
        const std::optional<QDate> sent = sentDate();
        if (!sent)
            return false;
        if (key.kind == SearchKey::Kind::SentBefore)
            return *sent < key.date;
        if (key.kind == SearchKey::Kind::SentOn)
            return *sent == key.date;
        return *sent >= key.date;
    }
    case SearchKey::Kind::ModSeq:
        return m.modseq >= key.number;
    case SearchKey::Kind::Header: {
        const MimePart *part = header();
        return part && findInHeader(part->header, node, false);
    }
    case SearchKey::Kind::Body:
    case SearchKey::Kind::Text: {
        if (key.text.isEmpty())
            return loadBytes(); // every readable message contains ""
        const MimePart *part = fullPart();
        if (!part)
            return false;
        if (key.kind == SearchKey::Kind::Text && findInHeader(part->header, node, true))
            return true;
        return findInPart(*part, node) || findInUnparsedRest(*part, node);
    }
    }
    return false;
}

// Header: the named field's decoded value contains the text (or the field exists, for "").
// withNames (TEXT): every field, as "Name: value".
bool SearchMatcher::findInHeader(const MimeHeader &header, const Node &node, bool withNames)
{
    const SearchKey &key = *node.key;
    for (const auto &[name, value] : header.fields) {
        if (!withNames && QByteArrayView(name).compare(key.name, Qt::CaseInsensitive) != 0)
            continue;
        if (key.text.isEmpty())
            return true;
        m_text.truncate(0);
        if (withNames) {
            m_text.append(QLatin1StringView(name.constData(), name.size()));
            m_text.append(QLatin1StringView(": "));
        }
        mimetext::appendHeaderValue(value.trimmed(), m_text);
        if (node.finder.indexIn(m_text) >= 0)
            return true;
        if (!withNames && isAddressField(name)) {
            // Written with comments or odd spacing (<user (c)@ (c) example.org>), an address
            // is matched in its plain form too: "Name <user@example.org>".
            m_text.truncate(0);
            mimetext::appendHeaderValue(plainAddresses(parseAddressList(value)), m_text);
            if (node.finder.indexIn(m_text) >= 0)
                return true;
        }
    }
    return false;
}

bool SearchMatcher::isAddressField(QByteArrayView name)
{
    for (const char *field : {"From", "Sender", "Reply-To", "To", "Cc", "Bcc"}) {
        if (name.compare(field, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The readable parts of a body: text/* leaves decoded, multiparts and embedded messages
// (their header fields too) walked. Other leaves (images, archives) are not text to search.
bool SearchMatcher::findInPart(const MimePart &part, const Node &node)
{
    if (part.isMessage) {
        const MimePart &inner = part.children.first();
        return findInHeader(inner.header, node, true) || findInPart(inner, node);
    }
    if (part.isMultipart()) {
        for (const MimePart &child : part.children) {
            if (findInPart(child, node))
                return true;
        }
        return false;
    }
    const QByteArrayView raw = QByteArrayView(*m_bytes).sliced(part.bodyOffset, part.bodySize);
    if (part.type != "TEXT")
        return cutShort(part) && findInText(part.encoding, {}, raw, node);
    QByteArrayView charset;
    for (const auto &[name, value] : part.params) {
        if (name == "CHARSET")
            charset = value;
    }
    return findInText(part.encoding, charset, raw, node);
}

// Text in a transfer encoding and a charset: ASCII searches look at the bytes, lower-cased,
// when the charset allows; anything else is decoded to UTF-16 first.
bool SearchMatcher::findInText(QByteArrayView encoding, QByteArrayView charset, QByteArrayView raw,
                               const Node &node)
{
    QByteArrayView bytes = raw;
    if (encoding == "BASE64" || encoding == "QUOTED-PRINTABLE") {
        mimetext::decodeTransfer(encoding, raw, m_decoded);
        bytes = m_decoded;
    }
    if (node.ascii && mimetext::asciiCompatible(charset)) {
        m_lower.resize(bytes.size());
        char *w = m_lower.data();
        for (char c : bytes)
            *w++ = (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
        return node.asciiFinder.indexIn(m_lower.constData(), m_lower.size()) >= 0;
    }
    m_text.truncate(0);
    mimetext::appendCharset(charset, bytes, m_text);
    return node.finder.indexIn(m_text) >= 0;
}

// A multipart or message/rfc822 that MimeParser left as a leaf (too deep, too many parts,
// an encoded message): its text is still the message's, so it is searched undecoded.
bool SearchMatcher::cutShort(const MimePart &part)
{
    QByteArray type;
    QByteArray subtype;
    MimeParams params;
    const QByteArray contentType = part.header.value("Content-Type");
    if (contentType.isNull() || !MimeParser::parseContentType(contentType, type, subtype, params))
        return false;
    return type == "MULTIPART" || (type == "MESSAGE" && subtype == "RFC822");
}

// Past MimeLimits::maxParts the parser stops adding parts; the bytes after the last part it
// kept are searched undecoded, so that no text of the message is out of reach.
bool SearchMatcher::findInUnparsedRest(const MimePart &root, const Node &node)
{
    qsizetype parts = 0;
    const auto count = [&parts](const MimePart &p, const auto &self) -> void {
        ++parts;
        for (const MimePart &child : p.children)
            self(child, self);
    };
    count(root, count);
    if (parts < MimeLimits().maxParts)
        return false;
    const MimePart *last = &root;
    while (!last->children.isEmpty())
        last = &last->children.last();
    const qsizetype end = last->bodyOffset + last->bodySize;
    if (end >= m_bytes->size())
        return false;
    return findInText("7BIT", {}, QByteArrayView(*m_bytes).sliced(end), node);
}

} // namespace maild::imap
