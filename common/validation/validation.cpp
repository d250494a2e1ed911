// Name, address and domain rules (see validation.h). Hand-written character loops: these
// run on untrusted input and must have obvious, bounded behaviour.
#include "validation/validation.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace common::validation {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("common::validation", text); }

bool isAsciiLetter(QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
bool isAsciiDigit(QChar c) { return c >= u'0' && c <= u'9'; }

// RFC 5322 atext.
bool isAtext(QChar c)
{
    if (isAsciiLetter(c) || isAsciiDigit(c))
        return true;
    static const QString specials = QStringLiteral("!#$%&'*+-/=?^_`{|}~");
    return specials.contains(c);
}

Problem checkLabel(QStringView label)
{
    if (label.isEmpty())
        return tr("a domain name may not contain an empty label (two dots in a row, or a dot at either end)");
    if (label.size() > 63)
        return tr("each part of a domain name must be at most 63 characters");
    for (QChar c : label) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != u'-')
            return tr("a domain name may contain only letters, digits, hyphens and dots");
    }
    if (label.front() == u'-' || label.back() == u'-')
        return tr("a part of a domain name may not begin or end with a hyphen");
    return std::nullopt;
}

} // namespace

Problem checkShortName(const QString &name)
{
    if (name.isEmpty())
        return tr("the short name is empty");
    if (name.size() > kMaxShortName)
        return tr("the short name must be at most 64 characters");
    for (QChar c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || isAsciiDigit(c) || c == u'.' || c == u'_' || c == u'-';
        if (!ok)
            return tr("the short name may contain only lower-case letters a-z, digits, '.', '_' and '-'");
    }
    if (!isAsciiLetter(name.front()) && !isAsciiDigit(name.front()))
        return tr("the short name must begin with a letter or a digit");
    if (name.back() == u'.')
        return tr("the short name may not end with '.'");
    if (name.contains(QLatin1String("..")))
        return tr("the short name may not contain '..'");
    return std::nullopt;
}

Problem checkDomainName(const QString &domain)
{
    if (domain.isEmpty())
        return tr("the domain name is empty");
    if (domain.size() > kMaxDomain)
        return tr("a domain name must be at most 253 characters");
    const QStringView view(domain);
    qsizetype start = 0;
    QStringView last;
    while (true) {
        const qsizetype dot = view.indexOf(u'.', start);
        const QStringView label = view.mid(start, dot < 0 ? -1 : dot - start);
        if (Problem p = checkLabel(label))
            return p;
        last = label;
        if (dot < 0)
            break;
        start = dot + 1;
    }
    bool allDigits = true;
    for (QChar c : last)
        allDigits = allDigits && isAsciiDigit(c);
    if (allDigits)
        return tr("the last part of a domain name may not be all digits");
    return std::nullopt;
}

Problem checkMailHostName(const QString &host)
{
    QString bare = host;
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    if (!QHostAddress(bare).isNull())
        return tr("an MX record names a host, not an IP address: give the mail server's host name");
    if (Problem p = checkDomainName(host))
        return p;
    if (!host.contains(u'.'))
        return tr("the host name must be fully qualified, e.g. mail.example.org");
    return std::nullopt;
}

Problem checkEmailAddress(const QString &address)
{
    if (address.isEmpty())
        return tr("the address is empty");
    if (address.size() > kMaxAddress)
        return tr("an address must be at most 254 characters");
    const qsizetype at = address.lastIndexOf(u'@');
    if (at < 0)
        return tr("an address needs an '@' between the name and the domain");
    const QStringView local = QStringView(address).left(at);
    if (local.isEmpty())
        return tr("the part before '@' is empty");
    if (local.size() > kMaxLocalPart)
        return tr("the part before '@' must be at most 64 characters");
    if (local.front() == u'.' || local.back() == u'.' || local.contains(QLatin1String("..")))
        return tr("the part before '@' may not begin or end with '.' or contain '..'");
    for (QChar c : local) {
        if (c == u'.')
            continue;
        if (!isAtext(c))
            return tr("the part before '@' contains a character that is not allowed (quoted names, '@', '%', spaces and control characters are refused)");
    }
    // '%' and '!' are legal atext but are old relay syntax (user%host@relay); refuse them.
    if (local.contains(u'%') || local.contains(u'!'))
        return tr("the part before '@' contains a character that is not allowed (quoted names, '@', '%', spaces and control characters are refused)");
    return checkDomainName(address.mid(at + 1));
}

Problem checkFullName(const QString &fullName)
{
    if (QStringView(fullName).toUcs4().size() > kMaxFullName)
        return tr("the full name must be at most 256 characters");
    for (QChar c : fullName) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return tr("the full name may not contain control characters or line breaks");
    }
    return std::nullopt;
}

Problem checkPassword(const QString &password)
{
    if (QStringView(password).toUcs4().size() < kMinPassword) // characters, not UTF-16 units
        return tr("the password must be at least 8 characters");
    if (password.toUtf8().size() > kMaxPassword)
        return tr("the password must be at most 1024 bytes");
    for (QChar c : password) {
        if (c.category() == QChar::Other_Control)
            return tr("the password may not contain control characters");
    }
    return std::nullopt;
}

QString normalizeDomain(const QString &domain) { return domain.toLower(); }

QString normalizeAddress(const QString &address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    if (at < 0)
        return address;
    return address.left(at) + address.mid(at).toLower();
}

} // namespace common::validation
