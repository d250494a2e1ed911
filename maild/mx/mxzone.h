// What a domain's MX records become in DNS: the zone-file fragment an administrator publishes
// by hand (mx.zoneText), the suggested SPF and DMARC records, and the changes of the RFC 2136
// update that mx.publish sends. Pure functions over the stored records.
#pragma once

#include "dns/dnsmessage.h"

#include <model/mxrecord.h>

#include <QHash>
#include <QHostAddress>

namespace maild::mx {

// Only the hosts named by MX records may send mail for the domain.
QString spfSuggestion();
// Receivers report what they see to the address, and reject nothing yet.
QString dmarcSuggestion(const QString &reportAddress);
// Whether name is the zone or inside it.
bool inZone(const QString &name, const QString &zone);

// The zone-file fragment for domain: its MX records, the address records of the mail hosts
// inside its zone where addresses are known, and (marked as suggestions) SPF and DMARC.
QString zoneText(const common::model::MxDomain &domain, const QHash<QString, QList<QHostAddress>> &addresses);

// The update that replaces the domain's MX RRset with its records; with the suggestions the
// administrator chose: the existing SPF records (their texts, as read from the zone's server)
// replaced by ours, and the _dmarc TXT RRset replaced by ours.
QList<dns::UpdateChange> publishChanges(const common::model::MxDomain &domain, const QList<QStringList> &existingSpf);

} // namespace maild::mx
