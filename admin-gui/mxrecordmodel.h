// One local domain's MX records for the DNS pane, by preference: host, preference, and their
// state in words and colour — published / not yet published (from the last mx.publish) or,
// once DNS was checked, published / missing, plus the records DNS answers that are not
// configured (unexpected) — with each host's addresses. Never talks to the daemon.
#pragma once

#include <model/mxrecord.h>

#include <QAbstractTableModel>
#include <QJsonObject>

namespace admin {

class MxRecordModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        PreferenceColumn,
        HostColumn,
        StateColumn,
        AddressesColumn,
        ColumnCount
    };
    enum class State
    {
        Published,    // part of the last publish (no check yet)
        NotPublished, // changed or added since
        InDns,        // the check found it
        Missing,      // the check did not find it
        Unexpected    // the check found it, but it is not configured
    };

    explicit MxRecordModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The configured records of a domain (an mx.list entry); a check of another domain is
    // forgotten.
    void setDomain(const common::model::MxDomain &domain);
    // An mx.check result for the same domain.
    void setCheck(const QJsonObject &check);
    void clearCheck();
    bool hasCheck() const { return !m_check.isEmpty(); }

    // Configured rows come first; unexpected ones after them.
    bool isConfigured(int row) const { return row < m_domain.records.size(); }
    QString host(int row) const;
    int preference(int row) const;
    State state(int row) const;
    int rowOf(const QString &host) const;
    static QString stateText(State state);

private:
    struct Row
    {
        QString host;
        int preference = 0;
        State state = State::NotPublished;
        QString addresses;
        int ttl = -1;
    };
    void rebuild();

    common::model::MxDomain m_domain;
    QJsonObject m_check;
    QList<Row> m_rows;
};

} // namespace admin
