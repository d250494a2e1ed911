// The command line of mailadmin and mailusers, read before any window exists: --help,
// --version and a wrong option are answered on the terminal without a display (a
// QApplication would abort first when none is there). Called first thing by both mains.
#pragma once

#include <QString>

namespace gui {

struct CommandLine
{
    QString socketPath; // --socket, empty when not given
    QString userName;   // --user, empty when not given
};

// Parses argv for the tool named catalogue ("mailadmin", "mailusers"): installs its
// translations for the help text, prints help or the version and exits with 0, or prints the
// error and exits with 2. description is translated in the context "main" (mark it with
// QT_TRANSLATE_NOOP("main", ...)).
CommandLine parseCommandLine(int argc, char *argv[], const QString &catalogue, const char *description);

} // namespace gui
