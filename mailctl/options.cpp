// Command-line parsing for mailctl (see options.h).
#include "options.h"

#include "console.h"
#include "paths.h"

#include <QCoreApplication>
#include <pwd.h>
#include <unistd.h>

namespace mailctl {

namespace {

const QList<OptionSpec> &globalSpecs()
{
    static const QList<OptionSpec> specs{
        {"--socket", "PATH"}, {"--user", "NAME"}, {"--json"}, {"--help"}, {"-h"}, {"--version"}};
    return specs;
}

const OptionSpec *findSpec(const QList<OptionSpec> &specs, const QString &name)
{
    for (const OptionSpec &s : specs) {
        if (name == QLatin1String(s.name))
            return &s;
    }
    return nullptr;
}

// Applies one global option; returns false when the name is not a global option.
bool applyGlobal(GlobalOptions &g, const QString &name, const QString &value)
{
    if (name == QLatin1String("--socket")) {
        g.socket = value;
    } else if (name == QLatin1String("--user")) {
        g.user = value;
        g.userGiven = true;
    } else if (name == QLatin1String("--json")) {
        g.json = true;
    } else if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        g.help = true;
    } else if (name == QLatin1String("--version")) {
        g.version = true;
    } else {
        return false;
    }
    return true;
}

bool looksLikeOption(const QString &word)
{
    return word.size() > 1 && word.startsWith(QLatin1Char('-'));
}

// Splits "--name=value" and takes the value from the next word when the option needs one.
std::optional<QString> takeOption(const QStringList &argv, qsizetype &i, const OptionSpec &spec,
                                  const QString &name, std::optional<QString> inlineValue,
                                  QString &value)
{
    if (!spec.valueName) {
        if (inlineValue)
            return Mailctl::tr("%1 takes no value").arg(name);
        return std::nullopt;
    }
    if (inlineValue) {
        value = *inlineValue;
        return std::nullopt;
    }
    if (i + 1 >= argv.size())
        return Mailctl::tr("%1 needs a value (%2)").arg(name, QLatin1String(spec.valueName));
    value = argv.at(++i);
    return std::nullopt;
}

} // namespace

GlobalOptions GlobalOptions::defaults()
{
    GlobalOptions g;
    g.socket = common::defaultControlSocket();
    g.user = qEnvironmentVariable("MAILCTL_USER");
    g.userGiven = !g.user.isEmpty();
    if (g.user.isEmpty()) {
        if (const passwd *pw = ::getpwuid(::getuid()))
            g.user = QString::fromLocal8Bit(pw->pw_name);
    }
    return g;
}

bool Args::has(const char *option) const
{
    return m_values.contains(QLatin1String(option));
}

QString Args::value(const char *option) const
{
    const QStringList v = m_values.value(QLatin1String(option));
    return v.isEmpty() ? QString() : v.last();
}

QStringList Args::values(const char *option) const
{
    return m_values.value(QLatin1String(option));
}

void Args::add(const QString &option, const QString &value)
{
    m_values[option].append(value);
}

std::optional<QString> parseArgs(const QStringList &argv, const QList<OptionSpec> &specs,
                                 GlobalOptions &globals, Args &out)
{
    bool optionsEnded = false;
    for (qsizetype i = 0; i < argv.size(); ++i) {
        const QString &word = argv.at(i);
        if (optionsEnded || !looksLikeOption(word)) {
            out.positional.append(word);
            continue;
        }
        if (word == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        QString name = word;
        std::optional<QString> inlineValue;
        if (const qsizetype eq = word.indexOf(QLatin1Char('='));
            eq > 0 && word.startsWith(QLatin1String("--"))) {
            name = word.left(eq);
            inlineValue = word.mid(eq + 1);
        }
        const OptionSpec *spec = findSpec(specs, name);
        const bool global = !spec && (spec = findSpec(globalSpecs(), name));
        if (!spec)
            return Mailctl::tr("unknown option %1").arg(name);
        QString value;
        if (auto problem = takeOption(argv, i, *spec, name, inlineValue, value))
            return problem;
        if (global) {
            applyGlobal(globals, name, value);
            continue;
        }
        if (!spec->repeatable && out.has(spec->name))
            return Mailctl::tr("%1 given more than once").arg(name);
        out.add(name, value);
    }
    return std::nullopt;
}

std::optional<QString> parseLeadingGlobals(const QStringList &argv, GlobalOptions &globals,
                                           qsizetype &commandIndex)
{
    qsizetype i = 0;
    for (; i < argv.size(); ++i) {
        const QString &word = argv.at(i);
        if (!looksLikeOption(word))
            break;
        QString name = word;
        std::optional<QString> inlineValue;
        if (const qsizetype eq = word.indexOf(QLatin1Char('=')); eq > 0) {
            name = word.left(eq);
            inlineValue = word.mid(eq + 1);
        }
        const OptionSpec *spec = findSpec(globalSpecs(), name);
        if (!spec)
            return Mailctl::tr("unknown option %1").arg(name);
        QString value;
        if (auto problem = takeOption(argv, i, *spec, name, inlineValue, value))
            return problem;
        applyGlobal(globals, name, value);
    }
    commandIndex = i;
    return std::nullopt;
}

std::optional<qint64> parseInteger(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

} // namespace mailctl
