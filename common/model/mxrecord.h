// What a client sees of a local domain's MX records and how they are published.
// JSON form: docs/control-protocol.md, "MxDomain".
#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace common::model {

struct MxRecord
{
    QString host;        // the mail server's host name, without the final dot
    int preference = 10; // 0-65535; a lower one is tried first
    bool published = false; // part of the last successful mx.publish

    QJsonObject toJson() const;
    static MxRecord fromJson(const QJsonObject &o);
};

// Where a domain's records are published (RFC 2136 update signed with TSIG): the zone, its
// primary server, the key's name. The secret never leaves the daemon: hasSecret says whether
// one is stored.
struct MxPublishing
{
    QString zone;   // empty: not configured
    QString server; // address[:port] of the zone's primary server
    QString keyName;
    bool hasSecret = false;
    bool includeSpf = false;
    bool includeDmarc = false;

    bool configured() const { return !zone.isEmpty() && !server.isEmpty() && !keyName.isEmpty(); }
    QJsonObject toJson() const;
    static MxPublishing fromJson(const QJsonObject &o);
};

struct MxDomain
{
    QString domain;
    QList<MxRecord> records; // by preference, then host
    int ttl = 3600;          // of the MX RRset (DNS gives an RRset one TTL, RFC 2181 5.2)
    MxPublishing publishing;
    QString dmarcReport;  // the rua address of the suggested DMARC record
    QString publishedAt;  // ISO time of the last successful mx.publish, or empty
    bool pendingChanges = false; // the records differ from what was last published
    QStringList warnings; // sentences: no record points at this server, none at all...

    QJsonObject toJson() const;
    static MxDomain fromJson(const QJsonObject &o);
};

} // namespace common::model
