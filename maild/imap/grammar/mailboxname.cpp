// MailboxName: modified UTF-7 is UTF-16BE in base64 with ',' for '/', between '&' and '-';
// "&-" is a literal '&'. Decoding insists on the one canonical form so that two different
// byte strings never name the same mailbox.
// Security: strict decoding and validation of client-supplied names.
#include "imap/grammar/mailboxname.h"

#include <QStringList>

namespace maild::imap {

namespace {

const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

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
    if (c == ',')
        return 63;
    return -1;
}

bool isPrintable(char16_t u) { return u >= 0x20 && u <= 0x7e; }

void flushBase64(const QList<char16_t> &units, QByteArray &out)
{
    out.append('&');
    quint32 bits = 0;
    int nbits = 0;
    for (char16_t u : units) {
        bits = (bits << 16) | u;
        nbits += 16;
        while (nbits >= 6) {
            nbits -= 6;
            out.append(kAlphabet[(bits >> nbits) & 0x3f]);
        }
    }
    if (nbits > 0)
        out.append(kAlphabet[(bits << (6 - nbits)) & 0x3f]);
    out.append('-');
}

} // namespace

std::optional<QString> MailboxName::decode(QByteArrayView wire)
{
    QString out;
    qsizetype i = 0;
    bool lastWasEncoded = false;
    while (i < wire.size()) {
        const char c = wire[i];
        if (!isPrintable(static_cast<unsigned char>(c)))
            return std::nullopt;
        if (c != '&') {
            out.append(QLatin1Char(c));
            lastWasEncoded = false;
            ++i;
            continue;
        }
        ++i;
        if (i < wire.size() && wire[i] == '-') {
            out.append(QLatin1Char('&'));
            lastWasEncoded = false;
            ++i;
            continue;
        }
        if (lastWasEncoded)
            return std::nullopt; // "&AOQ-&AOQ-" must have been one run
        quint32 bits = 0;
        int nbits = 0;
        QList<char16_t> units;
        while (i < wire.size() && wire[i] != '-') {
            const int v = base64Value(wire[i]);
            if (v < 0)
                return std::nullopt;
            bits = (bits << 6) | quint32(v);
            nbits += 6;
            if (nbits >= 16) {
                nbits -= 16;
                units.append(char16_t((bits >> nbits) & 0xffff));
            }
            ++i;
        }
        if (i == wire.size() || units.isEmpty())
            return std::nullopt; // unterminated, or "&" + fewer than 16 bits
        ++i; // the '-'
        if (nbits >= 6 || (bits & ((1u << nbits) - 1)) != 0)
            return std::nullopt; // bad padding
        for (qsizetype k = 0; k < units.size(); ++k) {
            const char16_t u = units[k];
            if (isPrintable(u))
                return std::nullopt;
            if (QChar::isHighSurrogate(u)) {
                if (k + 1 >= units.size() || !QChar::isLowSurrogate(units[k + 1]))
                    return std::nullopt;
                out.append(QChar(u));
                out.append(QChar(units[++k]));
                continue;
            }
            if (QChar::isLowSurrogate(u))
                return std::nullopt;
            out.append(QChar(u));
        }
        lastWasEncoded = true;
    }
    return out;
}

QByteArray MailboxName::encode(const QString &name)
{
    QByteArray out;
    QList<char16_t> run;
    for (QChar ch : name) {
        const char16_t u = ch.unicode();
        if (isPrintable(u)) {
            if (!run.isEmpty()) {
                flushBase64(run, out);
                run.clear();
            }
            if (u == '&')
                out.append("&-");
            else
                out.append(char(u));
        } else {
            run.append(u);
        }
    }
    if (!run.isEmpty())
        flushBase64(run, out);
    return out;
}

QString MailboxName::problem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("Empty mailbox name");
    if (name.size() > kMaxLength)
        return QStringLiteral("Mailbox name too long");
    for (QChar ch : name) {
        const char16_t u = ch.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0))
            return QStringLiteral("Control character in mailbox name");
        if (u == '*' || u == '%')
            return QStringLiteral("Wildcard in mailbox name");
    }
    const QStringList levels = name.split(kDelimiter);
    if (levels.size() > kMaxLevels)
        return QStringLiteral("Mailbox name has too many levels");
    for (const QString &level : levels) {
        if (level.isEmpty())
            return QStringLiteral("Empty level in mailbox name");
        if (level == QLatin1String(".") || level == QLatin1String(".."))
            return QStringLiteral("Invalid level in mailbox name");
    }
    return QString();
}

QString MailboxName::normalized(const QString &name)
{
    const qsizetype slash = name.indexOf(kDelimiter);
    const QString first = slash < 0 ? name : name.left(slash);
    if (first.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) != 0)
        return name;
    return QLatin1String("INBOX") + name.mid(first.size());
}

std::optional<QString> MailboxName::fromWire(QByteArrayView wire, QString *why)
{
    const std::optional<QString> decoded = decode(wire);
    if (!decoded) {
        if (why)
            *why = QStringLiteral("Invalid modified UTF-7 in mailbox name");
        return std::nullopt;
    }
    const QString reason = problem(*decoded);
    if (!reason.isEmpty()) {
        if (why)
            *why = reason;
        return std::nullopt;
    }
    return normalized(*decoded);
}

} // namespace maild::imap
