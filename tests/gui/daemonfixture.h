// A real maild for the GUI tests: started with QProcess on a temporary data directory
// (embedded profile, loopback only, listeners on free ports), bootstrapped with an
// administrator through the control socket, and stopped by PID. Also screenshots of windows
// for people to look at.
#pragma once

#include "control/controlclient.h"

#include <QHash>
#include <QJsonArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

class QWidget;

namespace guitest {

inline QString adminUser()
{
    return QStringLiteral("admin");
}
inline QString adminPassword()
{
    return QStringLiteral("correct horse battery staple");
}

class DaemonFixture
{
public:
    // An empty dataDir: a fresh temporary directory owned (and removed) by the fixture.
    explicit DaemonFixture(const QString &dataDir = {});
    ~DaemonFixture();
    DaemonFixture(const DaemonFixture &) = delete;
    DaemonFixture &operator=(const DaemonFixture &) = delete;

    // Starts maild and waits until its control socket accepts connections.
    bool start(const QStringList &extraArgs = {}, int timeoutMs = 30000);
    // SIGTERM by PID, then SIGKILL if it has not exited within timeoutMs. True on a clean exit.
    bool stop(int timeoutMs = 30000);
    bool isRunning() const;
    qint64 pid() const;

    // auth.bootstrap of adminUser()/adminPassword(); the fixture's client stays logged in.
    bool bootstrap();
    // A call through the fixture's own client, logging in first when needed.
    common::control::Reply call(const QString &method, const QJsonObject &params = {});
    // Sends requests ({"method", "params"} objects) as one JSON-RPC batch on its own
    // connection (ControlClient has no batch call) and returns the array of answers.
    QJsonArray batch(const QJsonArray &requests);
    // The password the fixture logs in with (after a test changes it).
    void setPassword(const QString &password) { m_password = password; }

    // The port the fixture gave a listener ("smtp", "pop3", ...) at the last start(); 0 if none.
    quint16 port(const QString &listener) const { return m_ports.value(listener); }
    QString dataDir() const { return m_dataDir; }
    QString socketPath() const;
    QString errorString() const { return m_error; }
    // What maild wrote to stdout/stderr (kept in <data-dir>/maild.out).
    QString output() const;

private:
    bool ensureClient();

    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    QString m_password;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<common::control::ControlClient> m_client;
    bool m_clientLoggedIn = false;
    QString m_error;
    QHash<QString, quint16> m_ports;
};

// Where screenshots go: <build>/screenshots/<name>.png. Returns the path written, or empty.
QString saveScreenshot(QWidget *widget, const QString &name);

} // namespace guitest
