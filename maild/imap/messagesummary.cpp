// FETCH's structure items of a message, for the index (see messagesummary.h).
#include "imap/messagesummary.h"

#include "imap/grammar/bodystructure.h"
#include "imap/grammar/envelope.h"
#include "imap/grammar/mimeparser.h"

namespace maild::imap {

mailstore::MessageSummary summarizeMessage(QByteArrayView message)
{
    const QByteArray bytes = QByteArray::fromRawData(message.data(), message.size()); // no copy
    const MimePart root = MimeParser().parse(bytes);
    return {envelope(root.header), bodyStructure(root, false), bodyStructure(root, true)};
}

} // namespace maild::imap
