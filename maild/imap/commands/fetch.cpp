// FETCH and UID FETCH (RFC 3501 6.4.5, 6.4.8, 7.4.2; CONDSTORE of RFC 7162 3.1.4-3.1.5:
// MODSEQ and the CHANGEDSINCE modifier). Items come parsed from FetchRequest; ENVELOPE, BODY
// and BODYSTRUCTURE come from the summary the index keeps of each message; a message file is
// opened only when an item still needs it, mapped read-only (never read into memory), parsed
// only as deep as the items need, and large literals are streamed from the file by the
// session's output queue. The answer is written one message at a time, paused while the
// client has not read what was sent (ImapSession::runInSteps), so memory stays bounded. A body item without PEEK on a read-write mailbox first sets \Seen
// through the store; the responses then carry the new FLAGS.
// Security: the message files are strangers' mail; the MIME parser is bounded and section
// ranges are checked against the file. Message files are immutable until expunged (an
// unlinked file stays mapped and readable, and open while its range is streamed).
#include "imap/commands/arguments.h"
#include "imap/commands/commands.h"
#include "imap/grammar/bodystructure.h"
#include "imap/grammar/envelope.h"
#include "imap/grammar/fetchrequest.h"
#include "imap/grammar/responsewriter.h"
#include "imap/imapservice.h"
#include "imap/imapsession.h"
#include "imap/selectedmailbox.h"
#include "mailstore/mailboxview.h"
#include "mailstore/messagefile.h"

#include <QSet>

namespace maild::imap::commands {

namespace {

using Kind = FetchItem::Kind;

// Literals up to this size are copied from the mapping; longer ones are streamed from the
// file as the socket drains, so a FETCH of many messages does not pile them up in memory.
constexpr qint64 kCopyBelow = 16 * 1024;

struct FetchJob
{
    Command command; // tag and name, for the tagged response
    FetchRequest request;
    QList<int> msns;
    bool enabledCondstore = false; // this command enabled CONDSTORE (HIGHESTMODSEQ is due)
};

enum class Outcome
{
    Sent,
    Expunged,
    Unreadable
};

QByteArray literal(qint64 size)
{
    return '{' + QByteArray::number(size) + "}\r\n";
}

// Writes "* n FETCH (...)" for one message. seenChanged: \Seen was just set, so FLAGS (and,
// with CONDSTORE on, UID and MODSEQ) are reported even when not asked for. cached: the
// summary the index keeps (empty when none), which spares ENVELOPE, BODY and BODYSTRUCTURE
// the file.
Outcome writeMessage(ImapSession &s, const FetchRequest &r, int msn, const MessageState &m,
                     bool seenChanged, const mailstore::MessageSummary &cached)
{
    const bool fromCache = !cached.isEmpty();
    const FetchRequest::MimeNeed need = fromCache ? FetchRequest::MimeNeed::None : r.mimeNeed();
    const bool needsFile = need != FetchRequest::MimeNeed::None || r.has(Kind::Section);
    mailstore::MessageFile file;
    // Expunged by another session before this one heard of it: the message is answered as an
    // empty one, its sections NIL (RFC 2180 4.1.3), and the command ends [EXPUNGEISSUED].
    bool gone = false;
    if (needsFile && !file.open(m.path)) {
        if (!m.expunged && !file.missing())
            return Outcome::Unreadable;
        gone = true;
    }
    const QByteArray &message = file.bytes();
    MimePart root;
    if (need == FetchRequest::MimeNeed::Structure) {
        root = MimeParser().parse(message);
    } else if (need == FetchRequest::MimeNeed::Header) {
        root = MimeParser().parseHeaderOnly(message);
        for (auto &field : root.header.fields)
            field.second = field.second.trimmed(); // as parse() leaves them
    }

    ++s.service().fetched;
    QByteArray out = "* " + QByteArray::number(msn) + " FETCH (";
    const qsizetype start = out.size();
    auto add = [&](QByteArrayView name, const QByteArray &value) {
        if (out.size() > start)
            out += ' ';
        out += name;
        out += ' ';
        out += value;
    };
    const bool condstore = s.condstoreEnabled;
    for (const FetchItem &item : r.items) {
        switch (item.kind) {
        case Kind::Uid:
            add("UID", QByteArray::number(m.uid));
            break;
        case Kind::Flags:
            add("FLAGS", m.flagList());
            break;
        case Kind::InternalDate:
            add("INTERNALDATE", ResponseWriter::dateTime(m.internalDate));
            break;
        case Kind::Rfc822Size:
            add("RFC822.SIZE", QByteArray::number(m.size));
            break;
        case Kind::ModSeq:
            add("MODSEQ", '(' + QByteArray::number(m.modseq) + ')');
            break;
        case Kind::Envelope:
            add("ENVELOPE", fromCache ? cached.envelope : envelope(root.header));
            break;
        case Kind::Body:
            add("BODY", fromCache ? cached.body : bodyStructure(root, false));
            break;
        case Kind::BodyStructure:
            add("BODYSTRUCTURE", fromCache ? cached.bodyStructure : bodyStructure(root, true));
            break;
        case Kind::Section: {
            if (gone) {
                add(item.responseName(), QByteArrayLiteral("NIL"));
                break;
            }
            const SectionData data =
                applyPartial(locateSection(item.section, root, message), item.partial);
            if (data.size() == 0) {
                add(item.responseName(), QByteArrayLiteral("\"\""));
            } else if (data.isBuilt) {
                add(item.responseName(), literal(data.size()) + data.built);
            } else if (data.length < kCopyBelow) {
                add(item.responseName(), literal(data.length));
                out += QByteArrayView(message).sliced(data.offset, data.length);
            } else {
                add(item.responseName(), literal(data.length));
                s.write(out);
                out.clear();
                s.writeFile(file.file(), data.offset, data.length);
            }
            break;
        }
        }
    }
    if (seenChanged) {
        if (!r.has(Kind::Flags))
            add("FLAGS", m.flagList());
        if (condstore && !r.has(Kind::Uid))
            add("UID", QByteArray::number(m.uid));
        if (condstore && !r.has(Kind::ModSeq))
            add("MODSEQ", '(' + QByteArray::number(m.modseq) + ')');
    }
    s.write(out + ")\r\n");
    return gone ? Outcome::Expunged : Outcome::Sent;
}

// Where a FETCH answer is (runInSteps: one message a step, paused while output waits).
struct Progress
{
    qsizetype next = 0;
    bool expunged = false;
    bool unreadable = false;
    bool useCache = false;
    std::unique_ptr<mailstore::MailboxView> view; // the index, for the kept summaries
};

void finish(ImapSession &s, const FetchJob &job, const Progress &p, const QString &seenError)
{
    if (job.enabledCondstore)
        s.untagged(QByteArray("OK [HIGHESTMODSEQ " + QByteArray::number(s.selected()->highestModSeq()) +
                              "] CONDSTORE on"));
    if (p.unreadable)
        return s.no(job.command, "[SERVERBUG] Some messages could not be read");
    if (p.expunged) // RFC 5530: the data of those messages is NIL; the client carries on
        return s.ok(job.command, "[EXPUNGEISSUED] FETCH completed; some messages were expunged meanwhile");
    if (!seenError.isEmpty())
        return s.no(job.command, QByteArray("FETCH completed, but \\Seen could not be set: " +
                                            seenError.toUtf8()));
    s.ok(job.command, "FETCH completed");
}

void respond(ImapSession &s, const FetchJob &job, const QSet<quint32> &seenChanged,
             const QString &seenError)
{
    auto progress = std::make_shared<Progress>();
    // Structure items without a section come from the summaries the index keeps.
    const FetchRequest::MimeNeed need = job.request.mimeNeed();
    progress->useCache = need != FetchRequest::MimeNeed::None && !job.request.has(Kind::Section);
    if (progress->useCache && s.selected()) {
        QString error;
        progress->view = mailstore::MailboxView::open(s.accountDir(), s.selected()->name(), &error);
    }
    s.runInSteps([&s, job, seenChanged, seenError, progress]() {
        SelectedMailbox *box = s.selected();
        if (!box) {
            s.no(job.command, "The mailbox was closed");
            return true;
        }
        if (progress->next >= job.msns.size()) {
            finish(s, job, *progress, seenError);
            return true;
        }
        const int msn = job.msns[progress->next++];
        if (msn > box->count())
            return false;
        const MessageState &m = box->at(msn);
        const mailstore::MessageSummary cached = progress->view ? progress->view->summary(m.id)
                                                                : mailstore::MessageSummary();
        switch (writeMessage(s, job.request, msn, m, seenChanged.contains(m.uid), cached)) {
        case Outcome::Sent:
            break;
        case Outcome::Expunged:
            progress->expunged = true;
            break;
        case Outcome::Unreadable:
            progress->unreadable = true;
            break;
        }
        return false;
    });
}

} // namespace

void fetch(ImapSession &s, Command &c)
{
    const bool uid = isUidCommand(c);
    if (c.arguments.size() < 2)
        return s.bad(c, QByteArray(QByteArray(uid ? "UID " : "") +
                                   "FETCH <sequence set> <items> [(CHANGEDSINCE n)]"));
    const std::optional<SequenceSet> set = sequenceArgument(s, c, 0);
    if (!set)
        return;
    QByteArray error;
    std::optional<FetchRequest> request = FetchRequest::parse(c.arguments, 1, &error);
    if (!request)
        return s.bad(c, error);
    SelectedMailbox *box = s.selected();
    // A sequence number past the last message (or '*' in an empty mailbox) is BAD, as
    // Dovecot answers ("Invalid messageset") and RFC 3501 9 (seq-number) asks; UIDs that do
    // not exist are simply not reported (RFC 3501 6.4.8).
    bool outOfRange = false;
    QList<int> msns = box->resolve(*set, uid, &outOfRange);
    if (outOfRange)
        return s.bad(
            c, QByteArray("No such message: the mailbox has " + QByteArray::number(box->count())));
    if (uid)
        request->require(Kind::Uid);

    FetchJob job{c.header(), *request, {}, false};
    if (request->changedSince || request->has(Kind::ModSeq)) { // CONDSTORE enabling (RFC 7162 3.1)
        job.enabledCondstore = !s.condstoreEnabled;
        s.condstoreEnabled = true;
    }
    for (int msn : std::as_const(msns)) {
        if (!request->changedSince || box->at(msn).modseq > *request->changedSince)
            job.msns.append(msn);
    }

    QList<int> unseen;
    if (request->setsSeen() && !box->readOnly()) {
        for (int msn : std::as_const(job.msns)) {
            const MessageState &m = box->at(msn);
            if (!m.expunged && !m.hasFlag("\\Seen"))
                unseen.append(msn);
        }
    }
    if (unseen.isEmpty())
        return respond(s, job, {}, {});
    // changeFlags() holds input back until its callback has run.
    s.changeFlags(unseen, mailstore::FlagMode::Add, {QStringLiteral("\\Seen")}, std::nullopt,
                  [&s, job](const ImapSession::FlagResult &result) {
                      QSet<quint32> changed;
                      for (const mailstore::FlagChange &change : result.changes) {
                          if (change.modseq > 0)
                              changed.insert(quint32(change.uid));
                      }
                      respond(s, job, changed, result.error);
                  });
}

} // namespace maild::imap::commands
