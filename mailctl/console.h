// mailctl's terminal: writing lines to stdout/stderr (flushed at once, so pipes and
// `log tail --follow` see each line as it is printed), reading plain lines from stdin,
// and the yes/no question asked before destructive commands.
#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace mailctl {

// The translation context of every message mailctl prints: Mailctl::tr("...").
class Mailctl
{
    Q_DECLARE_TR_FUNCTIONS(Mailctl)
};

void printOut(const QString &text); // adds the newline
void printErr(const QString &text); // adds the newline
// "mailctl: <message>" on stderr.
void printError(const QString &message);
// The value as one line of compact JSON on stdout.
void printJson(const QJsonValue &value);

bool stdinIsTerminal();
// The next line of stdin without its line ending; std::nullopt at end of input.
// Reads byte by byte so that nothing past the line is consumed.
std::optional<QString> readStdinLine();
// Asks on the terminal (stderr) and reads the answer; true only for y/yes.
bool askYesNo(const QString &question);
// A line typed on the terminal after a prompt on stderr (echo on).
std::optional<QString> askLine(const QString &prompt);

} // namespace mailctl
