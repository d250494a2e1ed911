// IMAP4rev1 command reader (RFC 3501 9, LITERAL+ of RFC 7888): a resumable state machine
// fed any number of bytes, producing tagged commands with typed argument tokens. Knows
// nothing of sockets: the IMAP session feeds it and sends "+ go ahead" when asked to.
// Security: input is the client's. Limits are fixed at construction; an oversized
// synchronizing literal is refused before the client sends it, a LITERAL+ one is refused at
// once and skipped. Before authentication no literal is over a few KiB; after it, a large
// APPEND literal goes straight to a sink (a spool file), never into memory.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <functional>
#include <memory>

namespace maild::imap {

// Where a large APPEND literal goes instead of memory (the session's spool file). write()
// takes the bytes as they arrive; a failure is the sink's to remember and report.
class LiteralSink
{
public:
    virtual ~LiteralSink() = default;
    virtual void write(QByteArrayView bytes) = 0;
};

struct Token
{
    enum class Type { Atom, SequenceSet, Quoted, Literal, Nil, List };

    Type type = Type::Atom;
    QByteArray value; // atom text, string contents, sequence set text; "NIL" for Nil
    QList<Token> children; // for List
    bool nonSynchronizing = false; // a LITERAL+ literal
    std::shared_ptr<LiteralSink> streamed; // a Literal that went to a sink (value is empty)
    qint64 literalSize = 0; // a Literal's size, streamed or not

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
    // Before authentication every command's literals together (a user name, a password):
    // RFC 7888's LITERAL- bound, so no stranger makes the server buffer more.
    qsizetype maxPreAuthLiteralBytes = 4096;
    qsizetype streamLiteralsFrom = 64 * 1024; // APPEND literals this large go to the sink
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

    // Until set, every literal is bounded by maxPreAuthLiteralBytes.
    void setAuthenticated(bool authenticated) { m_authenticated = authenticated; }
    // Makes the sink of an APPEND literal of the given size (nullptr: keep it in memory).
    using SinkFactory = std::function<std::shared_ptr<LiteralSink>(qint64 size)>;
    void setSinkFactory(SinkFactory factory) { m_sinkFactory = std::move(factory); }

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
    bool readingAppend() const;
    qsizetype literalLimit() const; // for the command being read
    Status fail(bool tooBig, const QByteArray &text, State next, qint64 skip = 0);
    void reset();
    QByteArray currentTag() const;

    ParserLimits m_limits;
    State m_state = State::Line;
    QList<QByteArray> m_parts; // the command's text, cut where each literal starts
    QList<QByteArray> m_literals; // m_literals[i] follows m_parts[i]
    QList<std::shared_ptr<LiteralSink>> m_sinks; // m_sinks[i]: where literal i went, if not memory
    QList<qint64> m_literalSizes;
    bool m_authenticated = false;
    SinkFactory m_sinkFactory;
    qsizetype m_lineBytes = 0;
    qsizetype m_literalTotal = 0;
    qsizetype m_literalLeft = 0;
    bool m_inQuote = false;
    bool m_escape = false;
    bool m_literalHasNul = false;
    QByteArray m_skipTail; // the last bytes of a line being skipped (a "{n+}" at its end)
    Error m_error;
    Command m_command;
    QByteArray m_rawLine;
};

} // namespace maild::imap
