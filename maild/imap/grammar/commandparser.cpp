// IMAP command reader: the byte-level state machine (lines, literals, resynchronisation)
// and the tokenizer that turns one complete command into typed arguments.
// Security: every loop is bounded by the limits; errors are values, never exceptions.
#include "imap/grammar/commandparser.h"

#include "imap/grammar/charclass.h"

#include <cstring>
#include <limits>
#include <utility>

namespace maild::imap {

namespace {

bool isCtl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

bool is8bit(char c) { return static_cast<unsigned char>(c) >= 0x80; }


// The tokenizer over the command's text parts and the literals between them.
class CommandReader
{
public:
    CommandReader(const QList<QByteArray> &parts, const QList<QByteArray> &literals,
                  const QList<std::shared_ptr<LiteralSink>> &sinks, const QList<qint64> &sizes,
                  const ParserLimits &limits)
        : m_parts(parts), m_literals(literals), m_sinks(sinks), m_sizes(sizes), m_limits(limits)
    {
    }

    bool parse(Command &out)
    {
        out.tag = readWhile([](char c) { return isTagChar(c); });
        if (out.tag.isEmpty())
            return failWith("Missing or invalid tag");
        if (peek() != ' ')
            return failWith("Missing command");
        ++m_pos;
        out.name = readWhile([](char c) { return isAtomChar(c); }).toUpper();
        if (out.name.isEmpty())
            return failWith("Missing or invalid command name");
        while (!atEnd()) {
            if (peek() != ' ')
                return failWith("Expected a space between arguments");
            ++m_pos;
            if (atEnd())
                break; // a trailing space is tolerated
            Token token;
            if (!readToken(token, 0))
                return false;
            out.arguments.append(std::move(token));
        }
        return true;
    }

    QByteArray error;
    bool tooBig = false;

private:
    bool failWith(const char *text, bool big = false)
    {
        error = QByteArray(text);
        tooBig = big;
        return false;
    }

    const QByteArray &part() const { return m_parts.at(m_part); }
    bool atEnd() const { return m_pos >= part().size() && m_part + 1 >= m_parts.size(); }
    int peek() const { return m_pos < part().size() ? static_cast<unsigned char>(part()[m_pos]) : -1; }

    template<typename Pred>
    QByteArray readWhile(Pred pred)
    {
        const qsizetype start = m_pos;
        while (m_pos < part().size() && pred(part()[m_pos]))
            ++m_pos;
        return part().mid(start, m_pos - start);
    }

    bool count()
    {
        if (++m_count > m_limits.maxArguments)
            return failWith("Too many arguments", true);
        return true;
    }

    bool readToken(Token &token, int depth)
    {
        if (!count())
            return false;
        const int c = peek();
        if (c == '"')
            return readQuoted(token);
        if (c == '{')
            return readLiteral(token);
        if (c == '(')
            return readList(token, depth);
        return readAtom(token, depth);
    }

    bool readQuoted(Token &token)
    {
        token.type = Token::Type::Quoted;
        ++m_pos;
        for (;;) {
            const int c = peek();
            if (c < 0)
                return failWith("Unterminated quoted string");
            ++m_pos;
            if (c == '"')
                return true;
            if (c == 0)
                return failWith("NUL in quoted string");
            if (c == '\r' || c == '\n')
                return failWith("CR or LF in quoted string");
            if (c == '\\') {
                const int e = peek();
                if (e != '"' && e != '\\')
                    return failWith("Invalid escape in quoted string");
                ++m_pos;
                token.value.append(static_cast<char>(e));
                continue;
            }
            token.value.append(static_cast<char>(c));
        }
    }

    bool readLiteral(Token &token)
    {
        ++m_pos;
        const QByteArray digits = readWhile([](char c) { return c >= '0' && c <= '9'; });
        if (peek() == '+') {
            token.nonSynchronizing = true;
            ++m_pos;
        }
        // The state machine cut the text after every literal marker it accepted.
        if (digits.isEmpty() || peek() != '}' || m_pos + 1 != part().size()
            || m_part + 1 >= m_parts.size())
            return failWith("Invalid literal");
        token.type = Token::Type::Literal;
        token.value = m_literals.at(m_part);
        token.streamed = m_sinks.at(m_part);
        token.literalSize = m_sizes.at(m_part);
        ++m_part;
        m_pos = 0;
        return true;
    }

    bool readList(Token &token, int depth)
    {
        if (depth + 1 > m_limits.maxDepth)
            return failWith("Lists nested too deeply", true);
        token.type = Token::Type::List;
        ++m_pos;
        bool first = true;
        for (;;) {
            const int c = peek();
            if (c < 0)
                return failWith("Unterminated list");
            if (c == ')') {
                ++m_pos;
                return true;
            }
            if (!first) {
                if (c != ' ')
                    return failWith("Expected a space in list");
                ++m_pos;
            }
            first = false;
            Token child;
            if (!readToken(child, depth + 1))
                return false;
            token.children.append(std::move(child));
        }
    }

    // An atom, which may carry [...] sections holding spaces, lists and quoted strings:
    // BODY.PEEK[HEADER.FIELDS (From To)]<0.100> is one token, as FETCH needs it. Outside a
    // FETCH item "[" and "]" are plain ASTRING-CHARs (a mailbox may be called a[b or a]b), so
    // a "[" that no "]" closes, or a "]" that no "[" opened, is part of the atom.
    bool readAtom(Token &token, int depth)
    {
        const qsizetype start = m_pos;
        if (!scanSections(depth))
            return false;
        if (m_unclosedSection) {
            m_pos = start;
            readWhile([](char c) { return isAtomChar(c) || c == '[' || c == ']' || c == '%' || c == '*' || c == '\\'; });
        }
        return finishAtom(token, start);
    }

    // Moves past an atom whose sections may hold spaces; m_unclosedSection when a "[" was
    // never closed (the caller then reads a plain atom instead).
    bool scanSections(int depth)
    {
        m_unclosedSection = false;
        int brackets = 0;
        bool quoted = false;
        while (m_pos < part().size()) {
            const char c = part()[m_pos];
            if (quoted) {
                if (c == '\\' && m_pos + 1 < part().size())
                    ++m_pos;
                else if (c == '"')
                    quoted = false;
                else if (c == 0 || c == '\r' || c == '\n')
                    return failWith("Invalid character in section");
                ++m_pos;
                continue;
            }
            if (c == '[') {
                if (depth + ++brackets > m_limits.maxDepth)
                    return failWith("Sections nested too deeply", true);
            } else if (c == ']') {
                if (brackets > 0)
                    --brackets;
            } else if (brackets > 0) {
                if (c == '"')
                    quoted = true;
                else if (c == '{' || isCtl(c) || is8bit(c)) {
                    m_unclosedSection = true;
                    return true;
                }
            } else if (!isAtomChar(c) && c != '%' && c != '*' && c != '\\') {
                break;
            }
            ++m_pos;
        }
        m_unclosedSection = brackets > 0 || quoted;
        return true;
    }

    bool finishAtom(Token &token, qsizetype start)
    {
        token.value = part().mid(start, m_pos - start);
        if (token.value.isEmpty()) {
            if (peek() == ')')
                return failWith("Unexpected )");
            return failWith("Invalid character in argument");
        }
        token.type = Token::Type::Atom;
        if (token.value.compare("NIL", Qt::CaseInsensitive) == 0) {
            token.type = Token::Type::Nil;
            token.value = QByteArrayLiteral("NIL");
            return true;
        }
        bool setChars = true;
        bool setSyntax = false;
        for (char c : std::as_const(token.value)) {
            if (c == ':' || c == ',' || c == '*')
                setSyntax = true;
            else if (c < '0' || c > '9')
                setChars = false;
        }
        if (setChars && setSyntax)
            token.type = Token::Type::SequenceSet;
        return true;
    }

    const QList<QByteArray> &m_parts;
    const QList<QByteArray> &m_literals;
    const QList<std::shared_ptr<LiteralSink>> &m_sinks;
    const QList<qint64> &m_sizes;
    const ParserLimits &m_limits;
    int m_part = 0;
    qsizetype m_pos = 0;
    int m_count = 0;
    bool m_unclosedSection = false;
};

// Recognises a literal marker ending the line: "{123}" or "{123+}". -1 when none.
qint64 literalMarker(const QByteArray &line, bool &nonSync)
{
    if (!line.endsWith('}'))
        return -1;
    qsizetype i = line.size() - 2;
    nonSync = false;
    if (i >= 0 && line[i] == '+') {
        nonSync = true;
        --i;
    }
    const qsizetype digitsEnd = i + 1;
    while (i >= 0 && line[i] >= '0' && line[i] <= '9')
        --i;
    if (i < 0 || line[i] != '{' || digitsEnd - (i + 1) == 0)
        return -1;
    if (digitsEnd - (i + 1) > 18)
        return std::numeric_limits<qint64>::max();
    qint64 n = 0;
    for (qsizetype k = i + 1; k < digitsEnd; ++k)
        n = n * 10 + (line[k] - '0');
    return n;
}

} // namespace

bool Token::isNumber() const
{
    if (type != Type::Atom || value.isEmpty() || value.size() > 10)
        return false;
    quint64 n = 0;
    for (char c : value) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + quint64(c - '0');
    }
    return n <= 0xffffffffULL;
}

quint32 Token::number() const
{
    return isNumber() ? static_cast<quint32>(value.toULongLong()) : 0;
}

QByteArray CommandParser::Error::response() const
{
    QByteArray out = tag + " BAD ";
    if (tooBig)
        out += "[TOOBIG] ";
    return out + text;
}

CommandParser::CommandParser(const ParserLimits &limits) : m_limits(limits)
{
    reset();
}

void CommandParser::reset()
{
    m_parts = {QByteArray()};
    m_literals.clear();
    m_sinks.clear(); // a refused command's sink goes (and with it its spool file)
    m_literalSizes.clear();
    m_lineBytes = 0;
    m_literalTotal = 0;
    m_literalLeft = 0;
    m_inQuote = false;
    m_escape = false;
    m_literalHasNul = false;
}

QByteArray CommandParser::currentTag() const
{
    const QByteArray &first = m_parts.first();
    qsizetype i = 0;
    while (i < first.size() && isTagChar(first[i]))
        ++i;
    if (i == 0 || i > 64 || (i < first.size() && first[i] != ' '))
        return QByteArrayLiteral("*");
    return first.left(i);
}

CommandParser::Status CommandParser::fail(bool tooBig, const QByteArray &text, State next, qint64 skip)
{
    m_error = Error{currentTag(), tooBig, text};
    reset();
    m_state = next;
    m_literalLeft = skip;
    return Status::Error;
}

void CommandParser::expectLine()
{
    reset();
    m_rawLine.clear();
    m_state = State::RawLine;
}

QByteArray CommandParser::takeLine()
{
    return std::exchange(m_rawLine, QByteArray());
}

Command CommandParser::takeCommand()
{
    return std::exchange(m_command, Command());
}

bool CommandParser::readingAppend() const
{
    const QByteArray &first = m_parts.first();
    const qsizetype space = first.indexOf(' ');
    const QByteArrayView name = space < 0 ? QByteArrayView() : QByteArrayView(first).sliced(space + 1).first(
                                                                   qMin<qsizetype>(7, first.size() - space - 1));
    return name.size() == 7 && name.first(6).compare("APPEND", Qt::CaseInsensitive) == 0 && name[6] == ' ';
}

qsizetype CommandParser::literalLimit() const
{
    // Only APPEND carries a message, and only after login; any other literal is a name, a
    // password or a search string, so a large one is refused before the client sends it.
    if (!m_authenticated)
        return m_limits.maxPreAuthLiteralBytes;
    return readingAppend() ? m_limits.maxLiteralBytes : m_limits.maxOtherLiteralBytes;
}

CommandParser::Status CommandParser::endOfLine()
{
    QByteArray &line = m_parts.last();
    if (line.endsWith('\r'))
        line.chop(1);
    bool nonSync = false;
    const qint64 n = m_inQuote ? -1 : literalMarker(line, nonSync);
    if (n >= 0) {
        if (n > literalLimit() - m_literalTotal) {
            // The client waits for "+" (refused now, it sends nothing more), or sends the
            // literal anyway (LITERAL+): refused now too, and its bytes are skipped.
            return fail(true, QByteArrayLiteral("Literal too big"), nonSync ? State::SkipLiteral : State::Line, n);
        }
        m_literalTotal += n;
        m_literalLeft = n;
        std::shared_ptr<LiteralSink> sink;
        if (m_authenticated && m_sinkFactory && n >= m_limits.streamLiteralsFrom && readingAppend())
            sink = m_sinkFactory(n);
        m_literals.append(QByteArray());
        if (!sink)
            m_literals.last().reserve(qMin<qint64>(n, 64 * 1024));
        m_sinks.append(std::move(sink));
        m_literalSizes.append(n);
        m_parts.append(QByteArray());
        m_state = n > 0 ? State::Literal : State::Line;
        return nonSync ? Status::NeedMore : Status::NeedContinuation;
    }
    if (m_parts.size() == 1 && line.isEmpty()) { // an empty line: nothing to answer
        reset();
        return Status::NeedMore;
    }
    Command command;
    CommandReader reader(m_parts, m_literals, m_sinks, m_literalSizes, m_limits);
    if (!reader.parse(command))
        return fail(reader.tooBig, reader.error, State::Line);
    m_command = std::move(command);
    reset();
    return Status::Command;
}

CommandParser::Status CommandParser::feed(QByteArrayView input, qsizetype &consumed)
{
    consumed = 0;
    const qsizetype size = input.size();
    while (consumed < size) {
        switch (m_state) {
        case State::Line: {
            const char c = input[consumed++];
            if (c == '\n') {
                const Status s = endOfLine();
                if (s != Status::NeedMore)
                    return s;
                continue;
            }
            if (++m_lineBytes > m_limits.maxLineBytes)
                return fail(true, QByteArrayLiteral("Command line too long"), State::SkipLine);
            m_parts.last().append(c);
            if (m_inQuote) {
                if (m_escape)
                    m_escape = false;
                else if (c == '\\')
                    m_escape = true;
                else if (c == '"')
                    m_inQuote = false;
            } else if (c == '"') {
                m_inQuote = true;
            }
            break;
        }
        case State::Literal: {
            const qsizetype take = qMin<qint64>(m_literalLeft, size - consumed);
            const QByteArrayView chunk = input.sliced(consumed, take);
            if (std::memchr(chunk.data(), 0, size_t(take)))
                m_literalHasNul = true;
            if (const std::shared_ptr<LiteralSink> &sink = m_sinks.last())
                sink->write(chunk);
            else
                m_literals.last().append(chunk);
            consumed += take;
            m_literalLeft -= take;
            if (m_literalLeft == 0) {
                if (m_literalHasNul)
                    return fail(false, QByteArrayLiteral("NUL in literal"), State::SkipLine);
                m_state = State::Line;
                m_inQuote = m_escape = false;
            }
            break;
        }
        case State::SkipLiteral: {
            const qsizetype take = qMin<qint64>(m_literalLeft, size - consumed);
            consumed += take;
            m_literalLeft -= take;
            if (m_literalLeft == 0)
                m_state = State::SkipLine;
            break;
        }
        case State::RawLine: {
            const char *begin = input.data() + consumed;
            const char *nl = static_cast<const char *>(
                std::memchr(begin, '\n', size_t(size - consumed)));
            const qsizetype take = nl ? nl - begin : size - consumed;
            if (m_rawLine.size() + take > m_limits.maxLineBytes + 1) { // +1: the CR
                m_parts = {QByteArray()}; // no tag in a response line
                return fail(true, QByteArrayLiteral("Line too long"), State::SkipLine);
            }
            m_rawLine.append(begin, take);
            consumed += take;
            if (!nl)
                break;
            ++consumed;
            if (m_rawLine.endsWith('\r'))
                m_rawLine.chop(1);
            m_state = State::Line;
            return Status::Line;
        }
        case State::SkipLine: {
            // The rest of a refused command. A LITERAL+ literal announced at the end of a
            // skipped line is part of that command too (RFC 7888 3): skip it as well, so its
            // bytes never run as a command of their own.
            constexpr qsizetype kTail = 24;
            const char *begin = input.data() + consumed;
            const char *nl = static_cast<const char *>(std::memchr(begin, '\n', size_t(size - consumed)));
            const qsizetype take = nl ? nl - begin : size - consumed;
            m_skipTail.append(begin + qMax<qsizetype>(0, take - kTail), qMin(take, kTail));
            if (m_skipTail.size() > kTail)
                m_skipTail.remove(0, m_skipTail.size() - kTail);
            consumed += take;
            if (!nl)
                break;
            ++consumed;
            if (m_skipTail.endsWith('\r'))
                m_skipTail.chop(1);
            bool nonSync = false;
            const qint64 n = literalMarker(m_skipTail, nonSync);
            m_skipTail.clear();
            reset();
            if (n > 0 && nonSync) {
                m_literalLeft = n;
                m_state = State::SkipLiteral;
                break;
            }
            m_state = State::Line;
            break;
        }
        }
    }
    return Status::NeedMore;
}

} // namespace maild::imap
