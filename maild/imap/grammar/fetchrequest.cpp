// FetchRequest: the fetch-att grammar of RFC 3501 9 (with MODSEQ and the CHANGEDSINCE
// modifier of RFC 7162) over CommandParser tokens. BODY[...]<o.c> arrives as one atom; its
// section goes to FetchSection::parse, its partial is read here.
// Security: client text; errors are values naming the offending item (shortened, printable).
#include "imap/grammar/fetchrequest.h"

namespace maild::imap {

namespace {

using Kind = FetchItem::Kind;

// The client's text for an error message: printable, at most 40 bytes.
QByteArray shown(QByteArrayView text)
{
    QByteArray out;
    for (char c : text.first(qMin<qsizetype>(text.size(), 40))) {
        const auto u = static_cast<unsigned char>(c);
        out += (u >= 0x20 && u < 0x7f) ? c : '?';
    }
    return text.size() > 40 ? out + "..." : out;
}

bool fail(QByteArray *error, const QByteArray &text)
{
    if (error)
        *error = text;
    return false;
}

// number (origin: leading zeros allowed) or nz-number (count), 32 bits.
std::optional<quint32> readNumber(QByteArrayView t, bool nonZero)
{
    if (t.isEmpty() || t.size() > 10 || (nonZero && t[0] == '0'))
        return std::nullopt;
    quint64 n = 0;
    for (char c : t) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + quint64(c - '0');
    }
    if (n > 0xffffffffULL || (nonZero && n == 0))
        return std::nullopt;
    return quint32(n);
}

// mod-sequence-value of RFC 7162: 1 to 2^63-1.
std::optional<qint64> readModSeq(const Token &t)
{
    if (t.type != Token::Type::Atom || t.value.isEmpty() || t.value.size() > 19 ||
        t.value[0] == '0')
        return std::nullopt;
    bool ok = false;
    const qint64 n = t.value.toLongLong(&ok);
    for (char c : t.value) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return ok && n > 0 ? std::optional<qint64>(n) : std::nullopt;
}

// BODY[...] / BODY.PEEK[...]: the text from '[' on.
bool parseSectionItem(QByteArrayView v, qsizetype bracket, FetchItem &item, QByteArray *error)
{
    // The matching ']' (the parser allowed quoted strings, in which ']' is no bracket).
    qsizetype close = -1;
    bool quoted = false;
    for (qsizetype i = bracket + 1; i < v.size() && close < 0; ++i) {
        const char c = v[i];
        if (quoted) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == '[') {
            return fail(error, "Unexpected [ inside the section of " + shown(v));
        } else if (c == ']') {
            close = i;
        }
    }
    if (close < 0)
        return fail(error, "Unterminated section in " + shown(v));
    QByteArray sectionError;
    const auto section =
        FetchSection::parse(v.sliced(bracket + 1, close - bracket - 1), &sectionError);
    if (!section)
        return fail(error, sectionError + " in " + shown(v));
    item.kind = Kind::Section;
    item.section = *section;
    const QByteArrayView rest = v.sliced(close + 1);
    if (rest.isEmpty())
        return true;
    const qsizetype dot = rest.indexOf('.');
    if (rest[0] != '<' || !rest.endsWith('>') || dot < 0)
        return fail(error, "Expected <origin.count> after the section of " + shown(v));
    const auto origin = readNumber(rest.sliced(1, dot - 1), false);
    const auto count = readNumber(rest.sliced(dot + 1, rest.size() - dot - 2), true);
    if (!origin)
        return fail(error, "Invalid partial origin in " + shown(v));
    if (!count)
        return fail(error, "Invalid partial count (1 to 4294967295) in " + shown(v));
    item.partial = FetchPartial{*origin, *count};
    return true;
}

bool parseItem(const Token &token, FetchItem &item, QByteArray *error)
{
    if (token.type != Token::Type::Atom)
        return fail(error, "Invalid FETCH data item: " + shown(token.value));
    const QByteArray &v = token.value;
    const qsizetype bracket = v.indexOf('[');
    const QByteArray head = (bracket < 0 ? v : v.left(bracket)).toUpper();
    if (bracket >= 0) {
        if (head == "BODY" || head == "BODY.PEEK") {
            item.peek = head == "BODY.PEEK";
            return parseSectionItem(v, bracket, item, error);
        }
        return fail(error, "Unknown FETCH data item or no section allowed: " + shown(v));
    }
    static const struct
    {
        const char *name;
        Kind kind;
    } plain[] = {
        {"ENVELOPE", Kind::Envelope},
        {"FLAGS", Kind::Flags},
        {"INTERNALDATE", Kind::InternalDate},
        {"RFC822.SIZE", Kind::Rfc822Size},
        {"BODY", Kind::Body},
        {"BODYSTRUCTURE", Kind::BodyStructure},
        {"UID", Kind::Uid},
        {"MODSEQ", Kind::ModSeq},
    };
    for (const auto &p : plain) {
        if (head == p.name) {
            item.kind = p.kind;
            return true;
        }
    }
    if (head == "RFC822" || head == "RFC822.HEADER" || head == "RFC822.TEXT") {
        item.kind = Kind::Section;
        item.alias = head;
        item.peek = head == "RFC822.HEADER";
        item.section.text = head == "RFC822" ? FetchSection::Text::Full
                            : item.peek      ? FetchSection::Text::Header
                                             : FetchSection::Text::Text;
        return true;
    }
    if (head.contains('<'))
        return fail(error, "A partial <origin.count> only follows BODY[...]: " + shown(v));
    if (head == "BODY.PEEK")
        return fail(error, "BODY.PEEK needs a section: BODY.PEEK[...]");
    if (head == "ALL" || head == "FAST" || head == "FULL")
        return fail(error, "The macro " + head + " cannot be combined with other items");
    return fail(error, "Unknown FETCH data item: " + shown(v));
}

bool parseModifiers(const Token &list, FetchRequest &request, QByteArray *error)
{
    if (list.type != Token::Type::List)
        return fail(error, "Expected a list of FETCH modifiers, not " + shown(list.value));
    if (list.children.isEmpty())
        return fail(error, "Empty list of FETCH modifiers");
    for (qsizetype i = 0; i < list.children.size(); i += 2) {
        const Token &name = list.children.at(i);
        const QByteArray upper = name.value.toUpper();
        if (name.type != Token::Type::Atom || upper != "CHANGEDSINCE")
            return fail(error, "Unknown FETCH modifier: " + shown(name.value));
        if (request.changedSince)
            return fail(error, "CHANGEDSINCE given twice");
        const auto value =
            i + 1 < list.children.size() ? readModSeq(list.children.at(i + 1)) : std::nullopt;
        if (!value)
            return fail(error, "CHANGEDSINCE needs a mod-sequence (1 to 9223372036854775807)");
        request.changedSince = value;
    }
    return true;
}

} // namespace

QByteArray FetchItem::responseName() const
{
    switch (kind) {
    case Kind::Envelope:
        return QByteArrayLiteral("ENVELOPE");
    case Kind::Flags:
        return QByteArrayLiteral("FLAGS");
    case Kind::InternalDate:
        return QByteArrayLiteral("INTERNALDATE");
    case Kind::Rfc822Size:
        return QByteArrayLiteral("RFC822.SIZE");
    case Kind::Body:
        return QByteArrayLiteral("BODY");
    case Kind::BodyStructure:
        return QByteArrayLiteral("BODYSTRUCTURE");
    case Kind::Uid:
        return QByteArrayLiteral("UID");
    case Kind::ModSeq:
        return QByteArrayLiteral("MODSEQ");
    case Kind::Section:
        break;
    }
    if (!alias.isEmpty())
        return alias;
    QByteArray out = "BODY[" + section.name() + ']';
    if (partial)
        out += '<' + QByteArray::number(partial->origin) + '>';
    return out;
}

std::optional<FetchRequest> FetchRequest::parse(const QList<Token> &args, qsizetype first,
                                                QByteArray *error)
{
    FetchRequest request;
    if (first >= args.size()) {
        fail(error, "FETCH needs data items");
        return std::nullopt;
    }
    const Token &att = args.at(first);
    auto add = [&](Kind kind) { request.items.append(FetchItem{kind, {}, {}, false, {}}); };
    const QByteArray macro = att.type == Token::Type::Atom ? att.value.toUpper() : QByteArray();
    if (macro == "ALL" || macro == "FAST" || macro == "FULL") {
        add(Kind::Flags);
        add(Kind::InternalDate);
        add(Kind::Rfc822Size);
        if (macro != "FAST")
            add(Kind::Envelope);
        if (macro == "FULL")
            add(Kind::Body);
    } else if (att.type == Token::Type::List) {
        if (att.children.isEmpty()) {
            fail(error, "Empty list of FETCH data items");
            return std::nullopt;
        }
        for (const Token &child : att.children) {
            FetchItem item;
            if (!parseItem(child, item, error))
                return std::nullopt;
            if (!request.items.contains(item))
                request.items.append(item);
        }
    } else {
        FetchItem item;
        if (!parseItem(att, item, error))
            return std::nullopt;
        request.items.append(item);
    }
    if (first + 1 < args.size() && !parseModifiers(args.at(first + 1), request, error))
        return std::nullopt;
    if (first + 2 < args.size()) {
        fail(error,
             "Unexpected argument after the FETCH data items: " + shown(args.at(first + 2).value));
        return std::nullopt;
    }
    if (request.changedSince && !request.has(Kind::ModSeq))
        add(Kind::ModSeq);
    return request;
}

bool FetchRequest::has(FetchItem::Kind kind) const
{
    for (const FetchItem &item : items) {
        if (item.kind == kind)
            return true;
    }
    return false;
}

void FetchRequest::require(FetchItem::Kind kind)
{
    if (!has(kind))
        items.prepend(FetchItem{kind, {}, {}, false, {}});
}

bool FetchRequest::setsSeen() const
{
    for (const FetchItem &item : items) {
        if (item.kind == Kind::Section && !item.peek)
            return true;
    }
    return false;
}

FetchRequest::MimeNeed FetchRequest::mimeNeed() const
{
    MimeNeed need = MimeNeed::None;
    for (const FetchItem &item : items) {
        if (item.kind == Kind::Body || item.kind == Kind::BodyStructure ||
            (item.kind == Kind::Section && item.section.needsStructure()))
            return MimeNeed::Structure;
        if (item.kind == Kind::Envelope ||
            (item.kind == Kind::Section && !item.section.isWholeMessage()))
            need = MimeNeed::Header;
    }
    return need;
}

} // namespace maild::imap
