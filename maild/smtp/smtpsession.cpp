// An SMTP connection (see smtpsession.h).
#include "smtp/smtpsession.h"

#include "auth/authenticator.h"
#include "core/context.h"
#include "core/logger.h"
#include "core/settings.h"
#include "mailstore/mailstore.h"
#include "smtp/commandtable.h"
#include "smtp/grammar/smtpcommand.h"
#include "smtp/smtpservice.h"
#include "tls/certstore.h"

#include <QLocale>
#include <QRandomGenerator>

namespace maild::smtp {

namespace {

constexpr qsizetype kMaxCommandLine = 1000; // including CRLF (RFC 5321 4.5.3.1.4 allows 512; extensions need more)
constexpr qsizetype kSpoolChunk = 64 * 1024;

QString newMessageId()
{
    const quint64 a = QRandomGenerator::system()->generate64();
    return QString::number(a, 16).rightJustified(16, QLatin1Char('0')).toUpper();
}

QString rfc5322Date(const QDateTime &t)
{
    return QLocale::c().toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")) + QStringLiteral(" +0000");
}

} // namespace

SmtpSession::SmtpSession(SmtpService &service, QSslSocket *socket, bool submission, bool implicitTls, QObject *parent)
    : net::LineSession(socket, kMaxCommandLine, parent), m_service(service), m_submission(submission)
{
    setIdleTimeout(int(context().settings.integer(QStringLiteral("smtp.idleTimeoutSeconds")) * 1000));
    if (!implicitTls) {
        greet();
        return;
    }
    const auto config = context().certificates->serverConfiguration(QStringLiteral("smtp"));
    if (!config) {
        core::logError(QStringLiteral("smtp"), QStringLiteral("no usable certificate for SMTPS; closing the connection"));
        closeNow();
        return;
    }
    startTls(*config, false); // the greeting follows the handshake
}

SmtpSession::~SmtpSession() = default;

core::Context &SmtpSession::context()
{
    return m_service.context();
}

void SmtpSession::greet()
{
    m_greeted = true;
    reply(220, nullptr, context().settings.string(QStringLiteral("server.hostname")) + QStringLiteral(" ESMTP Mailroom"));
}

QJsonObject SmtpSession::describe() const
{
    return {{QStringLiteral("service"), QStringLiteral("smtp")},
            {QStringLiteral("listener"), m_submission ? QStringLiteral("submission") : QStringLiteral("smtp")},
            {QStringLiteral("client"), peer().toString()},
            {QStringLiteral("user"), authUser},
            {QStringLiteral("mailbox"), QString()},
            {QStringLiteral("tls"), isEncrypted()},
            {QStringLiteral("since"), since().toString(Qt::ISODate)}};
}

void SmtpSession::reply(int code, const char *enhanced, const QString &text)
{
    QByteArray line = QByteArray::number(code) + ' ';
    if (enhanced)
        line += QByteArray(enhanced) + ' ';
    send(line + text.toUtf8() + "\r\n");
}

void SmtpSession::replyLines(int code, const QStringList &lines)
{
    QByteArray out;
    for (qsizetype i = 0; i < lines.size(); ++i)
        out += QByteArray::number(code) + (i + 1 < lines.size() ? '-' : ' ') + lines[i].toUtf8() + "\r\n";
    send(out);
}

void SmtpSession::shutdown(const char *enhanced, const QString &text)
{
    if (isClosed())
        return;
    reply(421, enhanced, text);
    closeNow();
}

void SmtpSession::quit()
{
    reply(221, "2.0.0", context().settings.string(QStringLiteral("server.hostname")) + QStringLiteral(" closing connection"));
    closeNow();
}

void SmtpSession::lineTooLong()
{
    reply(500, "5.5.2", QStringLiteral("line too long"));
}

void SmtpSession::idleTimeout()
{
    shutdown("4.4.2", context().settings.string(QStringLiteral("server.hostname")) + QStringLiteral(" idle timeout, closing connection"));
}

void SmtpSession::bytesIn(qint64 count)
{
    m_service.countBytes(count);
}

void SmtpSession::tlsEstablished()
{
    if (!m_greeted) {
        greet(); // implicit TLS (SMTPS)
        return;
    }
    // RFC 3207 4.2: the server discards all knowledge obtained from the client before TLS.
    helo.clear();
    esmtp = false;
    authUser.clear();
    transaction = Transaction();
}

QString SmtpSession::tlsMode()
{
    return context().settings.string(QStringLiteral("smtp.tls"));
}

bool SmtpSession::canStartTls()
{
    return !isEncrypted() && tlsMode() != QLatin1String("off") &&
           context().certificates->serverConfiguration(QStringLiteral("smtp")).has_value();
}

void SmtpSession::beginStartTls()
{
    const auto config = context().certificates->serverConfiguration(QStringLiteral("smtp"));
    if (!config)
        return reply(454, "4.7.0", QStringLiteral("TLS not available: no usable certificate"));
    reply(220, "2.0.0", QStringLiteral("Ready to start TLS"));
    startTls(*config, true);
}

void SmtpSession::handleLine(const QByteArray &line)
{
    if (m_mode == Mode::Auth)
        handleAuthResponse(line);
    else
        handleCommand(line);
}

void SmtpSession::handleCommand(const QByteArray &line)
{
    if (line.contains('\0')) {
        reply(500, "5.5.2", QStringLiteral("NUL characters are not allowed in commands"));
        return;
    }
    const CommandLine command = splitCommand(line);
    const SmtpCommand *entry = findCommand(command.verb);
    if (!entry) {
        reply(500, "5.5.1", QStringLiteral("command not recognized"));
        return;
    }
    if (!(entry->flags & AllowedBeforeTls) && !isEncrypted() && tlsMode() == QLatin1String("required")) {
        reply(530, "5.7.0", QStringLiteral("Must issue a STARTTLS command first"));
        return;
    }
    entry->handler(*this, command.argument);
}

void SmtpSession::startData()
{
    QString error;
    m_messageId = newMessageId();
    m_spool = context().mailStore->createSpool(m_messageId, &error);
    if (!m_spool) {
        core::logError(QStringLiteral("smtp"), error);
        reply(451, "4.3.0", QStringLiteral("cannot accept mail right now: local error in processing"));
        return;
    }
    const QString host = context().settings.string(QStringLiteral("server.hostname"));
    const QByteArray returnPath = "Return-Path: <" + transaction.sender.toUtf8() + ">\r\n";
    const QString protocol = QLatin1String(esmtp ? "ESMTP" : "SMTP") + QLatin1String(isEncrypted() ? "S" : "") +
                             QLatin1String(authUser.isEmpty() ? "" : "A");
    const QString received = QStringLiteral("Received: from %1 ([%2])\r\n\tby %3 (Mailroom) with %4 id %5;\r\n\t%6\r\n")
                                 .arg(helo, peer().toString(), host, protocol, m_messageId,
                                      rfc5322Date(QDateTime::currentDateTimeUtc()));
    m_headerOffset = returnPath.size();
    m_spool->write(returnPath);
    m_spool->write(received.toUtf8());
    m_data = std::make_unique<DataReader>();
    m_dataOut.clear();
    m_dataBytes = 0;
    m_tooLarge = false;
    m_mode = Mode::Data;
    reply(354, nullptr, QStringLiteral("End data with <CR><LF>.<CR><LF>"));
}

void SmtpSession::handleRaw()
{
    const qint64 max = context().settings.integer(QStringLiteral("smtp.maxMessageBytes"));
    const qsizetype before = m_dataOut.size();
    consumeInput(m_data->feed(pendingInput(), m_dataOut));
    m_dataBytes += m_dataOut.size() - before;
    if (m_dataBytes > max)
        m_tooLarge = true;
    if (m_tooLarge)
        m_dataOut.clear(); // keep reading to the end, store nothing more
    if (m_dataOut.size() >= kSpoolChunk || m_data->status() != DataReader::Status::NeedMore) {
        m_spool->write(m_dataOut);
        m_dataOut.clear();
    }
    switch (m_data->status()) {
    case DataReader::Status::NeedMore:
        return;
    case DataReader::Status::BareLineEnding:
        m_service.countRejected();
        m_mode = Mode::Command;
        reply(521, "5.5.2", QStringLiteral("bare LF or CR in message data; lines must end with CRLF"));
        core::logWarning(QStringLiteral("smtp"), QStringLiteral("%1: bare LF/CR in DATA, connection closed").arg(peer().toString()));
        abortData();
        closeNow();
        return;
    case DataReader::Status::Done:
        m_mode = Mode::Command;
        finishData();
        return;
    }
}

void SmtpSession::abortData()
{
    m_spool.reset(); // removes the file
    m_data.reset();
    transaction = Transaction();
}

void SmtpSession::finishData()
{
    const auto refuse = [this](int code, const char *enhanced, const QString &text) {
        m_service.countRejected();
        abortData();
        reply(code, enhanced, text);
    };
    if (m_tooLarge)
        return refuse(552, "5.3.4", QStringLiteral("message too big for this system"));
    if (m_data->sawNul())
        return refuse(554, "5.6.0", QStringLiteral("NUL characters are not allowed in a message"));
    if (m_data->receivedHeaders() > context().settings.integer(QStringLiteral("smtp.maxReceivedHeaders")))
        return refuse(554, "5.4.6", QStringLiteral("too many Received: headers: mail loop"));
    if (!m_spool->flush() || m_spool->failed()) {
        core::logError(QStringLiteral("smtp"), QStringLiteral("cannot write spool file %1").arg(m_spool->path()));
        return refuse(451, "4.3.0", QStringLiteral("local error in processing: cannot write the message"));
    }

    mailstore::DeliveryJob job;
    job.messageId = m_messageId;
    job.sender = transaction.sender;
    job.spoolPath = m_spool->path();
    job.size = m_spool->size();
    job.headerOffset = m_headerOffset;
    job.internalDate = QDateTime::currentDateTimeUtc();
    for (const Recipient &r : std::as_const(transaction.recipients)) {
        if (r.remote) {
            if (!job.remote.contains(r.target, Qt::CaseInsensitive))
                job.remote.append(r.target);
            continue;
        }
        bool seen = false;
        for (const mailstore::LocalRecipient &l : std::as_const(job.local))
            seen = seen || l.account == r.target;
        if (!seen)
            job.local.append({r.target, r.quotaBytes, QStringLiteral("INBOX"), QString()});
    }
    const bool queuedRemote = !job.remote.isEmpty();
    job.spoolFd = m_spool->release();
    m_spool.reset();
    m_data.reset();
    const int recipients = int(transaction.recipients.size());
    transaction = Transaction();

    pauseInput();
    const QString id = job.messageId;
    const qint64 size = job.size;
    context().mailStore->deliver(std::move(job), this, [this, id, size, recipients, queuedRemote](const mailstore::DeliveryResult &r) {
        if (r.ok) {
            m_service.countAccepted(recipients, queuedRemote);
            core::logInfo(QStringLiteral("smtp"), QStringLiteral("%1 accepted from %2: %3 bytes, %4 recipient(s)")
                                                      .arg(id, peer().toString()).arg(size).arg(recipients));
            reply(250, "2.0.0", QStringLiteral("OK: queued as %1").arg(id));
        } else if (r.accountDeleted) {
            m_service.countRejected();
            core::logInfo(QStringLiteral("smtp"), QStringLiteral("%1 refused: the account %2 was deleted during the transaction")
                                                      .arg(id, r.failedRecipient));
            if (recipients == 1)
                reply(550, "5.1.1", QStringLiteral("no such mailbox: the account was deleted"));
            else
                reply(451, "4.3.0", QStringLiteral("a recipient's account was deleted meanwhile; try again"));
        } else if (r.quotaExceeded) {
            m_service.countRejected();
            reply(452, "4.2.2", QStringLiteral("mailbox full for %1; try again later").arg(r.failedRecipient));
        } else {
            m_service.countRejected();
            core::logError(QStringLiteral("smtp"), QStringLiteral("%1 not delivered: %2").arg(id, r.error));
            reply(451, "4.3.0", QStringLiteral("local error in processing; try again later"));
        }
        resumeInput();
    });
}

void SmtpSession::startAuth(std::unique_ptr<auth::SaslMechanism> mechanism, const std::optional<QByteArray> &initial)
{
    m_sasl = std::move(mechanism);
    m_mode = Mode::Auth;
    onSaslStep(m_sasl->start(initial));
}

void SmtpSession::handleAuthResponse(const QByteArray &line)
{
    if (m_scramAccount) {
        // The client's empty answer to the SCRAM server signature completes the exchange.
        const QString account = *std::exchange(m_scramAccount, std::nullopt);
        m_mode = Mode::Command;
        m_sasl.reset();
        if (!line.isEmpty() && line != "=") {
            reply(501, "5.5.2", QStringLiteral("expected an empty response after the server signature"));
            return;
        }
        authUser = account;
        reply(235, "2.7.0", QStringLiteral("authentication successful"));
        return;
    }
    if (line == "*") {
        m_mode = Mode::Command;
        m_sasl.reset();
        reply(501, "5.7.0", QStringLiteral("authentication cancelled"));
        return;
    }
    const auto decoded = QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        m_mode = Mode::Command;
        m_sasl.reset();
        reply(501, "5.5.2", QStringLiteral("cannot decode the base64 response"));
        return;
    }
    onSaslStep(m_sasl->step(decoded.decoded));
}

void SmtpSession::onSaslStep(const auth::SaslStep &step)
{
    auth::Authenticator &authenticator = *context().authenticator;
    const auto finish = [this](const auth::AuthResult &result) {
        m_mode = Mode::Command;
        m_sasl.reset();
        switch (result.outcome) {
        case auth::AuthResult::Outcome::Ok:
            authUser = result.account;
            reply(235, "2.7.0", QStringLiteral("authentication successful"));
            break;
        case auth::AuthResult::Outcome::Locked:
            m_service.countAuthFailure();
            reply(454, "4.7.0", result.reason);
            break;
        case auth::AuthResult::Outcome::Refused:
            m_service.countAuthFailure();
            reply(535, "5.7.8", QStringLiteral("authentication refused: %1").arg(result.reason));
            break;
        case auth::AuthResult::Outcome::BadCredentials:
            m_service.countAuthFailure();
            reply(535, "5.7.8", QStringLiteral("authentication credentials invalid"));
            break;
        }
    };
    switch (step.kind) {
    case auth::SaslStep::Kind::Challenge:
        reply(334, nullptr, QString::fromLatin1(step.challenge.toBase64()));
        return;
    case auth::SaslStep::Kind::Failure:
        m_mode = Mode::Command;
        m_sasl.reset();
        m_service.countAuthFailure();
        reply(501, "5.5.2", step.error);
        return;
    case auth::SaslStep::Kind::Credentials:
        pauseInput();
        authenticator.verifyPassword(auth::MailProtocol::Smtp, step.login, step.password, peer(), this,
                                     [this, finish](const auth::AuthResult &r) {
                                         finish(r);
                                         resumeInput();
                                     });
        return;
    case auth::SaslStep::Kind::Verified: {
        if (auto locked = authenticator.precheck(step.login, peer()); locked.outcome != auth::AuthResult::Outcome::Ok)
            return finish(locked);
        const auth::AuthResult result = authenticator.conclude(auth::MailProtocol::Smtp, step.login, step.account,
                                                               step.proofOk, peer());
        if (result.outcome == auth::AuthResult::Outcome::Ok && !step.challenge.isEmpty()) {
            // SCRAM: the server signature, then success once the client answers.
            reply(334, nullptr, QString::fromLatin1(step.challenge.toBase64()));
            m_scramAccount = result.account;
            return;
        }
        return finish(result);
    }
    }
}

} // namespace maild::smtp
