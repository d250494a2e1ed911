// LIST (RFC 3501 6.3.8 with LIST-EXTENDED of RFC 5258, LIST-STATUS of RFC 5819 and the
// special-use attributes of RFC 6154) and LSUB (6.3.9).
// Names never have holes (CREATE makes the superior levels, DELETE refuses a mailbox that
// has children), so every listed name is selectable; \HasChildren/\HasNoChildren and the
// special-use attribute are always given, as common clients expect.
// Security: patterns are the client's; matching is a bounded dynamic programme, never
// backtracking, and patterns are limited in length.
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/commands/statusitems.h"
#include "imap/grammar/mailboxname.h"
#include "imap/imapsession.h"

#include "core/logger.h"
#include "mailstore/mailboxview.h"

#include <vector>

namespace maild::imap::commands {

namespace {

constexpr qsizetype kMaxPattern = 1024;

// '*' matches anything, '%' anything but the delimiter (RFC 3501 6.3.8).
bool matches(QStringView name, QStringView pattern)
{
    // reach[i]: the pattern's first j characters can match the name's first i.
    std::vector<char> reach(size_t(name.size()) + 1, 0), next(reach.size());
    reach[0] = 1;
    for (QChar p : pattern) {
        std::fill(next.begin(), next.end(), 0);
        if (p == QLatin1Char('*') || p == QLatin1Char('%')) {
            bool open = false;
            for (qsizetype i = 0; i <= name.size(); ++i) {
                if (reach[size_t(i)])
                    open = true;
                next[size_t(i)] = open;
                if (p == QLatin1Char('%') && i < name.size() && name[i] == MailboxName::kDelimiter)
                    open = false; // '%' cannot span a delimiter
            }
        } else {
            for (qsizetype i = 0; i < name.size(); ++i)
                next[size_t(i + 1)] = reach[size_t(i)] && name[i] == p;
        }
        std::swap(reach, next);
    }
    return reach[size_t(name.size())];
}

struct Request
{
    bool selectSubscribed = false;
    bool selectSpecialUse = false;
    bool recursiveMatch = false;
    bool returnSubscribed = false;
    std::optional<QByteArrayList> returnStatus;
    QString reference;
    QStringList patterns;
};

std::optional<QString> patternText(const Token &t)
{
    if (!t.isAString() || t.value.size() > kMaxPattern)
        return std::nullopt;
    std::optional<QString> p = MailboxName::decode(t.value);
    if (!p)
        return std::nullopt;
    return p;
}

// "INBOX" is case-insensitive as a whole first level (RFC 3501 5.1).
QString normalizedPattern(const QString &pattern)
{
    if (pattern.left(5).compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0 &&
        (pattern.size() == 5 || pattern[5] == MailboxName::kDelimiter))
        return QStringLiteral("INBOX") + pattern.mid(5);
    return pattern;
}

std::optional<Request> parse(ImapSession &s, const Command &c)
{
    Request r;
    qsizetype i = 0;
    const QList<Token> &a = c.arguments;
    if (i < a.size() && a[i].type == Token::Type::List) {
        for (const Token &t : a[i].children) {
            const QByteArray o = t.value.toUpper();
            if (o == "SUBSCRIBED")
                r.selectSubscribed = true;
            else if (o == "SPECIAL-USE")
                r.selectSpecialUse = true;
            else if (o == "RECURSIVEMATCH")
                r.recursiveMatch = true;
            else if (o != "REMOTE") {
                s.bad(c, "Unknown LIST selection option " + t.value.left(40));
                return std::nullopt;
            }
        }
        if (r.recursiveMatch && !r.selectSubscribed) {
            s.bad(c, "RECURSIVEMATCH needs another selection option (RFC 5258 3)");
            return std::nullopt;
        }
        ++i;
    }
    if (a.size() - i < 2) {
        s.bad(c, "Syntax: LIST [(<selection options>)] <reference> <pattern> [RETURN (<options>)]");
        return std::nullopt;
    }
    const std::optional<QString> reference = patternText(a[i]);
    if (!reference) {
        s.bad(c, "The reference name is not a valid mailbox name");
        return std::nullopt;
    }
    r.reference = *reference;
    ++i;
    QList<Token> patterns = a[i].type == Token::Type::List ? a[i].children : QList<Token>{a[i]};
    for (const Token &t : std::as_const(patterns)) {
        const std::optional<QString> p = patternText(t);
        if (!p) {
            s.bad(c, "A pattern is a mailbox name (modified UTF-7) with * and %, at most 1024 octets");
            return std::nullopt;
        }
        r.patterns.append(*p);
    }
    ++i;
    if (i < a.size()) {
        if (a[i].type != Token::Type::Atom || a[i].value.toUpper() != "RETURN" || i + 2 != a.size() ||
            a[i + 1].type != Token::Type::List) {
            s.bad(c, "Expected RETURN (<options>) after the pattern");
            return std::nullopt;
        }
        const QList<Token> &options = a[i + 1].children;
        for (qsizetype k = 0; k < options.size(); ++k) {
            const QByteArray o = options[k].value.toUpper();
            if (o == "SUBSCRIBED") {
                r.returnSubscribed = true;
            } else if (o == "STATUS" && k + 1 < options.size()) {
                r.returnStatus = statusItems(s, c, options[++k]);
                if (!r.returnStatus)
                    return std::nullopt;
            } else if (o != "CHILDREN" && o != "SPECIAL-USE") {
                s.bad(c, "Unknown LIST return option " + options[k].value.left(40));
                return std::nullopt;
            }
        }
    }
    return r;
}

bool anyMatch(const QString &name, const Request &r)
{
    for (const QString &p : r.patterns) {
        if (matches(name, normalizedPattern(r.reference + p)))
            return true;
    }
    return false;
}

} // namespace

void list(ImapSession &s, Command &c)
{
    const std::optional<Request> r = parse(s, c);
    if (!r)
        return;
    if (r->patterns.size() == 1 && r->patterns.first().isEmpty()) {
        // The hierarchy delimiter and the root of the reference (RFC 3501 6.3.8).
        s.untagged("LIST (\\Noselect) \"/\" \"\"");
        return s.ok(c, "LIST completed");
    }
    QString error;
    const QList<mailstore::MailboxRow> boxes = mailstore::MailboxView::mailboxes(s.accountDir(), &error);
    if (!error.isEmpty()) {
        core::logError(QStringLiteral("imap"), QStringLiteral("cannot list the mailboxes of %1: %2").arg(s.account(), error));
        return s.no(c, "[UNAVAILABLE] Cannot list the mailboxes now");
    }
    QStringList names;
    for (const auto &b : boxes)
        names.append(b.name);
    for (const mailstore::MailboxRow &box : boxes) {
        const bool matched = anyMatch(box.name, *r);
        bool childInfo = false;
        if (r->selectSubscribed && !box.subscribed) {
            // RECURSIVEMATCH: a parent whose child is subscribed and matches (RFC 5258 3.5).
            if (!(r->recursiveMatch && matched))
                continue;
            for (const auto &b : boxes)
                childInfo = childInfo || (b.subscribed && b.name.startsWith(box.name + MailboxName::kDelimiter));
            if (!childInfo)
                continue;
        }
        if (!matched || (r->selectSpecialUse && box.specialUse.isEmpty()))
            continue;
        const QString prefix = box.name + MailboxName::kDelimiter;
        const bool children = std::any_of(names.cbegin(), names.cend(), [&prefix](const QString &n) { return n.startsWith(prefix); });
        QByteArray attributes = children ? "\\HasChildren" : "\\HasNoChildren";
        if (!box.specialUse.isEmpty())
            attributes += ' ' + box.specialUse.toUtf8();
        if (box.subscribed && (r->returnSubscribed || r->selectSubscribed))
            attributes += " \\Subscribed";
        QByteArray line = "LIST (" + attributes + ") \"/\" " + wireName(box.name);
        if (childInfo)
            line += " (\"CHILDINFO\" (\"SUBSCRIBED\"))";
        s.untagged(line);
        if (r->returnStatus) {
            QString statusError;
            if (const auto status = statusLine(s, box.name, *r->returnStatus, &statusError))
                s.untagged(*status);
        }
    }
    s.ok(c, "LIST completed");
}

void lsub(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 2, 2, "LSUB <reference> <pattern>"))
        return;
    const std::optional<QString> reference = patternText(c.arguments[0]);
    const std::optional<QString> pattern = patternText(c.arguments[1]);
    if (!reference || !pattern)
        return s.bad(c, "The reference and the pattern are mailbox names (modified UTF-7) with * and %");
    QString error;
    const QList<mailstore::MailboxRow> boxes = mailstore::MailboxView::mailboxes(s.accountDir(), &error);
    if (!error.isEmpty())
        return s.no(c, "[UNAVAILABLE] Cannot list the mailboxes now");
    const QString full = normalizedPattern(*reference + *pattern);
    for (const mailstore::MailboxRow &box : boxes) {
        if (box.subscribed && matches(box.name, full))
            s.untagged("LSUB () \"/\" " + wireName(box.name));
    }
    s.ok(c, "LSUB completed");
}

} // namespace maild::imap::commands
