// bodyStructure(): body-type-1part / body-type-mpart of RFC 3501 9, field by field.
#include "imap/grammar/bodystructure.h"

#include "imap/grammar/envelope.h"
#include "imap/grammar/responsewriter.h"

namespace maild::imap {

namespace {

QByteArray params(const MimeParams &list)
{
    if (list.isEmpty())
        return QByteArrayLiteral("NIL");
    QByteArray out("(");
    for (const auto &[name, value] : list) {
        if (out.size() > 1)
            out += ' ';
        out += ResponseWriter::string(name) + ' ' + ResponseWriter::string(value);
    }
    return out + ')';
}

QByteArray disposition(const MimePart &part)
{
    if (part.disposition.isEmpty())
        return QByteArrayLiteral("NIL");
    return '(' + ResponseWriter::string(part.disposition) + ' ' + params(part.dispositionParams)
        + ')';
}

QByteArray language(const MimePart &part)
{
    const QByteArray value = part.header.value("Content-Language");
    QList<QByteArray> tags;
    for (const QByteArray &tag : value.split(',')) {
        if (!tag.trimmed().isEmpty())
            tags.append(tag.trimmed());
    }
    if (tags.isEmpty())
        return QByteArrayLiteral("NIL");
    if (tags.size() == 1)
        return ResponseWriter::string(tags.first());
    QByteArray out("(");
    for (const QByteArray &tag : tags)
        out += (out.size() > 1 ? " " : "") + ResponseWriter::string(tag);
    return out + ')';
}

QByteArray extension(const MimePart &part)
{
    return disposition(part) + ' ' + language(part) + ' '
        + ResponseWriter::nstring(part.header.value("Content-Location"));
}

} // namespace

QByteArray bodyStructure(const MimePart &part, bool extended)
{
    if (part.isMultipart()) {
        QByteArray out("(");
        for (const MimePart &child : part.children)
            out += bodyStructure(child, extended);
        out += ' ' + ResponseWriter::string(part.subtype);
        if (extended)
            out += ' ' + params(part.params) + ' ' + extension(part);
        return out + ')';
    }
    QByteArray out = '(' + ResponseWriter::string(part.type) + ' '
        + ResponseWriter::string(part.subtype) + ' ' + params(part.params) + ' '
        + ResponseWriter::nstring(part.header.value("Content-ID")) + ' '
        + ResponseWriter::nstring(part.header.value("Content-Description")) + ' '
        + ResponseWriter::string(part.encoding) + ' ' + QByteArray::number(part.bodySize);
    if (part.isMessage) {
        const MimePart &inner = part.children.first();
        out += ' ' + envelope(inner.header) + ' ' + bodyStructure(inner, extended) + ' '
            + QByteArray::number(part.bodyLines);
    } else if (part.type == "TEXT") {
        out += ' ' + QByteArray::number(part.bodyLines);
    }
    if (extended)
        out += ' ' + ResponseWriter::nstring(part.header.value("Content-MD5")) + ' '
            + extension(part);
    return out + ')';
}

} // namespace maild::imap
