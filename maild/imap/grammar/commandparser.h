// IMAP4rev1 command reader (RFC 3501 9, LITERAL+ of RFC 7888): a resumable state machine
// fed any number of bytes, producing tagged commands with typed argument tokens. Knows
// nothing of sockets: the IMAP session feeds it and sends "+ go ahead" when asked to.
// Security: input is the client's. Limits are fixed at construction; an oversized
// synchronizing literal is refused before the client sends it, a LITERAL+ one is skipped.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace maild::imap {

struct Token
{
    enum class Type { Atom, SequenceSet, Quoted, Literal, Nil, List };

    Type type = Type::Atom;
    QByteArray value; // atom text, string contents, sequence set text; "NIL" for Nil
    QList<Token> children; // for List
    bool nonSynchronizing = false; // a LITERAL+ literal

    bool isString() const { return type == Type::Quoted || type == Type::Literal; }
    // astring (RFC 3501): an atom, a quoted string or a literal. NIL counts as the atom "NIL".
    bool isAString() const { return type != Type::List; }
    bool isNumber() const;
    quint32 number() const; // 0 unless isNumber()
};

struct Command
{
    QByteArray tag;
    QByteArray name; // upper-cased: "LOGIN", "UID"
    QList<Token> arguments;

    // The tag and name alone (arguments may hold a large literal), for a completion that is
    // sent later.
    Command header() const { return Command{tag, name, {}}; }
};

struct ParserLimits
{
    qsizetype maxLineBytes = 64 * 1024; // one command's text outside its literals
    qsizetype maxLiteralBytes = 64 * 1024 * 1024; // all literals of one APPEND together
    qsizetype maxOtherLiteralBytes = 64 * 1024; // all literals of any other command together
    int maxDepth = 16; // parenthesized lists and [...] sections inside each other
    int maxArguments = 4096; // tokens in one command, nested ones included
};

class CommandParser
{
public:
    // Line: a raw line asked for with expectLine() is complete (takeLine()).
    enum class Status { NeedMore, Command, NeedContinuation, Error, Line };

    struct Error
    {
        QByteArray tag; // "*" when no valid tag was read
        bool tooBig = false; // a limit was hit: the response carries [TOOBIG]
        QByteArray text;
        QByteArray response() const; // "A1 BAD [TOOBIG] Literal too big" (no CRLF)
    };

    explicit CommandParser(const ParserLimits &limits = ParserLimits());

    // Reads bytes until something other than NeedMore happens; consumed says how many
    // bytes of input were used. Call again with the rest after handling the status.
    Status feed(QByteArrayView input, qsizetype &consumed);

    // The next line is no command but a client response inside one (AUTHENTICATE's SASL
    // responses, IDLE's DONE): feed() returns Line for it. Call only between commands.
    void expectLine();

    // Valid after feed() returned Command / Error / Line.
    Command takeCommand();
    QByteArray takeLine();
    const Error &error() const { return m_error; }
    const ParserLimits &limits() const { return m_limits; }

private:
    enum class State { Line, Literal, SkipLiteral, SkipLine, RawLine };

    Status endOfLine();
    qsizetype literalLimit() const; // for the command being read
    Status fail(bool tooBig, const QByteArray &text, State next);
    void reset();
    QByteArray currentTag() const;

    ParserLimits m_limits;
    State m_state = State::Line;
    QList<QByteArray> m_parts; // the command's text, cut where each literal starts
    QList<QByteArray> m_literals; // m_literals[i] follows m_parts[i]
    qsizetype m_lineBytes = 0;
    qsizetype m_literalTotal = 0;
    qsizetype m_literalLeft = 0;
    bool m_inQuote = false;
    bool m_escape = false;
    bool m_literalHasNul = false;
    bool m_reportAfterSkip = true; // SkipLiteral ends with the pending error
    QByteArray m_skipTail; // the last bytes of a line being skipped (a "{n+}" at its end)
    Error m_error;
    Command m_command;
    QByteArray m_rawLine;
};

} // namespace maild::imap
