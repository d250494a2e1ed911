// SMTP command line parsing (see smtpcommand.h).
#include "smtp/grammar/smtpcommand.h"

#include <variant>

namespace maild::smtp {

namespace {

bool isAtext(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '/': case '=': case '?': case '^': case '_': case '`': case '{': case '|': case '}': case '~':
        return true;
    default:
        return false;
    }
}

bool isDomainChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

PathProblem problem(int code, const char *enhanced, const char *text)
{
    return {code, QByteArray(enhanced), QString::fromLatin1(text)};
}

} // namespace

CommandLine splitCommand(const QByteArray &line)
{
    CommandLine c;
    const qsizetype space = line.indexOf(' ');
    c.verb = (space < 0 ? line : line.left(space)).toUpper();
    if (space >= 0)
        c.argument = line.mid(space + 1);
    return c;
}

std::variant<MailPath, PathProblem> parsePath(const QByteArray &argument, const char *prefix, bool allowNull)
{
    const QByteArray pre(prefix);
    if (argument.size() < pre.size() || argument.left(pre.size()).toUpper() != pre)
        return problem(501, "5.5.4", "syntax: expected the address in angle brackets after the colon");
    qsizetype i = pre.size();
    while (i < argument.size() && argument.at(i) == ' ')
        ++i; // tolerated by many clients
    if (i >= argument.size() || argument.at(i) != '<')
        return problem(501, "5.5.4", "syntax: the address must be in angle brackets");
    // The closing '>' is the first one outside a quoted string.
    qsizetype close = -1;
    bool inQuotes = false;
    for (qsizetype k = i + 1; k < argument.size() && close < 0; ++k) {
        const char c = argument.at(k);
        if (inQuotes && c == '\\')
            ++k;
        else if (c == '"')
            inQuotes = !inQuotes;
        else if (c == '>' && !inQuotes)
            close = k;
    }
    if (close < 0)
        return problem(501, "5.5.4", "syntax: missing '>'");
    const QByteArray inner = argument.mid(i + 1, close - i - 1);
    MailPath path;
    if (inner.isEmpty()) {
        if (!allowNull)
            return problem(501, "5.1.3", "the null address <> is not allowed here");
        path.isNull = true;
    } else {
        if (inner.startsWith('@'))
            return problem(501, "5.5.2", "source routes are not accepted");
        if (inner.startsWith('"')) {
            const qsizetype at = inner.lastIndexOf('@');
            if (at < 2 || inner.at(at - 1) != '"')
                return problem(501, "5.1.3", "the address must be local-part@domain");
            path.quoted = true;
            path.localPart = QString::fromLatin1(inner.left(at));
            path.domain = QString::fromLatin1(inner.mid(at + 1)).toLower();
            path.address = path.localPart + QLatin1Char('@') + path.domain;
            return path; // the caller refuses it; parameters do not matter
        }
        const qsizetype at = inner.lastIndexOf('@');
        if (at <= 0 || at == inner.size() - 1)
            return problem(501, "5.1.3", "the address must be local-part@domain");
        const QByteArray local = inner.left(at);
        const QByteArray domain = inner.mid(at + 1);
        if (local.size() > 64 || domain.size() > 255)
            return problem(501, "5.1.3", "the address is too long");
        for (char c : local) {
            if (!isAtext(c) && c != '.')
                return problem(501, "5.1.3", "the local part contains a character that is not allowed");
        }
        if (local.startsWith('.') || local.endsWith('.') || local.contains(".."))
            return problem(501, "5.1.3", "the local part is not a valid dot-atom");
        for (char c : domain) {
            if (!isDomainChar(c))
                return problem(501, "5.1.3", "the domain is not a valid domain name");
        }
        path.localPart = QString::fromLatin1(local);
        path.domain = QString::fromLatin1(domain).toLower();
        path.address = path.localPart + QLatin1Char('@') + path.domain;
    }
    // ESMTP parameters: keyword[=value] separated by spaces.
    const QList<QByteArray> params = argument.mid(close + 1).split(' ');
    for (const QByteArray &param : params) {
        if (param.isEmpty())
            continue;
        const qsizetype eq = param.indexOf('=');
        const QByteArray key = (eq < 0 ? param : param.left(eq)).toUpper();
        if (key.isEmpty())
            return problem(501, "5.5.4", "syntax: empty parameter name");
        path.params.append({key, eq < 0 ? QByteArray() : param.mid(eq + 1)});
    }
    return path;
}

} // namespace maild::smtp
