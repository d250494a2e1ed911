// An IMAP connection (see imapsession.h).
#include "imap/imapsession.h"

#include "auth/authenticator.h"
#include "core/context.h"
#include "core/logger.h"
#include "core/settings.h"
#include "imap/commandtable.h"
#include "imap/imapservice.h"
#include "imap/selectedmailbox.h"
#include "imap/spooledliteral.h"
#include "mailstore/mailstore.h"
#include "tls/certstore.h"

#include <QFile>

namespace maild::imap {

namespace {

constexpr qint64 kChunk = 64 * 1024;
constexpr qint64 kHighWater = 256 * 1024;

ParserLimits limitsFor(core::Context &context)
{
    ParserLimits limits;
    limits.maxLiteralBytes = context.settings.integer(QStringLiteral("imap.maxAppendBytes"));
    return limits;
}

} // namespace

ImapSession::ImapSession(ImapService &service, QSslSocket *socket, bool implicitTls, QObject *parent)
    : net::LineSession(socket, 64 * 1024, parent), m_service(service), m_parser(limitsFor(service.context()))
{
    setIdleTimeout(int(context().settings.integer(QStringLiteral("imap.idleTimeoutSeconds")) * 1000));
    if (!implicitTls) {
        greet();
        return;
    }
    const auto config = context().certificates->serverConfiguration(QStringLiteral("imap"));
    if (!config) {
        core::logError(QStringLiteral("imap"), QStringLiteral("no usable certificate for IMAPS; closing the connection"));
        closeNow();
        return;
    }
    startTls(*config, false);
}

ImapSession::~ImapSession()
{
    if (!m_account.isEmpty())
        m_service.removeListener(m_account, this);
}

core::Context &ImapSession::context()
{
    return m_service.context();
}

QString ImapSession::accountDir()
{
    return context().mailStore->accountDir(m_account);
}

QJsonObject ImapSession::describe() const
{
    return {{QStringLiteral("service"), QStringLiteral("imap")},
            {QStringLiteral("client"), peer().toString()},
            {QStringLiteral("user"), m_account},
            {QStringLiteral("mailbox"), m_selected ? m_selected->name() : QString()},
            {QStringLiteral("tls"), isEncrypted()},
            {QStringLiteral("idle"), m_lineMode == LineMode::Idle},
            {QStringLiteral("since"), since().toString(Qt::ISODate)}};
}

void ImapSession::greet()
{
    m_greeted = true;
    untagged("OK " + capabilityCode() + ' ' + context().settings.string(QStringLiteral("server.hostname")).toUtf8() +
             " IMAP4rev1 Mailroom ready");
}

QByteArray ImapSession::capabilities()
{
    // RFC 7888: before login LITERAL- (no literal over 4096 octets), after it LITERAL+.
    const bool before = m_state == State::NotAuthenticated;
    QByteArray caps = QByteArray("IMAP4rev1 ") + (before ? "LITERAL-" : "LITERAL+") +
                      " SASL-IR ID ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT CHILDREN "
                      "SPECIAL-USE LIST-EXTENDED LIST-STATUS STATUS=SIZE QUOTA QUOTA=RES-STORAGE CONDSTORE APPENDLIMIT=" +
                      QByteArray::number(context().settings.integer(QStringLiteral("imap.maxAppendBytes")));
    if (before) {
        if (canStartTls())
            caps += " STARTTLS";
        if (loginAllowed()) {
            for (const QString &m : auth::mechanismNames())
                caps += " AUTH=" + m.toLatin1();
        } else {
            caps += " LOGINDISABLED";
        }
    }
    return caps;
}

void ImapSession::shutdown()
{
    if (isClosed())
        return;
    untagged("BYE Server shutting down");
    closeNow();
}

void ImapSession::idleTimeout()
{
    untagged("BYE Autologout; idle for too long");
    closeNow();
}

// -- input ------------------------------------------------------------------------------

void ImapSession::handleRaw()
{
    if (m_streaming || isClosed())
        return;
    qsizetype used = 0;
    const CommandParser::Status status = m_parser.feed(pendingInput(), used);
    consumeInput(used);
    switch (status) {
    case CommandParser::Status::NeedMore:
        return;
    case CommandParser::Status::NeedContinuation:
        write("+ Ready for literal data\r\n");
        return;
    case CommandParser::Status::Command:
        execute(m_parser.takeCommand());
        return;
    case CommandParser::Status::Error:
        if (m_lineMode != LineMode::None) { // an over-long SASL response or DONE line
            const Command pending = m_pending;
            m_lineMode = LineMode::None;
            m_sasl.reset();
            m_scramAccount.reset();
            return bad(pending, "Line too long");
        }
        write(m_parser.error().response() + "\r\n");
        return;
    case CommandParser::Status::Line:
        handleClientLine(m_parser.takeLine());
        return;
    }
}

void ImapSession::execute(Command command)
{
    ++m_service.commands;
    if (command.name == "UID") {
        if (command.arguments.isEmpty() || command.arguments.first().type != Token::Type::Atom)
            return bad(command, "UID needs a command: FETCH, STORE, SEARCH, COPY, MOVE or EXPUNGE");
        command.name = "UID " + command.arguments.takeFirst().value.toUpper();
    }
    const ImapCommand *entry = findCommand(command.name);
    if (!entry)
        return bad(command, "Unknown command " + command.name.left(40));
    const unsigned now = m_state == State::NotAuthenticated ? StateFlag::NotAuthenticated
                         : m_state == State::Authenticated ? StateFlag::Authenticated
                                                           : StateFlag::Selected;
    if (!(entry->states & now)) {
        if (m_state == State::NotAuthenticated)
            return bad(command, command.name + " needs a login first");
        if (entry->states == StateFlag::Selected)
            return bad(command, command.name + " needs a selected mailbox (SELECT or EXAMINE first)");
        return bad(command, command.name + " is not allowed after login");
    }
    m_running = entry;
    entry->handler(*this, command);
}

void ImapSession::handleClientLine(const QByteArray &line)
{
    if (m_lineMode == LineMode::Sasl)
        return handleSaslResponse(line);
    if (m_lineMode == LineMode::Idle) {
        m_lineMode = LineMode::None;
        const Command pending = m_pending;
        if (line.trimmed().compare("DONE", Qt::CaseInsensitive) != 0)
            return bad(pending, "IDLE ends with DONE");
        return ok(pending, "IDLE terminated");
    }
}

// -- output -----------------------------------------------------------------------------

void ImapSession::write(const QByteArray &bytes)
{
    if (isClosed() || bytes.isEmpty())
        return;
    m_service.bytesSent += bytes.size();
    if (m_queue.empty()) {
        send(bytes);
        return;
    }
    m_queue.push_back({bytes, {}, 0, 0});
}

void ImapSession::writeFile(std::shared_ptr<QFile> file, qint64 offset, qint64 length)
{
    if (isClosed() || length <= 0)
        return;
    m_service.bytesSent += length;
    m_queue.push_back({{}, std::move(file), offset, length});
    if (!m_streaming) {
        m_streaming = true;
        pauseInput();
    }
    pump();
}

void ImapSession::outputWritten()
{
    if (!m_queue.empty())
        pump();
    if (m_step)
        continueSteps();
}

void ImapSession::runInSteps(std::function<bool()> step)
{
    m_step = std::move(step);
    suspend();
    continueSteps();
}

void ImapSession::continueSteps()
{
    if (m_stepping)
        return; // a step's own writes do not start the next one
    m_stepping = true;
    while (m_step && !isClosed() && m_queue.empty() && pendingOutput() < kHighWater) {
        if (m_step()) {
            m_step = nullptr;
            m_stepping = false;
            resume();
            return;
        }
    }
    m_stepping = false;
}

void ImapSession::pump()
{
    while (!m_queue.empty() && pendingOutput() < kHighWater && !isClosed()) {
        Chunk &chunk = m_queue.front();
        if (!chunk.file) {
            send(chunk.bytes);
            m_queue.pop_front();
            continue;
        }
        QFile &file = *chunk.file;
        if (!m_fileStarted) {
            m_fileStarted = true;
            if (!file.seek(chunk.offset))
                core::logError(QStringLiteral("imap"), QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            m_fileLeft = chunk.length;
        }
        QByteArray data = file.read(qMin(kChunk, m_fileLeft));
        if (data.isEmpty()) {
            // The literal's length was promised: keep the protocol in step even if the file
            // could not be read (it never should: it is open and immutable).
            data = QByteArray(int(qMin(kChunk, m_fileLeft)), ' ');
        }
        m_fileLeft -= data.size();
        send(data);
        if (m_fileLeft <= 0) {
            m_fileStarted = false;
            m_queue.pop_front();
        }
    }
    if (m_queue.empty() && m_streaming) {
        m_streaming = false;
        resumeInput();
    }
}

void ImapSession::untagged(const QByteArray &text)
{
    write("* " + text + "\r\n");
}

void ImapSession::tagged(const Command &c, const char *status, const QByteArray &text)
{
    m_running = nullptr;
    write(c.tag + ' ' + status + ' ' + text + "\r\n");
}

void ImapSession::ok(const Command &c, const QByteArray &text)
{
    reportChanges(!(m_running && m_running->holdsExpunge));
    tagged(c, "OK", text);
}

void ImapSession::no(const Command &c, const QByteArray &text)
{
    reportChanges(!(m_running && m_running->holdsExpunge));
    tagged(c, "NO", text);
}

void ImapSession::bad(const Command &c, const QByteArray &text)
{
    tagged(c, "BAD", text);
}

void ImapSession::suspend()
{
    ++m_suspended;
    pauseInput();
}

void ImapSession::resume()
{
    if (m_suspended > 0)
        --m_suspended;
    resumeInput();
}

// -- the selected mailbox ----------------------------------------------------------------

void ImapSession::setSelected(std::unique_ptr<SelectedMailbox> mailbox)
{
    m_selected = std::move(mailbox);
    m_state = m_selected ? State::Selected : State::Authenticated;
}

void ImapSession::mailboxChanged(const QString &mailbox)
{
    if (!m_selected || m_selected->name() != mailbox)
        return;
    m_selected->dirty = true;
    if (m_lineMode == LineMode::Idle) {
        reportChanges(true);
        flush();
    }
}

void ImapSession::reportChanges(bool allowExpunge)
{
    if (!m_selected || isClosed())
        return;
    if (!m_selected->dirty && !(allowExpunge && m_selected->pendingExpunge))
        return;
    const bool readOnly = m_selected->readOnly();
    const QString name = m_selected->name();
    QString error;
    const auto snapshot = m_service.snapshot(m_account, name, &error);
    if (!snapshot)
        return; // the index cannot be read now: try again at the next chance
    bool gone = false;
    const QByteArray updates = m_selected->sync(
        *snapshot, allowExpunge, condstoreEnabled,
        [this, name, readOnly](qint64 validity, quint32 maxUid) {
            return m_service.claimRecent(m_account, name, validity, maxUid, readOnly);
        },
        &gone);
    if (gone) {
        untagged("BYE The selected mailbox was deleted or renamed by another session");
        closeNow();
        return;
    }
    write(updates);
}

void ImapSession::changeFlags(const QList<int> &msns, mailstore::FlagMode mode, const QStringList &flags,
                              std::optional<qint64> unchangedSince, std::function<void(const FlagResult &)> done)
{
    SelectedMailbox *box = m_selected.get();
    QList<qint64> ids;
    QHash<qint64, quint32> uidOf;
    for (int msn : msns) {
        const MessageState &m = box->at(msn);
        if (m.expunged)
            continue;
        ids.append(m.id);
        uidOf.insert(m.id, m.uid);
    }
    const QString mailbox = box->name();
    auto result = std::make_shared<FlagResult>();
    suspend();
    context().mailStore->update(
        m_account, this,
        [mailbox, ids, mode, flags, unchangedSince, result](mailstore::IndexUpdate &u) -> QVariant {
            auto row = u.index.mailbox(mailbox);
            if (!row) {
                u.error = QStringLiteral("the mailbox no longer exists");
                return {};
            }
            QList<qint64> apply = ids;
            QList<qint64> refused;
            if (unchangedSince) {
                const QHash<qint64, qint64> current = u.index.modSeqs(ids);
                apply.clear();
                for (qint64 id : ids)
                    (current.value(id) > *unchangedSince ? refused : apply).append(id);
            }
            result->changes = u.index.storeFlags(*row, apply, mode, flags);
            for (qint64 id : std::as_const(refused))
                result->changes.append({id, 0, {}, -1}); // modseq -1 marks a refusal
            for (const auto &c : std::as_const(result->changes)) {
                if (c.modseq > 0) {
                    u.changedMailboxes.append(mailbox);
                    break;
                }
            }
            return {};
        },
        [this, box, uidOf, result, done = std::move(done)](const QString &error, const QVariant &) {
            result->error = error;
            QList<mailstore::FlagChange> kept;
            for (const mailstore::FlagChange &c : std::as_const(result->changes)) {
                if (c.modseq < 0) {
                    result->failedUids.append(uidOf.value(c.id));
                    continue;
                }
                kept.append(c);
                if (m_selected.get() == box && error.isEmpty() && c.modseq > 0)
                    box->applyFlags(quint32(c.uid), c.flags, c.modseq);
            }
            result->changes = kept;
            std::sort(result->failedUids.begin(), result->failedUids.end());
            done(*result);
            resume();
        },
        false, true);
}

// -- TLS and login ------------------------------------------------------------------------

QString ImapSession::tlsMode()
{
    return context().settings.string(QStringLiteral("imap.tls"));
}

bool ImapSession::canStartTls()
{
    return !isEncrypted() && tlsMode() != QLatin1String("off") &&
           context().certificates->serverConfiguration(QStringLiteral("imap")).has_value();
}

bool ImapSession::loginAllowed()
{
    return isEncrypted() || tlsMode() != QLatin1String("required");
}

void ImapSession::beginStartTls(const Command &c)
{
    const auto config = context().certificates->serverConfiguration(QStringLiteral("imap"));
    if (!config)
        return no(c, "[UNAVAILABLE] TLS is not available: no usable certificate");
    ok(c, "Begin TLS negotiation now");
    // RFC 3501 11.1 (and RFC 2595 3.1): anything the client pipelined in the clear is dropped.
    m_parser = CommandParser(limitsFor(context()));
    startTls(*config, true);
}

void ImapSession::tlsEstablished()
{
    if (!m_greeted)
        greet();
}

void ImapSession::login(const Command &c, const QString &name, const QString &password)
{
    suspend();
    const Command pending = c.header();
    context().authenticator->verifyPassword(
        auth::MailProtocol::Imap, name, password, peer(), this, [this, pending](const auth::AuthResult &r) {
            switch (r.outcome) {
            case auth::AuthResult::Outcome::Ok:
                return finishLogin(pending, r.account); // resumes when the mailboxes are ready
            case auth::AuthResult::Outcome::Locked:
                ++m_service.authFailures;
                no(pending, QStringLiteral("[UNAVAILABLE] Too many failed logins; try again in %1 seconds")
                                .arg(r.retryAfter)
                                .toUtf8());
                break;
            case auth::AuthResult::Outcome::Refused:
                ++m_service.authFailures;
                no(pending, "[AUTHORIZATIONFAILED] " + r.reason.toUtf8());
                break;
            case auth::AuthResult::Outcome::BadCredentials:
                ++m_service.authFailures;
                no(pending, "[AUTHENTICATIONFAILED] Authentication failed");
                break;
            }
            resume();
        });
}

void ImapSession::finishLogin(const Command &c, const QString &account)
{
    // Input is suspended (once) by the caller; resumed here when the account's mailboxes exist.
    const Command pending = c.header();
    context().mailStore->prepareAccount(account, this, [this, pending, account](const QString &error) {
        if (!error.isEmpty()) {
            core::logError(QStringLiteral("imap"), QStringLiteral("cannot open the mail of %1: %2").arg(account, error));
            no(pending, "[UNAVAILABLE] Cannot open your mailboxes now; try again later");
        } else {
            m_account = account;
            m_state = State::Authenticated;
            enableLargeLiterals();
            m_service.addListener(account, this);
            ++m_service.logins;
            ok(pending, capabilityCode() + " Logged in");
        }
        resume();
    });
}

void ImapSession::enableLargeLiterals()
{
    m_parser.setAuthenticated(true);
    mailstore::MailStore &store = *context().mailStore;
    m_parser.setSinkFactory([&store](qint64) { return std::make_shared<SpooledLiteral>(store); });
}

void ImapSession::startSasl(const Command &c, std::unique_ptr<auth::SaslMechanism> mechanism,
                            const std::optional<QByteArray> &initial)
{
    m_pending = c.header();
    m_sasl = std::move(mechanism);
    m_lineMode = LineMode::Sasl;
    onSaslStep(m_sasl->start(initial));
}

void ImapSession::endSasl()
{
    m_lineMode = LineMode::None;
    m_sasl.reset();
    m_scramAccount.reset();
}

void ImapSession::handleSaslResponse(const QByteArray &line)
{
    const Command pending = m_pending;
    if (m_scramAccount) {
        const QString account = *m_scramAccount;
        endSasl();
        if (!line.isEmpty())
            return no(pending, "[AUTHENTICATIONFAILED] Expected an empty response after the server signature");
        suspend();
        return finishLogin(pending, account);
    }
    if (line == "*") {
        endSasl();
        return bad(pending, "AUTHENTICATE cancelled");
    }
    const auto decoded = QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        endSasl();
        return bad(pending, "Cannot decode the base64 response");
    }
    onSaslStep(m_sasl->step(decoded.decoded));
}

void ImapSession::onSaslStep(const auth::SaslStep &step)
{
    const Command pending = m_pending;
    switch (step.kind) {
    case auth::SaslStep::Kind::Challenge:
        write("+ " + step.challenge.toBase64() + "\r\n");
        m_parser.expectLine();
        return;
    case auth::SaslStep::Kind::Failure:
        endSasl();
        ++m_service.authFailures;
        return no(pending, "[AUTHENTICATIONFAILED] " + step.error.toUtf8());
    case auth::SaslStep::Kind::Credentials:
        endSasl();
        return login(pending, step.login, step.password);
    case auth::SaslStep::Kind::Verified: {
        auth::Authenticator &a = *context().authenticator;
        auth::AuthResult r = a.precheck(step.login, peer());
        if (r.outcome == auth::AuthResult::Outcome::Ok)
            r = a.conclude(auth::MailProtocol::Imap, step.login, step.account, step.proofOk, peer());
        if (r.outcome == auth::AuthResult::Outcome::Ok) {
            // The server signature as a last challenge; OK follows the client's empty answer.
            write("+ " + step.challenge.toBase64() + "\r\n");
            m_scramAccount = r.account;
            m_parser.expectLine();
            return;
        }
        endSasl();
        ++m_service.authFailures;
        if (r.outcome == auth::AuthResult::Outcome::Locked)
            return no(pending, QStringLiteral("[UNAVAILABLE] Too many failed logins; try again in %1 seconds")
                                   .arg(r.retryAfter)
                                   .toUtf8());
        if (r.outcome == auth::AuthResult::Outcome::Refused)
            return no(pending, "[AUTHORIZATIONFAILED] " + r.reason.toUtf8());
        return no(pending, "[AUTHENTICATIONFAILED] Authentication failed");
    }
    }
}

void ImapSession::logout(const Command &c)
{
    untagged("BYE Logging out");
    m_state = State::Logout;
    tagged(c, "OK", "LOGOUT completed");
    closeNow();
}

void ImapSession::startIdle(const Command &c)
{
    m_pending = c.header();
    m_lineMode = LineMode::Idle;
    write("+ idling\r\n");
    m_parser.expectLine();
    reportChanges(true);
}

} // namespace maild::imap
