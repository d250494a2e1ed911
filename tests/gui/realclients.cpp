// Real clients for the GUI tests (see realclients.h).
#include "realclients.h"

#include "daemonfixture.h"

#include <QProcess>

namespace guitest {

namespace {

ClientRun finish(QProcess &process, int timeoutMs, const QString &what)
{
    ClientRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.output = what + QStringLiteral(" did not finish");
        return run;
    }
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    run.output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return run;
}

} // namespace

ClientRun runPython(const QString &script, const QStringList &args, int timeoutMs)
{
    QProcess python;
    // The suite's Python (Debian's, see tests/CMakeLists.txt), whatever comes first on PATH.
    python.start(QStringLiteral(MAILROOM_PYTHON_PATH), QStringList{QStringLiteral("-c"), script} + args);
    return finish(python, timeoutMs, QStringLiteral("python3"));
}

QString clientLogin(const QString &protocol, quint16 port, const QString &user, const QString &password)
{
    const QString imap = QStringLiteral("import imaplib, sys\n"
                                        "m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))\n"
                                        "try:\n"
                                        "    m.login(sys.argv[2], sys.argv[3]); print('OK')\n"
                                        "except imaplib.IMAP4.error as e:\n"
                                        "    print('NO', e)\n");
    const QString pop3 = QStringLiteral("import poplib, sys\n"
                                        "p = poplib.POP3('127.0.0.1', int(sys.argv[1]))\n"
                                        "try:\n"
                                        "    p.user(sys.argv[2]); p.pass_(sys.argv[3]); print('OK', p.stat()); p.quit()\n"
                                        "except poplib.error_proto as e:\n"
                                        "    print('ERR', e)\n");
    return runPython(protocol == QLatin1String("imap") ? imap : pop3, {QString::number(port), user, password})
        .output.trimmed();
}

ClientRun mailctl(const QString &socket, const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.start(QStringLiteral(MAILROOM_MAILCTL_PATH),
                  QStringList{QStringLiteral("--socket"), socket, QStringLiteral("--user"), adminUser()} + args);
    process.write(adminPassword().toUtf8() + '\n');
    process.closeWriteChannel();
    return finish(process, timeoutMs, QStringLiteral("mailctl"));
}

} // namespace guitest
