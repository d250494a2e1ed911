// LIST (RFC 3501 6.3.8 with LIST-EXTENDED of RFC 5258, LIST-STATUS of RFC 5819 and the
// special-use attributes of RFC 6154) and LSUB (6.3.9).
// Mailbox names never have holes (CREATE makes the superior levels, DELETE refuses a mailbox
// that has children), so every listed mailbox is selectable; \HasChildren/\HasNoChildren and
// the special-use attribute are always given, as common clients expect. Subscriptions are
// names of their own: one whose mailbox is gone is listed \NonExistent.
// Security: patterns are the client's; matching is a bounded dynamic programme, never
// backtracking, and patterns are limited in length.
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/commands/statusitems.h"
#include "imap/grammar/mailboxname.h"
#include "imap/imapsession.h"

#include "core/logger.h"
#include "mailstore/mailboxview.h"

#include <QMap>
#include <QSet>

#include <functional>
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

// What LIST and LSUB know of one account: its mailboxes and its subscriptions.
struct Names
{
    QList<mailstore::MailboxRow> boxes;
    QSet<QString> existing;
    QStringList subscribed; // sorted
    QSet<QString> subscribedSet;

    bool hasChild(const QString &name) const
    {
        const QString prefix = name + MailboxName::kDelimiter;
        return std::any_of(existing.cbegin(), existing.cend(), [&prefix](const QString &n) { return n.startsWith(prefix); });
    }
};

using Matcher = std::function<bool(const QString &)>;

// The subscribed names that the pattern does not match themselves, so only a level above
// them can stand for them (RFC 3501 6.3.9, RFC 5258 3.5).
QStringList unmatchedSubscriptions(const Names &n, const Matcher &matched)
{
    QStringList out;
    for (const QString &name : n.subscribed) {
        if (!matched(name))
            out.append(name);
    }
    return out;
}

std::optional<Names> readNames(ImapSession &s)
{
    QString error;
    Names n;
    n.boxes = mailstore::MailboxView::mailboxes(s.accountDir(), &error);
    if (error.isEmpty())
        n.subscribed = mailstore::MailboxView::subscriptions(s.accountDir(), &error);
    if (!error.isEmpty()) {
        core::logError(QStringLiteral("imap"), QStringLiteral("cannot list the mailboxes of %1: %2").arg(s.account(), error));
        return std::nullopt;
    }
    for (const mailstore::MailboxRow &b : std::as_const(n.boxes))
        n.existing.insert(b.name);
    n.subscribedSet = QSet<QString>(n.subscribed.cbegin(), n.subscribed.cend());
    return n;
}

// The superior levels of names that the pattern matches ("a" for "a/b" and the pattern "%").
QStringList matchingParents(const QStringList &names, const Matcher &matched)
{
    QStringList out;
    for (const QString &name : names) {
        for (qsizetype cut = name.lastIndexOf(MailboxName::kDelimiter); cut > 0;
             cut = name.lastIndexOf(MailboxName::kDelimiter, cut - 1)) {
            const QString parent = name.left(cut);
            if (matched(parent) && !out.contains(parent))
                out.append(parent);
        }
    }
    return out;
}

// One LIST line; nullopt when the name is not selected.
std::optional<QByteArray> listLine(const Names &n, const Request &r, const QString &name,
                                   const mailstore::MailboxRow *box, const QStringList &unmatched)
{
    const bool subscribed = n.subscribedSet.contains(name);
    bool childInfo = false;
    if (r.selectSubscribed && !subscribed) {
        // RECURSIVEMATCH: a name with a subscribed name inside it that the pattern does not
        // list itself (RFC 5258 3.5).
        const QString prefix = name + MailboxName::kDelimiter;
        childInfo = r.recursiveMatch && std::any_of(unmatched.cbegin(), unmatched.cend(),
                                                    [&prefix](const QString &u) { return u.startsWith(prefix); });
        if (!childInfo)
            return std::nullopt;
    }
    if (r.selectSpecialUse && (!box || box->specialUse.isEmpty()))
        return std::nullopt;
    QByteArrayList attributes;
    if (!box) {
        attributes.append("\\NonExistent"); // subscribed, deleted since (RFC 5258 3.4)
    } else {
        attributes.append(n.hasChild(name) ? "\\HasChildren" : "\\HasNoChildren");
        if (!box->specialUse.isEmpty())
            attributes.append(box->specialUse.toUtf8());
    }
    if (subscribed && (r.returnSubscribed || r.selectSubscribed))
        attributes.append("\\Subscribed");
    QByteArray line = "LIST (" + attributes.join(' ') + ") \"/\" " + wireName(name);
    if (childInfo)
        line += " (\"CHILDINFO\" (\"SUBSCRIBED\"))";
    return line;
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
    const std::optional<Names> n = readNames(s);
    if (!n)
        return s.no(c, "[UNAVAILABLE] Cannot list the mailboxes now");
    // The mailboxes, and with (SUBSCRIBED) the subscribed names that have no mailbox and,
    // with RECURSIVEMATCH, the levels above subscribed names; in name order.
    const Matcher matched = [&r](const QString &name) { return anyMatch(name, *r); };
    QMap<QString, const mailstore::MailboxRow *> names;
    for (const mailstore::MailboxRow &box : n->boxes) {
        if (matched(box.name))
            names.insert(box.name, &box);
    }
    QStringList unmatched;
    if (r->selectSubscribed) {
        QStringList extra;
        for (const QString &name : n->subscribed) {
            if (matched(name))
                extra.append(name);
        }
        if (r->recursiveMatch) {
            unmatched = unmatchedSubscriptions(*n, matched);
            extra += matchingParents(unmatched, matched);
        }
        for (const QString &name : std::as_const(extra)) {
            if (!names.contains(name))
                names.insert(name, nullptr);
        }
    }
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        const std::optional<QByteArray> line = listLine(*n, *r, it.key(), it.value(), unmatched);
        if (!line)
            continue;
        s.untagged(*line);
        if (r->returnStatus && it.value()) {
            QString statusError;
            if (const auto status = statusLine(s, it.key(), *r->returnStatus, &statusError))
                s.untagged(*status);
        }
    }
    s.ok(c, "LIST completed");
}

// LSUB (RFC 3501 6.3.9): the subscribed names that match, \NonExistent where no mailbox has
// the name any more; a level above a subscribed name that only it matches comes with
// \Noselect ("LSUB "" %" with "news/comp" subscribed and "news" not gives "news").
void lsub(ImapSession &s, Command &c)
{
    if (!expectArguments(s, c, 2, 2, "LSUB <reference> <pattern>"))
        return;
    const std::optional<QString> reference = patternText(c.arguments[0]);
    const std::optional<QString> pattern = patternText(c.arguments[1]);
    if (!reference || !pattern)
        return s.bad(c, "The reference and the pattern are mailbox names (modified UTF-7) with * and %");
    const std::optional<Names> n = readNames(s);
    if (!n)
        return s.no(c, "[UNAVAILABLE] Cannot list the mailboxes now");
    const QString full = normalizedPattern(*reference + *pattern);
    const Matcher matched = [&full](const QString &name) { return matches(name, full); };
    QMap<QString, QByteArray> lines;
    for (const QString &name : n->subscribed) {
        if (matched(name))
            lines.insert(name, n->existing.contains(name) ? "()" : "(\\NonExistent)");
    }
    for (const QString &parent : matchingParents(unmatchedSubscriptions(*n, matched), matched)) {
        if (!lines.contains(parent))
            lines.insert(parent, "(\\Noselect)");
    }
    for (auto it = lines.cbegin(); it != lines.cend(); ++it)
        s.untagged("LSUB " + it.value() + " \"/\" " + wireName(it.key()));
    s.ok(c, "LSUB completed");
}

} // namespace maild::imap::commands
