// A POP3 connection (see pop3session.h).
#include "pop3/pop3session.h"

#include "auth/authenticator.h"
#include "core/context.h"
#include "core/logger.h"
#include "core/settings.h"
#include "mailstore/mailstore.h"
#include "pop3/commandtable.h"
#include "pop3/pop3service.h"
#include "tls/certstore.h"

#include <cstring>

namespace maild::pop3 {

namespace {
constexpr qsizetype kMaxLine = 255;            // RFC 2449: 255 octets including CRLF
constexpr qint64 kChunk = 64 * 1024;
constexpr qint64 kHighWater = 256 * 1024;
} // namespace

Pop3Session::Pop3Session(Pop3Service &service, QSslSocket *socket, bool implicitTls, QObject *parent)
    : net::LineSession(socket, kMaxLine, parent), m_service(service)
{
    setIdleTimeout(int(context().settings.integer(QStringLiteral("pop3.idleTimeoutSeconds")) * 1000));
    if (!implicitTls) {
        greet();
        return;
    }
    const auto config = context().certificates->serverConfiguration(QStringLiteral("pop3"));
    if (!config) {
        core::logError(QStringLiteral("pop3"), QStringLiteral("no usable certificate for POP3S; closing the connection"));
        closeNow();
        return;
    }
    startTls(*config, false);
}

Pop3Session::~Pop3Session()
{
    if (m_holdsMaildrop)
        context().mailStore->unlockMaildrop(m_account);
}

core::Context &Pop3Session::context()
{
    return m_service.context();
}

void Pop3Session::greet()
{
    m_greeted = true;
    ok(context().settings.string(QStringLiteral("server.hostname")) + QStringLiteral(" POP3 Mailroom ready"));
}

QJsonObject Pop3Session::describe() const
{
    return {{QStringLiteral("service"), QStringLiteral("pop3")},
            {QStringLiteral("client"), peer().toString()},
            {QStringLiteral("user"), m_account},
            {QStringLiteral("mailbox"), m_account.isEmpty() ? QString() : QStringLiteral("INBOX")},
            {QStringLiteral("tls"), isEncrypted()},
            {QStringLiteral("since"), since().toString(Qt::ISODate)}};
}

void Pop3Session::ok(const QString &text)
{
    send("+OK " + text.toUtf8() + "\r\n");
}

void Pop3Session::err(const QString &text)
{
    send("-ERR " + text.toUtf8() + "\r\n");
}

void Pop3Session::okLines(const QString &text, const QStringList &lines)
{
    QByteArray out = "+OK " + text.toUtf8() + "\r\n";
    for (const QString &l : lines)
        out += (l.startsWith(QLatin1Char('.')) ? "." : "") + l.toUtf8() + "\r\n";
    send(out + ".\r\n");
}

void Pop3Session::shutdown()
{
    if (isClosed())
        return;
    err(QStringLiteral("[SYS/TEMP] server shutting down; nothing was deleted"));
    closeNow();
}

void Pop3Session::lineTooLong()
{
    err(QStringLiteral("line too long"));
}

void Pop3Session::idleTimeout()
{
    err(QStringLiteral("idle timeout; nothing was deleted"));
    closeNow();
}

QString Pop3Session::tlsMode()
{
    return context().settings.string(QStringLiteral("pop3.tls"));
}

bool Pop3Session::canStartTls()
{
    return !isEncrypted() && tlsMode() != QLatin1String("off") &&
           context().certificates->serverConfiguration(QStringLiteral("pop3")).has_value();
}

bool Pop3Session::credentialsAllowed()
{
    return isEncrypted() || tlsMode() != QLatin1String("required");
}

void Pop3Session::beginStls()
{
    const auto config = context().certificates->serverConfiguration(QStringLiteral("pop3"));
    if (!config)
        return err(QStringLiteral("[SYS/TEMP] TLS not available: no usable certificate"));
    ok(QStringLiteral("Begin TLS negotiation"));
    startTls(*config, true);
}

void Pop3Session::tlsEstablished()
{
    if (!m_greeted) {
        greet();
        return;
    }
    pendingUser.clear(); // RFC 2595 4: start over
}

void Pop3Session::handleLine(const QByteArray &line)
{
    if (m_inSasl)
        return handleSaslResponse(line);
    if (line.contains('\0'))
        return err(QStringLiteral("NUL characters are not allowed"));
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray argument = space < 0 ? QByteArray() : line.mid(space + 1);
    const Pop3Command *command = findCommand(verb);
    if (!command)
        return err(QStringLiteral("unknown command"));
    const bool allowed = m_state == State::Authorization ? (command->states & InAuthorization)
                                                          : (command->states & InTransaction);
    if (!allowed)
        return err(QStringLiteral("%1 not allowed now").arg(QString::fromLatin1(verb)));
    command->handler(*this, argument);
}

void Pop3Session::login(const QString &name, const QString &password)
{
    pauseInput();
    context().authenticator->verifyPassword(auth::MailProtocol::Pop3, name, password, peer(), this,
                                            [this](const auth::AuthResult &r) {
                                                switch (r.outcome) {
                                                case auth::AuthResult::Outcome::Ok:
                                                    finishLogin(r.account);
                                                    break;
                                                case auth::AuthResult::Outcome::Locked:
                                                    ++m_service.authFailures;
                                                    err(QStringLiteral("[LOGIN-DELAY] Too many failed logins; try again in %1 seconds").arg(r.retryAfter));
                                                    break;
                                                case auth::AuthResult::Outcome::Refused:
                                                    ++m_service.authFailures;
                                                    err(QStringLiteral("[AUTH] %1").arg(r.reason));
                                                    break;
                                                case auth::AuthResult::Outcome::BadCredentials:
                                                    ++m_service.authFailures;
                                                    err(QStringLiteral("[AUTH] Authentication failed"));
                                                    break;
                                                }
                                                pendingUser.clear();
                                                resumeInput();
                                            });
}

void Pop3Session::finishLogin(const QString &account)
{
    mailstore::MailStore &store = *context().mailStore;
    if (!store.lockMaildrop(account))
        return err(QStringLiteral("[IN-USE] Mailbox is in use by another POP3 session"));
    QString error;
    auto view = mailstore::MailboxView::open(store.accountDir(account), QStringLiteral("INBOX"), &error);
    if (!view) {
        store.unlockMaildrop(account);
        core::logError(QStringLiteral("pop3"), error);
        return err(QStringLiteral("[SYS/TEMP] cannot open the maildrop; try again later"));
    }
    m_account = account;
    m_holdsMaildrop = true;
    m_messages = view->messages();
    m_uidValidity = view->uidValidity();
    m_state = State::Transaction;
    ++m_service.logins;
    qint64 total = 0;
    for (const auto &m : std::as_const(m_messages))
        total += m.size;
    ok(QStringLiteral("%1 has %2 message(s) (%3 octets)").arg(account).arg(m_messages.size()).arg(total));
}

void Pop3Session::startSasl(std::unique_ptr<auth::SaslMechanism> mechanism, const std::optional<QByteArray> &initial)
{
    m_sasl = std::move(mechanism);
    m_inSasl = true;
    onSaslStep(m_sasl->start(initial));
}

void Pop3Session::handleSaslResponse(const QByteArray &line)
{
    if (m_scramAccount) {
        const QString account = *std::exchange(m_scramAccount, std::nullopt);
        m_inSasl = false;
        m_sasl.reset();
        if (!line.isEmpty() && line != "=")
            return err(QStringLiteral("[AUTH] expected an empty response after the server signature"));
        return finishLogin(account);
    }
    if (line == "*") {
        m_inSasl = false;
        m_sasl.reset();
        return err(QStringLiteral("authentication cancelled"));
    }
    const auto decoded = QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        m_inSasl = false;
        m_sasl.reset();
        return err(QStringLiteral("cannot decode the base64 response"));
    }
    onSaslStep(m_sasl->step(decoded.decoded));
}

void Pop3Session::onSaslStep(const auth::SaslStep &step)
{
    switch (step.kind) {
    case auth::SaslStep::Kind::Challenge:
        send("+ " + step.challenge.toBase64() + "\r\n");
        return;
    case auth::SaslStep::Kind::Failure:
        m_inSasl = false;
        m_sasl.reset();
        ++m_service.authFailures;
        return err(QStringLiteral("[AUTH] %1").arg(step.error));
    case auth::SaslStep::Kind::Credentials:
        m_inSasl = false;
        m_sasl.reset();
        return login(step.login, step.password);
    case auth::SaslStep::Kind::Verified: {
        m_inSasl = false;
        auth::Authenticator &a = *context().authenticator;
        auth::AuthResult r = a.precheck(step.login, peer());
        if (r.outcome == auth::AuthResult::Outcome::Ok)
            r = a.conclude(auth::MailProtocol::Pop3, step.login, step.account, step.proofOk, peer());
        if (r.outcome == auth::AuthResult::Outcome::Ok) {
            // RFC 5034 4: the server signature as a last challenge; +OK follows the client's
            // empty answer.
            send("+ " + step.challenge.toBase64() + "\r\n");
            m_inSasl = true;
            m_scramAccount = r.account;
            return;
        }
        ++m_service.authFailures;
        if (r.outcome == auth::AuthResult::Outcome::Locked)
            return err(QStringLiteral("[LOGIN-DELAY] Too many failed logins; try again in %1 seconds").arg(r.retryAfter));
        return err(r.outcome == auth::AuthResult::Outcome::Refused ? QStringLiteral("[AUTH] %1").arg(r.reason)
                                                                    : QStringLiteral("[AUTH] Authentication failed"));
    }
    }
}

const mailstore::StoredMessage *Pop3Session::message(const QByteArray &number, QString *error) const
{
    bool ok = false;
    const qlonglong n = number.trimmed().toLongLong(&ok);
    if (!ok || n < 1 || n > m_messages.size()) {
        *error = QStringLiteral("no such message");
        return nullptr;
    }
    if (m_deleted.contains(int(n))) {
        *error = QStringLiteral("message %1 is deleted").arg(n);
        return nullptr;
    }
    return &m_messages[qsizetype(n - 1)];
}

void Pop3Session::stream(const mailstore::StoredMessage &message, qint64 bodyLines)
{
    m_file = std::make_unique<QFile>(message.path);
    if (!m_file->open(QIODevice::ReadOnly)) {
        m_file.reset();
        return err(QStringLiteral("[SYS/TEMP] cannot read the message"));
    }
    ok(QStringLiteral("%1 octets").arg(message.size));
    m_atLineStart = true;
    m_inBody = false;
    m_lineLength = 0;
    m_lastByte = '\n';
    m_bodyLinesLeft = bodyLines;
    pauseInput();
    pump();
}

void Pop3Session::outputWritten()
{
    if (m_file && pendingOutput() < kHighWater)
        pump();
}

void Pop3Session::pump()
{
    while (m_file && pendingOutput() < kHighWater && !isClosed()) {
        const QByteArray chunk = m_file->read(kChunk);
        if (chunk.isEmpty())
            return endStream();
        QByteArray out;
        out.reserve(chunk.size() + chunk.size() / 32 + 16);
        const char *p = chunk.constData();
        const char *const end = p + chunk.size();
        // A line at a time: copy it whole, stuff a leading dot, count body lines for TOP.
        while (p < end) {
            if (m_inBody && m_bodyLinesLeft == 0) { // TOP: enough body lines
                send(out);
                return endStream();
            }
            if (m_atLineStart && *p == '.')
                out.append('.'); // byte-stuffing (RFC 1939 3)
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            const char *stop = nl ? nl + 1 : end;
            out.append(p, stop - p);
            if (nl) {
                // The line's length without its CR LF (the CR may have ended the last chunk).
                qint64 length = m_lineLength + (nl - p);
                const char before = nl > p ? nl[-1] : m_lastByte;
                if (length > 0 && before == '\r')
                    --length;
                if (!m_inBody)
                    m_inBody = length == 0; // the empty line ends the headers
                else if (m_bodyLinesLeft > 0)
                    --m_bodyLinesLeft;
                m_atLineStart = true;
                m_lineLength = 0;
            } else {
                m_atLineStart = false;
                m_lineLength += end - p;
            }
            m_lastByte = stop[-1];
            p = stop;
        }
        m_service.bytesSent += out.size();
        send(out);
    }
}

void Pop3Session::endStream()
{
    m_file.reset();
    send(m_atLineStart ? ".\r\n" : "\r\n.\r\n");
    ++m_service.retrieved;
    resumeInput();
}

void Pop3Session::quit()
{
    const QString host = context().settings.string(QStringLiteral("server.hostname"));
    const auto release = [this] {
        if (m_holdsMaildrop)
            context().mailStore->unlockMaildrop(m_account);
        m_holdsMaildrop = false;
    };
    if (m_state == State::Authorization || m_deleted.isEmpty()) {
        release();
        ok(host + QStringLiteral(" POP3 server signing off"));
        closeNow();
        return;
    }
    // UPDATE state (RFC 1939 6): the deletions are committed, then the client is told.
    QList<qint64> ids;
    for (int n : std::as_const(m_deleted))
        ids.append(m_messages[n - 1].id);
    pauseInput();
    const int removed = int(ids.size());
    context().mailStore->expunge(m_account, QStringLiteral("INBOX"), ids, this, [this, host, removed, release](bool done, qint64) {
        release();
        if (done) {
            m_service.deleted += removed;
            ok(host + QStringLiteral(" POP3 server signing off (%1 message(s) deleted)").arg(removed));
        } else {
            err(QStringLiteral("[SYS/TEMP] some deleted messages could not be removed"));
        }
        closeNow();
    });
}

} // namespace maild::pop3
