// ENVELOPE: a small tokenizer (words, quoted strings, domain literals, specials, comments)
// and one pass over its tokens that recognises name-addr, addr-spec and groups.
// Security: bounded by the header's length; malformed input yields fewer addresses.
#include "imap/grammar/envelope.h"

#include "imap/grammar/responsewriter.h"

#include <cstring>

namespace maild::imap {

namespace {

struct AddrToken
{
    char special = 0; // one of <>@,;:. or '(' for a comment, 0 for a word
    QByteArray text;
};

// The text of the comment starting at v[i] (nested comments kept, quoted-pairs resolved,
// runs of white space as one space); i moves past its closing parenthesis.
QByteArray comment(QByteArrayView v, qsizetype &i)
{
    QByteArray text;
    int depth = 0;
    while (i < v.size()) {
        char d = v[i++];
        if (d == '\\' && i < v.size()) {
            d = v[i++];
        } else if (d == '(') {
            if (depth++ == 0)
                continue;
        } else if (d == ')') {
            if (--depth == 0)
                break;
        } else if (d == ' ' || d == '\t' || d == '\r' || d == '\n') {
            if (!text.isEmpty() && !text.endsWith(' '))
                text.append(' ');
            continue;
        }
        text.append(d);
    }
    return text.trimmed();
}

// Tokens of an address header; comments become '(' tokens, which only a bare addr-spec's
// display name uses ("user@example.org (Real Name)").
QList<AddrToken> tokenize(QByteArrayView v)
{
    QList<AddrToken> out;
    qsizetype i = 0;
    while (i < v.size()) {
        const char c = v[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
        } else if (c == '(') {
            out.append(AddrToken{'(', comment(v, i)});
        } else if (c == '"') {
            AddrToken t;
            t.text = QByteArray("");
            ++i;
            while (i < v.size() && v[i] != '"') {
                if (v[i] == '\\' && i + 1 < v.size())
                    ++i;
                t.text.append(v[i++]);
            }
            ++i;
            out.append(t);
        } else if (c == '[') {
            const qsizetype start = i;
            while (i < v.size() && v[i] != ']')
                ++i;
            i = qMin(i + 1, v.size());
            out.append(AddrToken{0, v.sliced(start, i - start).toByteArray()});
        } else if (std::strchr("<>@,;:.", c)) {
            out.append(AddrToken{c, QByteArray(1, c)});
            ++i;
        } else {
            const qsizetype start = i;
            while (i < v.size() && !std::strchr(" \t\r\n()\"[<>@,;:.", v[i]))
                ++i;
            out.append(AddrToken{0, v.sliced(start, i - start).toByteArray()});
        }
    }
    return out;
}

// Words of a display name joined by single spaces; a '.' sticks to the word before it.
QByteArray phrase(const QList<AddrToken> &tokens, qsizetype from, qsizetype to)
{
    QByteArray out;
    for (qsizetype i = from; i < to; ++i) {
        if (tokens[i].special == '(')
            continue;
        if (!out.isEmpty() && tokens[i].special != '.')
            out.append(' ');
        out.append(tokens[i].text);
    }
    return out.isEmpty() ? QByteArray() : out;
}

// local@domain from tokens [from, to): the last '@' splits them.
EnvelopeAddress addrSpec(const QList<AddrToken> &tokens, qsizetype from, qsizetype to)
{
    EnvelopeAddress a;
    qsizetype at = -1;
    for (qsizetype i = from; i < to; ++i) {
        if (tokens[i].special == '@')
            at = i;
    }
    qsizetype lastWord = from - 1;
    for (qsizetype i = from; i < to; ++i) {
        if (tokens[i].special != '(')
            lastWord = i;
    }
    QByteArray local(""), domain("");
    for (qsizetype i = from; i < to; ++i) {
        if (tokens[i].special == '(') {
            // A comment after the address names it: "user@example.org (Real Name)".
            if (i > lastWord && a.name.isNull() && !tokens[i].text.isEmpty())
                a.name = tokens[i].text;
        } else if (at < 0 || i < at) {
            local.append(tokens[i].text);
        } else if (i > at) {
            domain.append(tokens[i].text);
        }
    }
    a.mailbox = local;
    a.host = domain; // "" rather than NIL when missing: NIL host marks a group
    return a;
}

QByteArray addressList(const QList<EnvelopeAddress> &list)
{
    if (list.isEmpty())
        return QByteArrayLiteral("NIL");
    QByteArray out("(");
    for (const EnvelopeAddress &a : list) {
        out += '(' + ResponseWriter::nstring(a.name) + ' ' + ResponseWriter::nstring(a.adl)
            + ' ' + ResponseWriter::nstring(a.mailbox) + ' ' + ResponseWriter::nstring(a.host)
            + ')';
    }
    return out + ')';
}

} // namespace

QList<EnvelopeAddress> parseAddressList(QByteArrayView value)
{
    const QList<AddrToken> t = tokenize(value);
    QList<EnvelopeAddress> out;
    bool inGroup = false;
    qsizetype i = 0;
    while (i < t.size()) {
        qsizetype j = i;
        while (j < t.size() && !std::strchr("<:,;", t[j].special ? t[j].special : 'x'))
            ++j;
        const char stop = j < t.size() ? t[j].special : 0;
        if (stop == '<') {
            EnvelopeAddress a;
            qsizetype k = j + 1;
            qsizetype close = k;
            while (close < t.size() && t[close].special != '>')
                ++close;
            if (k < close && t[k].special == '@') { // obsolete source route "@a,@b:"
                qsizetype colon = k;
                while (colon < close && t[colon].special != ':')
                    ++colon;
                QByteArray adl;
                for (qsizetype r = k; r < colon; ++r) {
                    if (t[r].special != '(')
                        adl.append(t[r].text);
                }
                a.adl = adl;
                k = qMin(colon + 1, close);
            }
            const EnvelopeAddress spec = addrSpec(t, k, close);
            a.name = phrase(t, i, j);
            a.mailbox = spec.mailbox;
            a.host = spec.host;
            out.append(a);
            i = close + 1;
            while (i < t.size() && t[i].special != ',' && t[i].special != ';')
                ++i; // junk after '>'
            continue;
        }
        if (stop == ':' && !inGroup) {
            out.append(EnvelopeAddress{QByteArray(), QByteArray(), phrase(t, i, j), QByteArray()});
            inGroup = true;
            i = j + 1;
            continue;
        }
        if (j > i)
            out.append(addrSpec(t, i, j));
        if (stop == ';' && inGroup) {
            out.append(EnvelopeAddress{});
            inGroup = false;
        }
        i = j + 1;
    }
    if (inGroup)
        out.append(EnvelopeAddress{});
    return out;
}

QByteArray plainAddresses(const QList<EnvelopeAddress> &list)
{
    QByteArray out;
    for (const EnvelopeAddress &a : list) {
        if (a.host.isNull()) { // a group's start (with its name) or end
            out += a.mailbox.isNull() ? QByteArray(";") : (out.isEmpty() ? "" : ", ") + a.mailbox + ':';
            continue;
        }
        if (!out.isEmpty() && !out.endsWith(':'))
            out += ", ";
        const QByteArray spec = a.host.isEmpty() ? a.mailbox : a.mailbox + '@' + a.host;
        out += a.name.isEmpty() ? spec : a.name + " <" + spec + '>';
    }
    return out;
}

QByteArray envelope(const MimeHeader &header)
{
    auto addresses = [&](const char *name) {
        const QList<QByteArray> values = header.values(name);
        QList<EnvelopeAddress> list;
        for (const QByteArray &v : values)
            list += parseAddressList(v);
        return list;
    };
    const QList<EnvelopeAddress> from = addresses("From");
    QList<EnvelopeAddress> sender = addresses("Sender");
    QList<EnvelopeAddress> replyTo = addresses("Reply-To");
    if (sender.isEmpty())
        sender = from;
    if (replyTo.isEmpty())
        replyTo = from;
    return '(' + ResponseWriter::nstring(header.value("Date")) + ' '
        + ResponseWriter::nstring(header.value("Subject")) + ' ' + addressList(from) + ' '
        + addressList(sender) + ' ' + addressList(replyTo) + ' '
        + addressList(addresses("To")) + ' ' + addressList(addresses("Cc")) + ' '
        + addressList(addresses("Bcc")) + ' ' + ResponseWriter::nstring(header.value("In-Reply-To"))
        + ' ' + ResponseWriter::nstring(header.value("Message-ID")) + ')';
}

} // namespace maild::imap
