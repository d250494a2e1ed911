// A list of UIDs written compactly as an IMAP uid-set ("1:3,7,9:10") for COPYUID and
// APPENDUID (RFC 4315); order is kept, runs of consecutive numbers are joined.
#pragma once

#include <QByteArray>
#include <QList>

namespace maild::imap::commands {

inline QByteArray uidSet(const QList<qint64> &uids)
{
    QByteArray out;
    for (qsizetype i = 0; i < uids.size();) {
        qsizetype j = i;
        while (j + 1 < uids.size() && uids[j + 1] == uids[j] + 1)
            ++j;
        if (!out.isEmpty())
            out += ',';
        out += QByteArray::number(uids[i]);
        if (j > i)
            out += ':' + QByteArray::number(uids[j]);
        i = j + 1;
    }
    return out;
}

} // namespace maild::imap::commands
