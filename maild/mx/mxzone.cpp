// Zone text and update changes of a domain's MX records (see mxzone.h).
#include "mx/mxzone.h"

#include <QDate>

namespace maild::mx {

using common::model::MxDomain;
using common::model::MxRecord;
using dns::RecordType;
using dns::UpdateChange;

namespace {

constexpr quint32 kTxtTtl = 3600;

QString mxData(const MxRecord &r)
{
    return QStringLiteral("%1 %2.").arg(r.preference).arg(r.host);
}

QString txtData(const QStringList &texts)
{
    QStringList quoted;
    for (const QString &t : texts)
        quoted.append(dns::quotedText(t));
    return quoted.join(QLatin1Char(' '));
}

QString zoneOf(const MxDomain &d)
{
    return d.publishing.zone.isEmpty() ? d.domain : d.publishing.zone;
}

void appendLine(QStringList &lines, const QString &name, quint32 ttl, RecordType type, const QString &data)
{
    QString error;
    if (const std::optional<QString> line = dns::zoneLine(name, ttl, type, data, &error))
        lines.append(*line);
    else
        lines.append(QStringLiteral("; (left out: %1)").arg(error));
}

} // namespace

QString spfSuggestion()
{
    return QStringLiteral("v=spf1 mx -all");
}

QString dmarcSuggestion(const QString &reportAddress)
{
    return QStringLiteral("v=DMARC1; p=none; rua=mailto:%1").arg(reportAddress);
}

bool inZone(const QString &name, const QString &zone)
{
    const QString n = name.toLower();
    const QString z = zone.toLower();
    return n == z || n.endsWith(QLatin1Char('.') + z);
}

QString zoneText(const MxDomain &d, const QHash<QString, QList<QHostAddress>> &addresses)
{
    const QString zone = zoneOf(d);
    QStringList lines;
    lines << QStringLiteral("; Mail for %1: the records to publish in the zone %2.").arg(d.domain, zone)
          << QStringLiteral("; Made by Mailroom on %1. A lower preference is tried first.")
                 .arg(QDate::currentDate().toString(Qt::ISODate));
    if (d.records.isEmpty())
        lines << QStringLiteral("; %1 has no MX records yet.").arg(d.domain);
    for (const MxRecord &r : d.records)
        appendLine(lines, d.domain, quint32(d.ttl), RecordType::Mx, mxData(r));
    QStringList hostLines;
    for (const MxRecord &r : d.records) {
        if (!inZone(r.host, zone))
            continue; // another zone's host: its own administrator publishes its addresses
        for (const QHostAddress &a : addresses.value(r.host.toLower()))
            appendLine(hostLines, r.host, quint32(d.ttl),
                       a.protocol() == QAbstractSocket::IPv6Protocol ? RecordType::Aaaa : RecordType::A, a.toString());
    }
    if (!hostLines.isEmpty())
        lines << QStringLiteral("; The addresses of the mail hosts in this zone:") << hostLines;
    lines << QString()
          << QStringLiteral("; Suggestions beyond the MX records; check them before you publish them.")
          << QStringLiteral("; SPF: only the hosts named by the MX records send mail for %1.").arg(d.domain);
    appendLine(lines, d.domain, kTxtTtl, RecordType::Txt, dns::quotedText(spfSuggestion()));
    lines << QStringLiteral("; DMARC: receivers report to %1 and reject nothing yet (p=none).").arg(d.dmarcReport);
    appendLine(lines, QStringLiteral("_dmarc.") + d.domain, kTxtTtl, RecordType::Txt,
               dns::quotedText(dmarcSuggestion(d.dmarcReport)));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QList<UpdateChange> publishChanges(const MxDomain &d, const QList<QStringList> &existingSpf)
{
    QList<UpdateChange> changes;
    changes.append({UpdateChange::Op::DeleteRrset, d.domain, RecordType::Mx, 0, {}});
    for (const MxRecord &r : d.records)
        changes.append({UpdateChange::Op::Add, d.domain, RecordType::Mx, quint32(d.ttl), mxData(r)});
    if (d.publishing.includeSpf) {
        // Only the SPF records are replaced: other TXT records of the name (site
        // verifications...) stay.
        for (const QStringList &texts : existingSpf)
            changes.append({UpdateChange::Op::DeleteRecord, d.domain, RecordType::Txt, 0, txtData(texts)});
        changes.append({UpdateChange::Op::Add, d.domain, RecordType::Txt, kTxtTtl, dns::quotedText(spfSuggestion())});
    }
    if (d.publishing.includeDmarc) {
        const QString name = QStringLiteral("_dmarc.") + d.domain;
        changes.append({UpdateChange::Op::DeleteRrset, name, RecordType::Txt, 0, {}});
        changes.append({UpdateChange::Op::Add, name, RecordType::Txt, kTxtTtl,
                        dns::quotedText(dmarcSuggestion(d.dmarcReport))});
    }
    return changes;
}

} // namespace maild::mx
