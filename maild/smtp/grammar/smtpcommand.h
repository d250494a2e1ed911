// Parsing of SMTP command lines (RFC 5321 4.1): the verb and its argument, and the paths
// of MAIL FROM / RCPT TO with their ESMTP parameters. Hand-written, bounded, no regular
// expressions; knows nothing of sockets or storage.
// Security: input is the client's; every refusal is a value naming the reply to give.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace maild::smtp {

struct CommandLine
{
    QByteArray verb; // upper-cased
    QByteArray argument; // the rest after one space, as sent
};

// Splits "VERB argument". The line has no CRLF.
CommandLine splitCommand(const QByteArray &line);

struct PathProblem
{
    int code;        // 501 or 553
    QByteArray enhanced; // "5.1.3"
    QString text;
};

struct MailPath
{
    QString address; // empty for the null path <>
    bool isNull = false;
    bool quoted = false; // the local part was a quoted string (never accepted, but told apart)
    QString localPart;
    QString domain;
    QList<QPair<QByteArray, QByteArray>> params; // upper-cased keyword, value
};

// Parses "FROM:<addr> params" (prefix "FROM:") or "TO:<addr> params". Source routes, quoted
// local parts, and addresses that are not dot-atom@domain are refused.
std::variant<MailPath, PathProblem> parsePath(const QByteArray &argument, const char *prefix, bool allowNull);

} // namespace maild::smtp
