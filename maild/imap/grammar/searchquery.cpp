// SearchQuery: a recursive-descent reader over CommandParser tokens for the search-key
// grammar of RFC 3501 9 (with MODSEQ of RFC 7162), building a SearchKey tree.
// Security: recursion through NOT, OR and lists is capped at kMaxDepth; every argument is
// checked for its type and range; error texts echo at most a short, atom-only piece of input.
#include "imap/grammar/searchquery.h"

#include "imap/grammar/responsewriter.h"

#include <QStringDecoder>
#include <algorithm>
#include <limits>

namespace maild::imap {

namespace {

constexpr int kMaxDepth = 64; // NOT, OR and parentheses inside each other

struct Simple
{
    const char *name;
    SearchKey::Kind kind;
    const char *flag; // for Kind::Flag
    bool negate;
};

// Keys without arguments.
const Simple kSimple[] = {
    {"ALL", SearchKey::Kind::All, nullptr, false},
    {"ANSWERED", SearchKey::Kind::Flag, "\\Answered", false},
    {"DELETED", SearchKey::Kind::Flag, "\\Deleted", false},
    {"DRAFT", SearchKey::Kind::Flag, "\\Draft", false},
    {"FLAGGED", SearchKey::Kind::Flag, "\\Flagged", false},
    {"SEEN", SearchKey::Kind::Flag, "\\Seen", false},
    {"RECENT", SearchKey::Kind::Recent, nullptr, false},
    {"OLD", SearchKey::Kind::Recent, nullptr, true},
    {"UNANSWERED", SearchKey::Kind::Flag, "\\Answered", true},
    {"UNDELETED", SearchKey::Kind::Flag, "\\Deleted", true},
    {"UNDRAFT", SearchKey::Kind::Flag, "\\Draft", true},
    {"UNFLAGGED", SearchKey::Kind::Flag, "\\Flagged", true},
    {"UNSEEN", SearchKey::Kind::Flag, "\\Seen", true},
};

struct WithString
{
    const char *name;
    SearchKey::Kind kind;
    const char *field; // for Kind::Header
};

const WithString kStrings[] = {
    {"BCC", SearchKey::Kind::Header, "Bcc"},   {"CC", SearchKey::Kind::Header, "Cc"},
    {"FROM", SearchKey::Kind::Header, "From"}, {"SUBJECT", SearchKey::Kind::Header, "Subject"},
    {"TO", SearchKey::Kind::Header, "To"},     {"BODY", SearchKey::Kind::Body, nullptr},
    {"TEXT", SearchKey::Kind::Text, nullptr},
};

struct WithDate
{
    const char *name;
    SearchKey::Kind kind;
};

const WithDate kDates[] = {
    {"BEFORE", SearchKey::Kind::Before}, {"ON", SearchKey::Kind::On},
    {"SINCE", SearchKey::Kind::Since},   {"SENTBEFORE", SearchKey::Kind::SentBefore},
    {"SENTON", SearchKey::Kind::SentOn}, {"SENTSINCE", SearchKey::Kind::SentSince},
};

// Search strings in any charset we accept read as UTF-8; bytes that are not UTF-8 (a client
// that ignored CHARSET) as Latin-1.
QString searchString(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return QString::fromLatin1(bytes);
    return text;
}

// A piece of the client's input fit for an error text: a short atom, else nothing.
QByteArray shown(const Token &token)
{
    if (token.type != Token::Type::Atom || token.value.size() > 32)
        return QByteArray();
    for (char c : token.value) {
        if (c <= 0x20 || c >= 0x7f)
            return QByteArray();
    }
    return token.value;
}

SearchKey leaf(SearchKey::Kind kind, int cost = SearchKey::Metadata)
{
    SearchKey key;
    key.kind = kind;
    key.cost = cost;
    return key;
}

SearchKey wrap(SearchKey::Kind kind, QList<SearchKey> children)
{
    SearchKey key;
    key.kind = kind;
    for (const SearchKey &child : children)
        key.cost = std::max(key.cost, child.cost);
    if (kind != SearchKey::Kind::Not) {
        // Cheap keys first: when they decide, the message file is never opened.
        std::stable_sort(children.begin(), children.end(),
                         [](const SearchKey &a, const SearchKey &b) { return a.cost < b.cost; });
    }
    key.children = std::move(children);
    return key;
}

class SearchReader
{
public:
    SearchReader(const QList<Token> &tokens, SearchError &error) : m_tokens(tokens), m_error(error) {}

    bool usesModSeq = false;

    // Keys up to the end of the tokens, as one key (an AND when more than one).
    std::optional<SearchKey> keyList(qsizetype from)
    {
        m_pos = from;
        QList<SearchKey> keys;
        while (m_pos < m_tokens.size()) {
            std::optional<SearchKey> key = this->key(m_tokens, 0);
            if (!key)
                return std::nullopt;
            keys.append(std::move(*key));
        }
        if (keys.isEmpty())
            return fail("Missing search keys");
        if (keys.size() == 1)
            return std::move(keys.first());
        return wrap(SearchKey::Kind::And, std::move(keys));
    }

private:
    std::nullopt_t fail(const QByteArray &text)
    {
        if (m_error.text.isEmpty())
            m_error.text = text;
        return std::nullopt;
    }

    // The next token of the current list; m_pos moves past it.
    const Token *next(const QList<Token> &list)
    {
        return m_pos < list.size() ? &list[m_pos++] : nullptr;
    }

    std::optional<SearchKey> key(const QList<Token> &list, int depth)
    {
        if (depth > kMaxDepth)
            return fail("Search keys nested too deeply");
        const Token *token = next(list);
        if (!token)
            return fail(depth == 0 ? "Missing search key" : "Missing search key after NOT or OR");
        if (token->type == Token::Type::List)
            return parenthesized(*token, depth);
        if (token->type == Token::Type::SequenceSet || token->isNumber())
            return sequenceSet(SearchKey::Kind::Sequence, token);
        if (token->type != Token::Type::Atom)
            return fail("Search key expected");
        const QByteArray name = token->value.toUpper();

        for (const Simple &s : kSimple) {
            if (name != s.name)
                continue;
            SearchKey key = leaf(s.kind);
            if (s.flag)
                key.name = s.flag;
            return s.negate ? wrap(SearchKey::Kind::Not, {key}) : key;
        }
        if (name == "NEW") {
            SearchKey unseen = leaf(SearchKey::Kind::Flag);
            unseen.name = QByteArrayLiteral("\\Seen");
            return wrap(SearchKey::Kind::And,
                        {leaf(SearchKey::Kind::Recent), wrap(SearchKey::Kind::Not, {unseen})});
        }
        for (const WithString &s : kStrings) {
            if (name != s.name)
                continue;
            const Token *arg = next(list);
            if (!arg || !arg->isAString())
                return fail(name + " needs a string");
            SearchKey key = leaf(s.kind, s.kind == SearchKey::Kind::Header ? SearchKey::HeaderBytes
                                                                           : SearchKey::BodyBytes);
            if (s.field)
                key.name = s.field;
            key.text = searchString(arg->value);
            return key;
        }
        for (const WithDate &d : kDates) {
            if (name != d.name)
                continue;
            const Token *arg = next(list);
            const std::optional<QDate> date =
                arg && (arg->type == Token::Type::Atom || arg->isString())
                    ? ResponseWriter::parseDate(arg->value)
                    : std::nullopt;
            if (!date)
                return fail(name + " needs a date like 1-Feb-1994");
            const bool sent = name.startsWith("SENT");
            SearchKey key = leaf(d.kind, sent ? SearchKey::HeaderBytes : SearchKey::Metadata);
            key.date = *date;
            return key;
        }
        if (name == "HEADER") {
            const Token *field = next(list);
            const Token *arg = field ? next(list) : nullptr;
            if (!field || !arg || !field->isAString() || !arg->isAString())
                return fail("HEADER needs a field name and a string");
            if (field->value.isEmpty() || field->value.contains(':'))
                return fail("HEADER needs a valid field name");
            SearchKey key = leaf(SearchKey::Kind::Header, SearchKey::HeaderBytes);
            key.name = field->value;
            key.text = searchString(arg->value);
            return key;
        }
        if (name == "KEYWORD" || name == "UNKEYWORD") {
            const Token *arg = next(list);
            if (!arg || arg->type != Token::Type::Atom)
                return fail(name + " needs a keyword");
            SearchKey key = leaf(SearchKey::Kind::Flag);
            key.name = arg->value;
            return name == "KEYWORD" ? key : wrap(SearchKey::Kind::Not, {key});
        }
        if (name == "LARGER" || name == "SMALLER") {
            const Token *arg = next(list);
            if (!arg || !arg->isNumber())
                return fail(name + " needs a number");
            SearchKey key =
                leaf(name == "LARGER" ? SearchKey::Kind::Larger : SearchKey::Kind::Smaller);
            key.number = arg->number();
            return key;
        }
        if (name == "NOT") {
            std::optional<SearchKey> inner = key(list, depth + 1);
            if (!inner)
                return std::nullopt;
            return wrap(SearchKey::Kind::Not, {std::move(*inner)});
        }
        if (name == "OR") {
            std::optional<SearchKey> a = key(list, depth + 1);
            std::optional<SearchKey> b = a ? key(list, depth + 1) : std::nullopt;
            if (!a || !b)
                return std::nullopt;
            return wrap(SearchKey::Kind::Or, {std::move(*a), std::move(*b)});
        }
        if (name == "UID")
            return sequenceSet(SearchKey::Kind::Uid, next(list));
        if (name == "MODSEQ")
            return modSeq(list);
        if (name == "CHARSET")
            return fail("CHARSET must come first");
        const QByteArray what = shown(*token);
        return fail(what.isEmpty() ? QByteArrayLiteral("Unknown search key")
                                   : "Unknown search key " + what);
    }

    std::optional<SearchKey> parenthesized(const Token &list, int depth)
    {
        if (list.children.isEmpty())
            return fail("Empty list of search keys");
        const qsizetype saved = m_pos;
        m_pos = 0;
        QList<SearchKey> keys;
        while (m_pos < list.children.size()) {
            std::optional<SearchKey> key = this->key(list.children, depth + 1);
            if (!key)
                return std::nullopt;
            keys.append(std::move(*key));
        }
        m_pos = saved;
        if (keys.size() == 1)
            return std::move(keys.first());
        return wrap(SearchKey::Kind::And, std::move(keys));
    }

    std::optional<SearchKey> sequenceSet(SearchKey::Kind kind, const Token *token)
    {
        std::optional<SequenceSet> set;
        if (token && (token->type == Token::Type::SequenceSet || token->type == Token::Type::Atom))
            set = SequenceSet::parse(token->value);
        if (!set)
            return fail(kind == SearchKey::Kind::Uid ? "UID needs a sequence set"
                                                     : "Invalid sequence set");
        SearchKey key = leaf(kind);
        key.set = std::move(set);
        return key;
    }

    // MODSEQ ["/flags/\\Seen" priv|shared|all] n. We keep one MODSEQ per message, so the
    // per-flag entry is checked for its syntax and otherwise means the message's MODSEQ.
    std::optional<SearchKey> modSeq(const QList<Token> &list)
    {
        const Token *arg = next(list);
        if (arg && arg->isString()) {
            const Token *type = next(list);
            const QByteArray t =
                type && type->type == Token::Type::Atom ? type->value.toLower() : QByteArray();
            if (!arg->value.startsWith("/flags/") || (t != "priv" && t != "shared" && t != "all"))
                return fail("MODSEQ entry needs a \"/flags/...\" name and priv, shared or all");
            arg = next(list);
        }
        // mod-sequence-valzer: 0 to 2^63-1.
        qint64 n = -1;
        if (arg && arg->type == Token::Type::Atom && !arg->value.isEmpty() &&
            arg->value.size() <= 19) {
            bool ok = true;
            quint64 v = 0;
            for (char c : arg->value) {
                ok = ok && c >= '0' && c <= '9';
                v = v * 10 + quint64(c - '0');
            }
            if (ok && v <= quint64(std::numeric_limits<qint64>::max()))
                n = qint64(v);
        }
        if (n < 0)
            return fail("MODSEQ needs a number");
        usesModSeq = true;
        SearchKey key = leaf(SearchKey::Kind::ModSeq);
        key.number = n;
        return key;
    }

    const QList<Token> &m_tokens;
    SearchError &m_error;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<SearchQuery> SearchQuery::parse(const QList<Token> &arguments, SearchError &error)
{
    error = SearchError();
    qsizetype first = 0;
    if (!arguments.isEmpty() && arguments.first().type == Token::Type::Atom &&
        arguments.first().value.compare("CHARSET", Qt::CaseInsensitive) == 0) {
        if (arguments.size() < 2 || !arguments[1].isAString()) {
            error.text = QByteArrayLiteral("CHARSET needs a name");
            return std::nullopt;
        }
        const QByteArray &charset = arguments[1].value;
        if (charset.compare("UTF-8", Qt::CaseInsensitive) != 0 &&
            charset.compare("US-ASCII", Qt::CaseInsensitive) != 0) {
            error.badCharset = true;
            error.text = QByteArrayLiteral("[BADCHARSET (UTF-8 US-ASCII)] Unsupported charset");
            return std::nullopt;
        }
        first = 2;
    }
    SearchReader reader(arguments, error);
    std::optional<SearchKey> root = reader.keyList(first);
    if (!root)
        return std::nullopt;
    SearchQuery query;
    query.m_root = std::move(*root);
    query.m_usesModSeq = reader.usesModSeq;
    return query;
}

} // namespace maild::imap
