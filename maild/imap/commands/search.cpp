// SEARCH and UID SEARCH (RFC 3501 6.4.4, 6.4.8; the MODSEQ key and "(MODSEQ n)" result of
// RFC 7162 3.1.5). The criteria are parsed by SearchQuery and evaluated by SearchMatcher over
// the selected mailbox's snapshot, one message at a time, on the event loop: flags, sizes,
// dates and numbers come from the snapshot; a message file is mapped read-only only when a
// key needs its bytes, and unmapped before the next message. ESEARCH is not offered.
// Security: the keys are the authenticated user's; files are opened read-only from the
// snapshot's paths (ours), and a file that is gone (expunged meanwhile) simply does not match.
#include "imap/commands/commands.h"
#include "imap/grammar/searchquery.h"
#include "imap/imapsession.h"
#include "imap/selectedmailbox.h"
#include "mailstore/messagefile.h"

#include <charconv>

namespace maild::imap::commands {

void search(ImapSession &s, Command &c)
{
    const bool uid = isUidCommand(c);
    SearchError error;
    const std::optional<SearchQuery> query = SearchQuery::parse(c.arguments, error);
    if (!query) {
        if (error.badCharset)
            return s.no(c, error.text);
        return s.bad(c, error.text);
    }
    // RFC 7162 3.1: a SEARCH with MODSEQ is a CONDSTORE-enabling command; the first one
    // reports the mailbox's HIGHESTMODSEQ.
    const bool enablesCondstore = query->usesModSeq() && !s.condstoreEnabled;
    if (query->usesModSeq())
        s.condstoreEnabled = true;

    const SelectedMailbox &box = *s.selected();
    SearchMatcher matcher(*query, quint32(box.count()), box.maxUid());
    mailstore::MessageFile file;
    const QString *path = nullptr;
    SearchMessage message;
    message.content = [&file, &path]() -> std::optional<QByteArray> {
        if (!file.open(*path))
            return std::nullopt;
        return file.bytes();
    };

    QByteArray response = QByteArrayLiteral("SEARCH");
    qint64 highestModSeq = 0;
    for (int msn = 1; msn <= box.count(); ++msn) {
        const MessageState &state = box.at(msn);
        message.seq = quint32(msn);
        message.uid = state.uid;
        message.flags = state.flags;
        message.recent = state.recent;
        message.size = state.size;
        message.internalDate = state.internalDate;
        message.modseq = state.modseq;
        path = &state.path;
        const bool hit = matcher.matches(message);
        file.close();
        if (!hit)
            continue;
        char digits[16] = {' '};
        const auto end =
            std::to_chars(digits + 1, digits + sizeof digits, uid ? state.uid : quint32(msn)).ptr;
        response.append(digits, end - digits);
        highestModSeq = qMax(highestModSeq, state.modseq);
    }
    // RFC 7162 3.1.5: the highest MODSEQ of the messages found, and nothing when none are.
    if (query->usesModSeq() && highestModSeq > 0)
        response += " (MODSEQ " + QByteArray::number(highestModSeq) + ')';
    s.untagged(response);
    if (enablesCondstore)
        s.untagged("OK [HIGHESTMODSEQ " + QByteArray::number(box.highestModSeq()) +
                   "] CONDSTORE on");
    s.ok(c,
         uid ? QByteArrayLiteral("UID SEARCH completed") : QByteArrayLiteral("SEARCH completed"));
}

} // namespace maild::imap::commands
