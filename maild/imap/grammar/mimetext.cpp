// mimetext: base64 and quoted-printable decoders, charset conversion with a cached decoder,
// RFC 2047 encoded words, and the date part of an RFC 5322 Date: field.
// Security: linear single passes over untrusted bytes; output never exceeds the input (bytes)
// or the decoder's requiredSpace (UTF-16), which is reserved before writing.
#include "imap/grammar/mimetext.h"

#include <QStringDecoder>
#include <cstring>

namespace maild::imap::mimetext {

namespace {

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Appends decoded base64 (characters outside the alphabet skipped, '=' ends it).
void appendBase64(QByteArrayView in, QByteArray &out)
{
    const qsizetype start = out.size();
    out.resize(start + in.size() / 4 * 3 + 3);
    char *w = out.data() + start;
    quint32 acc = 0;
    int bits = 0;
    for (char c : in) {
        if (c == '=')
            break;
        const int v = base64Value(c);
        if (v < 0)
            continue;
        acc = (acc << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *w++ = char((acc >> bits) & 0xff);
        }
    }
    out.truncate(w - out.constData());
}

// Appends decoded quoted-printable; underscoreIsSpace for RFC 2047 "Q" words. An '=' that
// starts neither an escape nor a soft line break is kept.
void appendQuotedPrintable(QByteArrayView in, QByteArray &out, bool underscoreIsSpace)
{
    const qsizetype start = out.size();
    out.resize(start + in.size());
    char *w = out.data() + start;
    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (!underscoreIsSpace) {
            // Bodies are mostly plain text: copy up to the next '=' in one go.
            const void *eq = std::memchr(in.data() + i, '=', size_t(n - i));
            const qsizetype run = eq ? static_cast<const char *>(eq) - (in.data() + i) : n - i;
            std::memcpy(w, in.data() + i, size_t(run));
            w += run;
            i += run;
            if (i == n)
                break;
        }
        const char c = in[i];
        if (c == '_' && underscoreIsSpace) {
            *w++ = ' ';
            continue;
        }
        if (c != '=') {
            *w++ = c;
            continue;
        }
        if (i + 2 < n && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            *w++ = char(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
            i += 2;
            continue;
        }
        qsizetype j = i + 1; // soft line break: '=' [spaces] CRLF or LF
        while (j < n && (in[j] == ' ' || in[j] == '\t'))
            ++j;
        if (j < n && in[j] == '\r' && j + 1 < n && in[j + 1] == '\n') {
            i = j + 1;
            continue;
        }
        if (j < n && in[j] == '\n') {
            i = j;
            continue;
        }
        *w++ = c;
    }
    out.truncate(w - out.constData());
}

void appendWith(QStringDecoder &decoder, QByteArrayView in, QString &out)
{
    const qsizetype start = out.size();
    out.resize(start + decoder.requiredSpace(in.size()));
    const QChar *end = decoder.appendToBuffer(out.data() + start, in);
    out.truncate(end - out.constData());
}

bool isAscii(QByteArrayView in)
{
    for (char c : in) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

void appendUtf8OrLatin1(QByteArrayView in, QString &out)
{
    if (isAscii(in)) {
        const qsizetype start = out.size();
        out.resize(start + in.size());
        QChar *w = out.data() + start;
        for (char c : in)
            *w++ = QLatin1Char(c);
        return;
    }
    const qsizetype start = out.size();
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    appendWith(utf8, in, out);
    if (utf8.hasError()) {
        out.truncate(start);
        out.append(QLatin1StringView(in.data(), in.size()));
    }
}

bool sameName(QByteArrayView a, const char *b)
{
    return a.compare(QByteArrayView(b), Qt::CaseInsensitive) == 0;
}

} // namespace

void decodeTransfer(QByteArrayView encoding, QByteArrayView in, QByteArray &out)
{
    out.truncate(0);
    if (encoding == "BASE64")
        appendBase64(in, out);
    else if (encoding == "QUOTED-PRINTABLE")
        appendQuotedPrintable(in, out, false);
    else
        out.append(in);
}

void appendCharset(QByteArrayView charset, QByteArrayView in, QString &out)
{
    charset = charset.trimmed();
    if (charset.isEmpty() || sameName(charset, "utf-8") || sameName(charset, "us-ascii") ||
        sameName(charset, "utf8") || sameName(charset, "ascii") ||
        (asciiCompatible(charset) && isAscii(in))) {
        appendUtf8OrLatin1(in, out);
        return;
    }
    if (sameName(charset, "iso-8859-1") || sameName(charset, "latin1")) {
        out.append(QLatin1StringView(in.data(), in.size()));
        return;
    }
    // One decoder per thread for the last charset seen: opening ICU converters is not free,
    // and a mailbox tends to use few charsets.
    thread_local QByteArray cachedName;
    thread_local QStringDecoder cached;
    if (cachedName.compare(charset, Qt::CaseInsensitive) != 0) {
        cachedName = charset.toByteArray();
        cached = QStringDecoder(cachedName.constData(), QStringDecoder::Flag::Stateless);
    }
    if (!cached.isValid()) {
        appendUtf8OrLatin1(in, out);
        return;
    }
    cached.resetState();
    appendWith(cached, in, out);
}

bool asciiCompatible(QByteArrayView charset)
{
    charset = charset.trimmed();
    if (charset.isEmpty())
        return true;
    static const char *const prefixes[] = {"us-ascii", "ascii", "utf-8",       "utf8",  "iso-8859-",
                                           "iso8859-", "latin", "windows-125", "cp125", "koi8-"};
    for (const char *prefix : prefixes) {
        const QByteArrayView p(prefix);
        if (charset.size() >= p.size() && sameName(charset.first(p.size()), prefix))
            return true;
    }
    return false;
}

void appendHeaderValue(QByteArrayView value, QString &out)
{
    QByteArray pending; // bytes of adjacent encoded words in one charset, decoded together
    QByteArrayView pendingCharset;
    const auto flush = [&] {
        if (!pending.isEmpty())
            appendCharset(pendingCharset, pending, out);
        pending.truncate(0);
    };
    qsizetype textStart = 0;
    qsizetype pos = 0;
    bool afterWord = false;
    while (pos < value.size()) {
        const qsizetype at = value.indexOf("=?", pos);
        if (at < 0)
            break;
        // =?charset?B|Q?text?=
        const qsizetype q1 = value.indexOf('?', at + 2);
        const qsizetype q3 = q1 < 0 ? -1 : value.indexOf('?', q1 + 3);
        if (q1 < 0 || q1 == at + 2 || q1 + 2 >= value.size() || value[q1 + 2] != '?' || q3 < 0 ||
            q3 + 1 >= value.size() || value[q3 + 1] != '=') {
            pos = at + 2;
            continue;
        }
        const char kind = value[q1 + 1];
        const QByteArrayView text = value.sliced(q1 + 3, q3 - q1 - 3);
        if ((kind != 'B' && kind != 'b' && kind != 'Q' && kind != 'q') || text.contains(' ')) {
            pos = at + 2;
            continue;
        }
        QByteArrayView charset = value.sliced(at + 2, q1 - at - 2);
        if (const qsizetype star = charset.indexOf('*'); star >= 0)
            charset = charset.first(star); // RFC 2231 language suffix
        const QByteArrayView between = value.sliced(textStart, at - textStart);
        const bool onlySpace = afterWord && between.trimmed().isEmpty();
        if (!onlySpace || charset.compare(pendingCharset, Qt::CaseInsensitive) != 0)
            flush();
        if (!onlySpace)
            appendUtf8OrLatin1(between, out);
        pendingCharset = charset;
        if (kind == 'B' || kind == 'b')
            appendBase64(text, pending);
        else
            appendQuotedPrintable(text, pending, true);
        afterWord = true;
        pos = textStart = q3 + 2;
    }
    flush();
    appendUtf8OrLatin1(value.sliced(textStart), out);
}

std::optional<QDate> headerDate(QByteArrayView value)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    QByteArrayView tokens[3];
    int have = 0;
    qsizetype pos = 0;
    while (pos < value.size()) {
        while (pos < value.size() &&
               (value[pos] == ' ' || value[pos] == '\t' || value[pos] == ',' ||
                value[pos] == '\r' || value[pos] == '\n'))
            ++pos;
        const qsizetype start = pos;
        while (pos < value.size() && value[pos] != ' ' && value[pos] != '\t' && value[pos] != ',' &&
               value[pos] != '\r' && value[pos] != '\n')
            ++pos;
        if (pos == start)
            break;
        const QByteArrayView token = value.sliced(start, pos - start);
        // Day, month, year appear in this order after an optional day name.
        if (have == 0 && !(token.size() <= 2 && token[0] >= '0' && token[0] <= '9'))
            continue;
        tokens[have++] = token;
        if (have == 3)
            break;
    }
    if (have < 3)
        return std::nullopt;
    const auto number = [](QByteArrayView t, int maxDigits) {
        if (t.isEmpty() || t.size() > maxDigits)
            return -1;
        int n = 0;
        for (char c : t) {
            if (c < '0' || c > '9')
                return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    };
    const int day = number(tokens[0], 2);
    int month = 0;
    for (int m = 0; m < 12; ++m) {
        if (tokens[1].size() == 3 && sameName(tokens[1], months[m]))
            month = m + 1;
    }
    int year = number(tokens[2], 4);
    if (day < 1 || month == 0 || year < 0)
        return std::nullopt;
    if (tokens[2].size() == 2)
        year += year < 50 ? 2000 : 1900;
    else if (tokens[2].size() == 3)
        year += 1900;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

} // namespace maild::imap::mimetext
