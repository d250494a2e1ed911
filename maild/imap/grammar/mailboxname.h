// Mailbox names: modified UTF-7 (RFC 3501 5.1.3) both ways, and the rules our store puts
// on names (hierarchy delimiter '/', no empty, "." or ".." levels, no control characters,
// at most 255 characters and 10 levels; INBOX in any case is INBOX).
// Security: names come from clients and become store keys; every refusal is a value.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace maild::imap {

class MailboxName
{
public:
    static constexpr QChar kDelimiter = QLatin1Char('/');
    static constexpr int kMaxLength = 255; // UTF-16 code units of the decoded name
    static constexpr int kMaxLevels = 10;

    // nullopt on a bad encoding: an unterminated '&', characters outside the modified
    // base64 alphabet, printable ASCII or lone surrogates encoded, non-zero padding bits,
    // two encoded runs side by side, or raw bytes outside printable ASCII.
    static std::optional<QString> decode(QByteArrayView wire);
    static QByteArray encode(const QString &name);

    // Empty when the decoded name is acceptable for our store, else the reason to give.
    static QString problem(const QString &name);

    // INBOX, whatever its case, as the first level becomes "INBOX".
    static QString normalized(const QString &name);

    // decode + problem + normalized together: nullopt (and *why) when refused.
    static std::optional<QString> fromWire(QByteArrayView wire, QString *why = nullptr);
};

} // namespace maild::imap
