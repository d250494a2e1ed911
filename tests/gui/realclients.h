// Real clients nobody here wrote, run as processes against the fixture's maild: Python
// scripts (smtplib, imaplib, poplib) and mailctl with the administrator's password on stdin.
#pragma once

#include <QString>
#include <QStringList>

namespace guitest {

struct ClientRun
{
    bool ok = false;  // finished in time with exit code 0
    QString output;   // stdout then stderr
};

// python3 -c script args...
ClientRun runPython(const QString &script, const QStringList &args, int timeoutMs = 60000);
// A login by Python's imaplib (protocol "imap") or poplib ("pop3"): "OK ..." or the refusal.
QString clientLogin(const QString &protocol, quint16 port, const QString &user, const QString &password);
// mailctl --socket socket --user admin args..., the administrator's password on stdin.
ClientRun mailctl(const QString &socket, const QStringList &args, int timeoutMs = 60000);

} // namespace guitest
