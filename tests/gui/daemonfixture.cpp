// The GUI tests' maild (see daemonfixture.h).
#include "daemonfixture.h"

#include "control/jsonrpc.h"
#include "control/protocol.h"
#include "paths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QTcpServer>
#include <QThread>
#include <QWidget>

namespace guitest {

namespace {

// The listeners maild has today. Each gets a port that was free a moment ago, so that
// daemons of tests running side by side do not fail on each other's default ports.
const QStringList kListeners{QStringLiteral("smtp"), QStringLiteral("submission"),
                             QStringLiteral("smtps"), QStringLiteral("pop3"),
                             QStringLiteral("pop3s"), QStringLiteral("imap"),
                             QStringLiteral("imaps")};

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

QString maildPath()
{
    const QString fromEnv = qEnvironmentVariable("MAILD");
    return fromEnv.isEmpty() ? QStringLiteral(MAILROOM_MAILD_PATH) : fromEnv;
}

} // namespace

DaemonFixture::DaemonFixture(const QString &dataDir)
    : m_dataDir(dataDir), m_password(adminPassword())
{
    if (m_dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                    QStringLiteral("/maild-guitest-XXXXXX"));
        m_dataDir = m_tempDir->path();
    }
}

DaemonFixture::~DaemonFixture()
{
    m_client.reset();
    stop();
}

QString DaemonFixture::socketPath() const
{
    return common::controlSocketPath(m_dataDir);
}

QString DaemonFixture::output() const
{
    QFile f(m_dataDir + QStringLiteral("/maild.out"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool DaemonFixture::start(const QStringList &extraArgs, int timeoutMs)
{
    if (isRunning()) {
        m_error = QStringLiteral("maild is running already");
        return false;
    }
    m_client.reset();
    m_clientLoggedIn = false;
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(maildPath());
    // Passwords hashed with 1,000 iterations (auth.passwordIterations, below its floor only
    // with this option): the GUI tests create many accounts and log in often.
    QStringList args{QStringLiteral("--data-dir"), m_dataDir,
                     QStringLiteral("--profile"),  QStringLiteral("embedded"),
                     QStringLiteral("--listen"),   QStringLiteral("127.0.0.1"),
                     QStringLiteral("--allow-weak-password-hashing"),
                     QStringLiteral("--set"),      QStringLiteral("auth.passwordIterations=1000")};
    m_ports.clear();
    for (const QString &listener : kListeners) {
        const quint16 port = freePort();
        m_ports.insert(listener, port);
        args << QStringLiteral("--port") << QStringLiteral("%1=%2").arg(listener).arg(port);
    }
    m_process->setArguments(args + extraArgs);
    m_process->setStandardOutputFile(m_dataDir + QStringLiteral("/maild.out"), QIODevice::Append);
    m_process->setStandardErrorFile(m_dataDir + QStringLiteral("/maild.out"), QIODevice::Append);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(maildPath(), m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            m_error = QStringLiteral("maild exited with %1:\n%2")
                          .arg(m_process->exitCode())
                          .arg(output());
            return false;
        }
        if (QFile::exists(socketPath())) {
            QLocalSocket probe;
            probe.connectToServer(socketPath());
            if (probe.waitForConnected(1000)) {
                probe.abort();
                return true;
            }
        }
        QThread::msleep(50);
    }
    m_error = QStringLiteral("maild did not open %1 in time:\n%2").arg(socketPath(), output());
    return false;
}

bool DaemonFixture::stop(int timeoutMs)
{
    m_client.reset();
    m_clientLoggedIn = false;
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return true;
    m_process->terminate(); // SIGTERM to this PID only
    if (m_process->waitForFinished(timeoutMs))
        return m_process->exitStatus() == QProcess::NormalExit;
    m_process->kill();
    m_process->waitForFinished(10000);
    m_error = QStringLiteral("maild did not stop within %1 ms of SIGTERM").arg(timeoutMs);
    return false;
}

bool DaemonFixture::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 DaemonFixture::pid() const
{
    return isRunning() ? m_process->processId() : 0;
}

bool DaemonFixture::bootstrap()
{
    m_client = std::make_unique<common::control::ControlClient>();
    if (const QString failure = m_client->connectAndWait(socketPath()); !failure.isEmpty()) {
        m_error = failure;
        return false;
    }
    const common::control::Reply reply =
        m_client->callAndWait(QStringLiteral("auth.bootstrap"),
                              {{QStringLiteral("user"), adminUser()},
                               {QStringLiteral("password"), m_password},
                               {QStringLiteral("fullName"), QStringLiteral("Mail Administrator")}});
    if (!reply.ok()) {
        m_error = QStringLiteral("auth.bootstrap: %1").arg(reply.error->message);
        return false;
    }
    m_clientLoggedIn = true;
    return true;
}

bool DaemonFixture::ensureClient()
{
    if (m_client && m_client->isConnected() && m_clientLoggedIn)
        return true;
    m_client = std::make_unique<common::control::ControlClient>();
    m_clientLoggedIn = false;
    if (const QString failure = m_client->connectAndWait(socketPath()); !failure.isEmpty()) {
        m_error = failure;
        return false;
    }
    const common::control::Reply reply = m_client->callAndWait(
        QStringLiteral("auth.login"),
        {{QStringLiteral("user"), adminUser()}, {QStringLiteral("password"), m_password}});
    if (!reply.ok()) {
        m_error = QStringLiteral("auth.login: %1").arg(reply.error->message);
        return false;
    }
    m_clientLoggedIn = true;
    return true;
}

common::control::Reply DaemonFixture::call(const QString &method, const QJsonObject &params)
{
    if (!ensureClient())
        return {{}, common::control::RpcError(common::control::ErrorCode::InternalError, m_error)};
    return m_client->callAndWait(method, params);
}

QJsonArray DaemonFixture::batch(const QJsonArray &requests)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath());
    if (!socket.waitForConnected(5000)) {
        m_error = socket.errorString();
        return {};
    }
    // Reads lines until an answer (an object with an id, or an array) arrives; notifications
    // sent meanwhile are skipped.
    const auto readAnswer = [&socket]() -> QJsonDocument {
        const QDeadlineTimer deadline(120000);
        while (!deadline.hasExpired()) {
            while (socket.canReadLine()) {
                const QJsonDocument doc = QJsonDocument::fromJson(socket.readLine());
                if (doc.isArray() || doc.object().contains(QStringLiteral("id")))
                    return doc;
            }
            socket.waitForReadyRead(1000);
            if (socket.state() != QLocalSocket::ConnectedState && !socket.canReadLine())
                break;
        }
        return {};
    };
    socket.write(common::control::encodeRequest(
        1, QStringLiteral("auth.login"),
        {{QStringLiteral("user"), adminUser()}, {QStringLiteral("password"), m_password}}));
    const QJsonDocument login = readAnswer();
    if (!login.object().contains(QStringLiteral("result"))) {
        m_error = QStringLiteral("auth.login: %1").arg(QString::fromUtf8(login.toJson()));
        return {};
    }
    QJsonArray frame;
    int id = 100;
    for (const QJsonValue &r : requests) {
        QJsonObject o = r.toObject();
        o.insert(QStringLiteral("jsonrpc"), QStringLiteral("2.0"));
        o.insert(QStringLiteral("id"), id++);
        frame.append(o);
    }
    socket.write(common::control::encodeLine(frame));
    const QJsonDocument answer = readAnswer();
    if (!answer.isArray())
        m_error = QStringLiteral("no batch answer: %1").arg(QString::fromUtf8(answer.toJson()));
    return answer.array();
}

QString saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(MAILROOM_SCREENSHOT_DIR);
    if (!QDir().mkpath(dir))
        return {};
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    return widget->grab().save(path) ? path : QString();
}

} // namespace guitest
