// Accounts as CSV for import and export. Columns: name, fullName, addresses (separated by
// ';'), mailState, forwardAddress, mailServer, quotaBytes, access, password (import only).
// Parsing is RFC 4180 (quoted fields, doubled quotes, CRLF or LF); every row is checked
// locally with common/validation and the protocol's enums before anything is sent.
// Security: the file is untrusted input; rows with errors are refused, never sent.
#pragma once

#include "model/account.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace usermgr {

struct ImportRow
{
    int row = 0; // 1-based data row (the header line is not counted)
    common::model::Account account;
    QString password;
    QStringList errors; // empty: the row will be imported
    QString result; // what the daemon answered, after importing
    bool ok() const { return errors.isEmpty(); }
};

namespace accountcsv {

QStringList columns();
// Splits CSV text into records of fields.
QList<QStringList> parseRecords(const QString &text);
// The rows of an import file, each checked; a missing or wrong header gives one error row 0.
QList<ImportRow> parseImport(const QString &text);
// The accounts as CSV (with a header line, without passwords).
QString exportAccounts(const QList<common::model::Account> &accounts);
// The account.create parameters of a checked row.
QJsonObject createParams(const ImportRow &row);

} // namespace accountcsv
} // namespace usermgr
