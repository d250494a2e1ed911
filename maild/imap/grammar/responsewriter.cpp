// ResponseWriter: quoting rules of RFC 3501 4.3 and the date grammar of section 9, with
// English month names whatever the locale.
// Security: date parsing is a fixed-shape scanner over client text.
#include "imap/grammar/responsewriter.h"

#include "imap/grammar/charclass.h"

#include <QTimeZone>

namespace maild::imap {

namespace {

const char *const kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

constexpr qsizetype kMaxQuoted = 1024;

QByteArray twoDigits(int n)
{
    return QByteArray::number(n).rightJustified(2, '0');
}

// Reads exactly count digits at pos.
bool digits(QByteArrayView t, qsizetype &pos, int count, int &out)
{
    out = 0;
    for (int i = 0; i < count; ++i, ++pos) {
        if (pos >= t.size() || t[pos] < '0' || t[pos] > '9')
            return false;
        out = out * 10 + (t[pos] - '0');
    }
    return true;
}

// "d-Mon-yyyy" with a one- or two-digit day (a leading space allowed when spaceDay).
bool readDate(QByteArrayView t, qsizetype &pos, bool spaceDay, QDate &out)
{
    int day = 0;
    if (spaceDay && pos < t.size() && t[pos] == ' ') {
        ++pos;
        if (!digits(t, pos, 1, day))
            return false;
    } else {
        if (!digits(t, pos, 1, day))
            return false;
        if (pos < t.size() && t[pos] >= '0' && t[pos] <= '9')
            day = day * 10 + (t[pos++] - '0');
    }
    if (pos + 5 > t.size() || t[pos] != '-' || t[pos + 4] != '-')
        return false;
    const QByteArrayView mon = t.sliced(pos + 1, 3);
    int month = 0;
    for (int m = 0; m < 12; ++m) {
        if (QByteArrayView(kMonths[m]).compare(mon, Qt::CaseInsensitive) == 0)
            month = m + 1;
    }
    if (month == 0)
        return false;
    pos += 5;
    int year = 0;
    if (!digits(t, pos, 4, year))
        return false;
    out = QDate(year, month, day);
    return out.isValid();
}

} // namespace

QByteArray ResponseWriter::string(QByteArrayView bytes)
{
    bool quotable = bytes.size() <= kMaxQuoted;
    for (qsizetype i = 0; quotable && i < bytes.size(); ++i) {
        const auto u = static_cast<unsigned char>(bytes[i]);
        if (u == 0 || u == '\r' || u == '\n' || u >= 0x80)
            quotable = false;
    }
    QByteArray out;
    if (!quotable) {
        out = '{' + QByteArray::number(bytes.size()) + "}\r\n";
        out.append(bytes);
        return out;
    }
    out.reserve(bytes.size() + 2);
    out.append('"');
    for (char c : bytes) {
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append('"');
    return out;
}

QByteArray ResponseWriter::nstring(const QByteArray &bytes)
{
    return bytes.isNull() ? QByteArrayLiteral("NIL") : string(bytes);
}

QByteArray ResponseWriter::astring(QByteArrayView bytes)
{
    if (bytes.isEmpty() || bytes.compare("NIL", Qt::CaseInsensitive) == 0)
        return string(bytes);
    for (char c : bytes) {
        if (!isAtomChar(c))
            return string(bytes);
    }
    return bytes.toByteArray();
}

QByteArray ResponseWriter::flagList(const QByteArrayList &flags)
{
    return '(' + flags.join(' ') + ')';
}

QByteArray ResponseWriter::dateTime(const QDateTime &when)
{
    const QDate d = when.date();
    const QTime t = when.time();
    const int offset = when.offsetFromUtc() / 60;
    const int absOffset = offset < 0 ? -offset : offset;
    QByteArray out = "\"" + twoDigits(d.day()) + '-' + kMonths[d.month() - 1] + '-'
        + QByteArray::number(d.year()).rightJustified(4, '0') + ' ' + twoDigits(t.hour())
        + ':' + twoDigits(t.minute()) + ':' + twoDigits(t.second()) + ' '
        + (offset < 0 ? '-' : '+') + twoDigits(absOffset / 60) + twoDigits(absOffset % 60)
        + '"';
    return out;
}

std::optional<QDateTime> ResponseWriter::parseDateTime(QByteArrayView text)
{
    qsizetype pos = 0;
    QDate date;
    if (!readDate(text, pos, true, date))
        return std::nullopt;
    int h = 0, m = 0, s = 0, zh = 0, zm = 0;
    if (pos >= text.size() || text[pos++] != ' ' || !digits(text, pos, 2, h)
        || pos >= text.size() || text[pos++] != ':' || !digits(text, pos, 2, m)
        || pos >= text.size() || text[pos++] != ':' || !digits(text, pos, 2, s)
        || pos >= text.size() || text[pos++] != ' ' || pos >= text.size())
        return std::nullopt;
    const char sign = text[pos++];
    if ((sign != '+' && sign != '-') || !digits(text, pos, 2, zh) || !digits(text, pos, 2, zm)
        || pos != text.size() || zm > 59)
        return std::nullopt;
    const QTime time(h, m, s);
    if (!time.isValid())
        return std::nullopt;
    const int offset = (zh * 3600 + zm * 60) * (sign == '-' ? -1 : 1);
    return QDateTime(date, time, QTimeZone(offset));
}

std::optional<QDate> ResponseWriter::parseDate(QByteArrayView text)
{
    qsizetype pos = 0;
    QDate date;
    if (!readDate(text, pos, false, date) || pos != text.size())
        return std::nullopt;
    return date;
}

} // namespace maild::imap
