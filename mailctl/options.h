// Command-line parsing for mailctl: the global options, and a small parser for each
// command's own options (flags, options with a value, repeatable options, positionals).
// Options may appear anywhere after the command name; "--" ends them.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace mailctl {

struct GlobalOptions
{
    QString socket;         // the control socket path
    QString user;           // the administrator to log in as
    bool userGiven = false; // --user or $MAILCTL_USER, not the login-name fallback
    bool json = false;
    bool help = false;
    bool version = false;

    // Defaults from the environment: $MAILROOM_SOCKET, $MAILCTL_USER, the login name.
    static GlobalOptions defaults();
};

struct OptionSpec
{
    const char *name;                // "--limit", "-n"
    const char *valueName = nullptr; // nullptr: a flag without a value
    bool repeatable = false;
};

class Args
{
public:
    QStringList positional;

    bool has(const char *option) const;
    QString value(const char *option) const; // the last one given
    QStringList values(const char *option) const;
    void add(const QString &option, const QString &value);

private:
    QHash<QString, QStringList> m_values;
};

// Parses argv (the words after the command name) against the command's options and the
// global ones, which it stores in globals. Returns the problem in a sentence on failure.
std::optional<QString> parseArgs(const QStringList &argv, const QList<OptionSpec> &specs,
                                 GlobalOptions &globals, Args &out);

// Parses the global options before the command name; returns the index of the command
// word (argv.size() when there is none), or the problem.
std::optional<QString> parseLeadingGlobals(const QStringList &argv, GlobalOptions &globals,
                                           qsizetype &commandIndex);

// A whole number within [min, max], or std::nullopt.
std::optional<qint64> parseInteger(const QString &text, qint64 min, qint64 max);

} // namespace mailctl
