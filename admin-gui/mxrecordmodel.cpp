// The DNS pane's record table (see mxrecordmodel.h).
#include "mxrecordmodel.h"

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QJsonArray>

namespace admin {

MxRecordModel::MxRecordModel(QObject *parent) : QAbstractTableModel(parent) {}

int MxRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MxRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MxRecordModel::stateText(State state)
{
    switch (state) {
    case State::Published: return tr("published");
    case State::NotPublished: return tr("not published yet");
    case State::InDns: return tr("published (DNS answers it)");
    case State::Missing: return tr("missing (DNS does not answer it)");
    case State::Unexpected: return tr("unexpected (in DNS, not configured)");
    }
    return {};
}

QVariant MxRecordModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case PreferenceColumn: return r.preference;
        case HostColumn: return r.host.isEmpty() ? QStringLiteral(".") : r.host;
        case StateColumn:
            return r.ttl >= 0 ? tr("%1, TTL %2 s").arg(stateText(r.state)).arg(r.ttl) : stateText(r.state);
        case AddressesColumn: return r.addresses;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        switch (r.state) {
        case State::Published:
        case State::InDns: return QBrush(QColor(0x1a, 0x7f, 0x37));
        case State::NotPublished: return QBrush(QColor(0xa0, 0x50, 0x00));
        case State::Missing:
        case State::Unexpected: return QBrush(QColor(0xb0, 0x00, 0x20));
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == PreferenceColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return int(r.state);
    return {};
}

QVariant MxRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PreferenceColumn: return tr("Preference");
    case HostColumn: return tr("Mail server");
    case StateColumn: return tr("State");
    case AddressesColumn: return tr("Addresses");
    }
    return {};
}

void MxRecordModel::setDomain(const common::model::MxDomain &domain)
{
    if (domain.domain != m_domain.domain)
        m_check = {};
    m_domain = domain;
    rebuild();
}

void MxRecordModel::setCheck(const QJsonObject &check)
{
    m_check = check;
    rebuild();
}

void MxRecordModel::clearCheck()
{
    m_check = {};
    rebuild();
}

void MxRecordModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    QHash<QString, QString> addresses;
    QHash<QString, QPair<QString, int>> checked; // "pref host" -> state, ttl
    for (const QJsonValue &v : m_check.value(QStringLiteral("hosts")).toArray()) {
        const QJsonObject h = v.toObject();
        QStringList list;
        for (const QJsonValue &a : h.value(QStringLiteral("addresses")).toArray())
            list.append(a.toString());
        addresses.insert(h.value(QStringLiteral("host")).toString(),
                         list.isEmpty() ? h.value(QStringLiteral("error")).toString() : list.join(QStringLiteral(", ")));
    }
    for (const QJsonValue &v : m_check.value(QStringLiteral("records")).toArray()) {
        const QJsonObject r = v.toObject();
        checked.insert(QStringLiteral("%1 %2").arg(r.value(QStringLiteral("preference")).toInt())
                           .arg(r.value(QStringLiteral("host")).toString()),
                       {r.value(QStringLiteral("state")).toString(), r.value(QStringLiteral("ttl")).toInt()});
    }
    for (const common::model::MxRecord &record : std::as_const(m_domain.records)) {
        Row row{record.host, record.preference, record.published ? State::Published : State::NotPublished,
                addresses.value(record.host), -1};
        const auto it = checked.constFind(QStringLiteral("%1 %2").arg(record.preference).arg(record.host.toLower()));
        if (it != checked.cend()) {
            row.state = it->first == QLatin1String("published") ? State::InDns : State::Missing;
            if (row.state == State::InDns)
                row.ttl = it->second;
        }
        m_rows.append(row);
    }
    for (const QJsonValue &v : m_check.value(QStringLiteral("unexpected")).toArray()) {
        const QJsonObject r = v.toObject();
        const QString host = r.value(QStringLiteral("host")).toString();
        m_rows.append({host, r.value(QStringLiteral("preference")).toInt(), State::Unexpected, addresses.value(host),
                       r.value(QStringLiteral("ttl")).toInt()});
    }
    endResetModel();
}

QString MxRecordModel::host(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).host : QString();
}

int MxRecordModel::preference(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).preference : 0;
}

MxRecordModel::State MxRecordModel::state(int row) const
{
    return m_rows.at(row).state;
}

int MxRecordModel::rowOf(const QString &host) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).host.compare(host, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

} // namespace admin
