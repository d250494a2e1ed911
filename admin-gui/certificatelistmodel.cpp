// The certificates table (see certificatelistmodel.h).
#include "certificatelistmodel.h"

#include "displayformat.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QJsonArray>

namespace admin {

namespace {
QString joined(const QJsonValue &list)
{
    QStringList items;
    for (const QJsonValue &v : list.toArray())
        items.append(v.toString());
    return items.join(QStringLiteral(", "));
}
} // namespace

CertificateListModel::CertificateListModel(QObject *parent) : QAbstractTableModel(parent) {}

int CertificateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_certificates.size());
}

int CertificateListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CertificateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &c = m_certificates.at(index.row());
    const bool pending = c.value(QStringLiteral("state")).toString() == QLatin1String("pending");
    const qint64 daysLeft = c.value(QStringLiteral("daysLeft")).toInteger();
    const bool expired = c.value(QStringLiteral("expired")).toBool();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return c.value(QStringLiteral("name")).toString();
        case SubjectColumn:
            return c.value(QStringLiteral("subject")).toString();
        case HostsColumn:
            return joined(c.value(QStringLiteral("sans")));
        case IssuerColumn:
            if (c.value(QStringLiteral("selfSigned")).toBool())
                return tr("self-signed");
            return c.value(QStringLiteral("issuer")).toString();
        case ValidUntilColumn: {
            if (pending)
                return tr("waiting for the signed certificate");
            const QDateTime until =
                QDateTime::fromString(c.value(QStringLiteral("notAfter")).toString(), Qt::ISODate);
            if (expired)
                return tr("%1 (expired)").arg(gui::formatDateTime(until));
            return tr("%1 (%2 days left)").arg(gui::formatDateTime(until)).arg(daysLeft);
        }
        case UsedByColumn:
            return joined(c.value(QStringLiteral("usedBy")));
        case FingerprintColumn:
            return c.value(QStringLiteral("fingerprint")).toString();
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == ValidUntilColumn && !pending &&
            (expired || daysLeft <= kExpiryWarningDays))
            return QBrush(QColor(0xb0, 0x00, 0x20));
        break;
    case Qt::ToolTipRole:
        if (index.column() == FingerprintColumn || index.column() == SubjectColumn)
            return index.data().toString();
        break;
    }
    return {};
}

QVariant CertificateListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SubjectColumn:
        return tr("Subject");
    case HostsColumn:
        return tr("Host names");
    case IssuerColumn:
        return tr("Issuer");
    case ValidUntilColumn:
        return tr("Valid until");
    case UsedByColumn:
        return tr("Used by");
    case FingerprintColumn:
        return tr("SHA-256 fingerprint");
    }
    return {};
}

void CertificateListModel::setCertificates(const QList<QJsonObject> &certificates)
{
    beginResetModel();
    m_certificates = certificates;
    endResetModel();
}

QString CertificateListModel::name(int row) const
{
    return m_certificates.at(row).value(QStringLiteral("name")).toString();
}

int CertificateListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_certificates.size(); ++i) {
        if (this->name(i) == name)
            return i;
    }
    return -1;
}

} // namespace admin
