// One IMAP connection (RFC 3501): the CommandParser fed from the socket, the connection
// state (not authenticated / authenticated / selected / logout), tagged and untagged
// responses through one ordered output queue that can also stream file ranges (FETCH of
// large messages), asynchronous commands (a password check, a store update) that hold the
// next command back, SASL and STARTTLS, and IDLE.
// Security: every byte read is an unauthenticated network peer's until LOGIN succeeds, and
// an authenticated user's afterwards; handlers get typed tokens and must still check them.
#pragma once

#include "auth/saslmechanism.h"
#include "imap/grammar/commandparser.h"
#include "mailstore/mailindex.h"
#include "net/linesession.h"

#include <QJsonObject>
#include <deque>
#include <functional>
#include <memory>

class QFile;

namespace maild::core {
struct Context;
}

namespace maild::imap {

class ImapService;
class SelectedMailbox;
struct ImapCommand;

class ImapSession : public net::LineSession
{
    Q_OBJECT
public:
    enum class State { NotAuthenticated, Authenticated, Selected, Logout };

    ImapSession(ImapService &service, QSslSocket *socket, bool implicitTls, QObject *parent);
    ~ImapSession() override;

    ImapService &service() { return m_service; }
    core::Context &context();
    State state() const { return m_state; }
    const QString &account() const { return m_account; }
    QString accountDir();
    QJsonObject describe() const;
    void shutdown();
    // The capability list for the current state (CAPABILITY, greeting, LOGIN's OK).
    QByteArray capabilities();

    // -- responses ---------------------------------------------------------------------
    // Everything goes through one queue, in order: bytes, and file ranges streamed as the
    // socket drains. Input is held while a file range is pending.
    void write(const QByteArray &bytes);
    // A range of an open message file (kept open until sent, so an expunge meanwhile
    // cannot take it away).
    void writeFile(std::shared_ptr<QFile> file, qint64 offset, qint64 length);
    void untagged(const QByteArray &text); // "* " text CRLF
    // Tagged completion. ok() first reports what changed in the selected mailbox
    // (EXISTS, EXPUNGE unless the running command forbids it, FETCH FLAGS).
    void ok(const Command &c, const QByteArray &text);
    void no(const Command &c, const QByteArray &text);
    void bad(const Command &c, const QByteArray &text);

    // -- asynchronous commands --------------------------------------------------------
    // suspend(): no further command is read until resume(); the handler's callback sends
    // the tagged response, then calls resume().
    void suspend();
    void resume();
    // A long answer written in steps (FETCH of many messages): step() writes a little and
    // returns true once it has sent the tagged response. It runs again whenever the output
    // has drained below the high-water mark, so no more than that is ever waiting in memory
    // however slowly the client reads. Input is held until the last step.
    void runInSteps(std::function<bool()> step);

    // -- state changes ----------------------------------------------------------------
    bool canStartTls();
    bool loginAllowed(); // false while TLS is required and absent (LOGINDISABLED)
    QString tlsMode();
    void beginStartTls(const Command &c);
    void login(const Command &c, const QString &name, const QString &password);
    void startSasl(const Command &c, std::unique_ptr<auth::SaslMechanism> mechanism,
                   const std::optional<QByteArray> &initial);
    // SELECT/EXAMINE succeeded (or failed: nullptr leaves the Authenticated state).
    void setSelected(std::unique_ptr<SelectedMailbox> mailbox);
    SelectedMailbox *selected() { return m_selected.get(); }
    void logout(const Command &c);
    void startIdle(const Command &c);

    // CONDSTORE (RFC 7162 3.1): once enabled, FETCH responses carry MODSEQ.
    bool condstoreEnabled = false;

    // -- the selected mailbox, changed through the store ------------------------------
    // Changes the flags of messages (by sequence number) through the delivery worker; with
    // unchangedSince (CONDSTORE) messages whose MODSEQ is higher are left alone and reported
    // in failedUids. The local snapshot is updated before done runs. Input is held from the
    // call until done has returned (done writes the responses and the tagged completion).
    struct FlagResult
    {
        QString error;
        QList<mailstore::FlagChange> changes; // one per message that was considered
        QList<quint32> failedUids;            // UNCHANGEDSINCE refused these
    };
    void changeFlags(const QList<int> &msns, mailstore::FlagMode mode, const QStringList &flags,
                     std::optional<qint64> unchangedSince, std::function<void(const FlagResult &)> done);
    // Another session or a delivery changed the mailbox: sync at the next chance (at once
    // while idling).
    void mailboxChanged(const QString &mailbox);
    // The untagged updates of the selected mailbox now, as allowed for the command.
    void reportChanges(bool allowExpunge);

protected:
    bool inRawMode() const override { return true; }
    void handleRaw() override;
    void handleLine(const QByteArray &) override {}
    void lineTooLong() override {}
    void idleTimeout() override;
    void tlsEstablished() override;
    void outputWritten() override;

private:
    void greet();
    void execute(Command command);
    void finishLogin(const Command &c, const QString &account);
    void enableLargeLiterals(); // after login: APPEND's literals, streamed to a spool file
    void handleClientLine(const QByteArray &line);
    void handleSaslResponse(const QByteArray &line);
    void onSaslStep(const auth::SaslStep &step);
    void endSasl();
    void tagged(const Command &c, const char *status, const QByteArray &text);
    void pump();
    QByteArray capabilityCode() { return "[CAPABILITY " + capabilities() + ']'; }

    ImapService &m_service;
    CommandParser m_parser;
    State m_state = State::NotAuthenticated;
    bool m_greeted = false;
    QString m_account;
    std::unique_ptr<SelectedMailbox> m_selected;
    const ImapCommand *m_running = nullptr; // the command being executed, for reportChanges

    // AUTHENTICATE, IDLE: the parser hands raw lines.
    std::unique_ptr<auth::SaslMechanism> m_sasl;
    std::optional<QString> m_scramAccount;
    Command m_pending; // the AUTHENTICATE or IDLE command waiting for its client lines
    enum class LineMode { None, Sasl, Idle } m_lineMode = LineMode::None;
    int m_suspended = 0;

    // Output queue.
    struct Chunk
    {
        QByteArray bytes;
        std::shared_ptr<QFile> file; // a file range when set
        qint64 offset = 0;
        qint64 length = 0;
    };
    std::deque<Chunk> m_queue;
    std::function<bool()> m_step; // the running runInSteps() answer
    bool m_stepping = false;
    void continueSteps();
    bool m_fileStarted = false; // the front chunk's range is being sent
    qint64 m_fileLeft = 0;
    bool m_streaming = false;
};

} // namespace maild::imap
