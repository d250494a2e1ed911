// The sink of a large APPEND literal (CommandParser::setSinkFactory): its bytes go to a spool
// file as they arrive, so a 50 MiB APPEND never sits in memory. When the spool cannot be
// made or written, the bytes are dropped and APPEND answers NO (the literal is still read to
// its end, so the protocol stays in step). Dropped unused, the spool file is removed.
#pragma once

#include "imap/grammar/commandparser.h"
#include "mailstore/spoolfile.h"

#include <QString>
#include <memory>

namespace maild::mailstore {
class MailStore;
}

namespace maild::imap {

class SpooledLiteral : public LiteralSink
{
public:
    explicit SpooledLiteral(mailstore::MailStore &store);

    void write(QByteArrayView bytes) override;
    // The spool with every byte, flushed; nullptr (and *error) when it failed.
    std::unique_ptr<mailstore::SpoolFile> take(QString *error);
    const QString &id() const { return m_id; }

private:
    QString m_id;
    QString m_error;
    std::unique_ptr<mailstore::SpoolFile> m_spool;
};

} // namespace maild::imap
