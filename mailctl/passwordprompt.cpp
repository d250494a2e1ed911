// Password input with echo off on a terminal, or from stdin (see passwordprompt.h).
#include "passwordprompt.h"

#include "console.h"

#include <QCoreApplication>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace mailctl {

namespace {

termios g_savedTerminal{};
volatile sig_atomic_t g_echoOff = 0;

// Restores echo before dying of the signal the user sent (Ctrl-C at the prompt).
extern "C" void restoreAndReraise(int sig)
{
    if (g_echoOff)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

std::optional<QString> readHidden(const QString &prompt)
{
    // Echo goes off before the prompt appears, so that nothing typed after it is echoed;
    // TCSADRAIN rather than TCSAFLUSH keeps what was typed ahead.
    termios noEcho{};
    const bool canHide = ::tcgetattr(STDIN_FILENO, &g_savedTerminal) == 0;
    auto oldInt = std::signal(SIGINT, restoreAndReraise);
    auto oldTerm = std::signal(SIGTERM, restoreAndReraise);
    auto oldHup = std::signal(SIGHUP, restoreAndReraise);
    if (canHide) {
        noEcho = g_savedTerminal;
        noEcho.c_lflag &= ~tcflag_t(ECHO);
        noEcho.c_lflag |= ECHONL;
        g_echoOff = ::tcsetattr(STDIN_FILENO, TCSADRAIN, &noEcho) == 0;
    }
    const QByteArray bytes = prompt.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);

    std::optional<QString> line = readStdinLine();
    if (g_echoOff) {
        ::tcsetattr(STDIN_FILENO, TCSADRAIN, &g_savedTerminal);
        g_echoOff = 0;
    }
    std::signal(SIGINT, oldInt);
    std::signal(SIGTERM, oldTerm);
    std::signal(SIGHUP, oldHup);
    return line;
}

} // namespace

std::optional<QString> readPassword(const QString &prompt)
{
    if (stdinIsTerminal())
        return readHidden(prompt);
    return readStdinLine();
}

std::optional<QString> readNewPassword(const QString &prompt, QString &problem)
{
    if (!stdinIsTerminal()) {
        std::optional<QString> line = readStdinLine();
        if (!line)
            problem = Mailctl::tr("no new password on standard input (expected one more line)");
        return line;
    }
    const std::optional<QString> first = readHidden(prompt);
    if (!first) {
        problem = Mailctl::tr("no password entered");
        return std::nullopt;
    }
    const std::optional<QString> second = readHidden(Mailctl::tr("Retype the password: "));
    if (!second || *second != *first) {
        problem = Mailctl::tr("the two passwords do not match");
        return std::nullopt;
    }
    return first;
}

} // namespace mailctl
