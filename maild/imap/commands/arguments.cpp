// Argument checks shared by the command handlers (see arguments.h).
#include "imap/commands/arguments.h"

#include "imap/grammar/mailboxname.h"
#include "imap/grammar/responsewriter.h"
#include "imap/imapsession.h"

namespace maild::imap::commands {

bool expectArguments(ImapSession &s, const Command &c, int min, int max, const QByteArray &syntax)
{
    if (c.arguments.size() >= min && c.arguments.size() <= max)
        return true;
    s.bad(c, "Syntax: " + syntax);
    return false;
}

std::optional<QString> mailboxArgument(ImapSession &s, const Command &c, int index)
{
    const Token &t = c.arguments[index];
    if (!t.isAString()) {
        s.bad(c, "A mailbox name is an atom or a string");
        return std::nullopt;
    }
    QString why;
    std::optional<QString> name = MailboxName::fromWire(t.value, &why);
    if (!name) {
        s.no(c, "[CANNOT] " + why.toUtf8());
        return std::nullopt;
    }
    return name;
}

std::optional<SequenceSet> sequenceArgument(ImapSession &s, const Command &c, int index)
{
    const Token &t = c.arguments[index];
    std::optional<SequenceSet> set;
    if (t.type == Token::Type::SequenceSet || t.type == Token::Type::Atom)
        set = SequenceSet::parse(t.value);
    if (!set)
        s.bad(c, "Invalid sequence set: numbers from 1 to 4294967295, ':', ',' and '*'");
    return set;
}

std::optional<QStringList> flagsArgument(ImapSession &s, const Command &c, const Token &token)
{
    static const QStringList kSystem{QStringLiteral("\\Answered"), QStringLiteral("\\Flagged"),
                                     QStringLiteral("\\Deleted"), QStringLiteral("\\Seen"), QStringLiteral("\\Draft")};
    QList<Token> items;
    if (token.type == Token::Type::List)
        items = token.children;
    else
        items.append(token);
    QStringList out;
    for (const Token &t : std::as_const(items)) {
        // NIL is an atom like any other in a flag list: the keyword "NIL".
        if ((t.type != Token::Type::Atom && t.type != Token::Type::Nil) || t.value.isEmpty()) {
            s.bad(c, "Flags are atoms such as \\Seen or $Label");
            return std::nullopt;
        }
        QString flag = QString::fromLatin1(t.value);
        if (flag.startsWith(QLatin1Char('\\'))) {
            const auto it = std::find_if(kSystem.cbegin(), kSystem.cend(),
                                         [&flag](const QString &f) { return f.compare(flag, Qt::CaseInsensitive) == 0; });
            if (it == kSystem.cend()) {
                s.bad(c, "Unknown system flag " + t.value.left(40) + " (\\Recent cannot be set)");
                return std::nullopt;
            }
            flag = *it;
        } else {
            for (char ch : t.value) {
                // The parser's atoms may hold ']', list-wildcards and '\\'; a keyword may not.
                if (uchar(ch) > 0x7e || ch == ']' || ch == '%' || ch == '*' || ch == '\\') {
                    s.bad(c, "A keyword is 7-bit ASCII without ']', '%', '*' or '\\'");
                    return std::nullopt;
                }
            }
        }
        if (!out.contains(flag, Qt::CaseInsensitive))
            out.append(flag);
    }
    return out;
}

QByteArray wireName(const QString &name)
{
    return ResponseWriter::astring(MailboxName::encode(name));
}

} // namespace maild::imap::commands
