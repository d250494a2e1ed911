// maild's command line: parsed into DaemonOptions, or a usage error in a sentence.
// Every option is documented by `maild --help`.
#pragma once

#include "paths.h"

#include <QPair>
#include <QStringList>
#include <optional>

namespace maild::core {

struct DaemonOptions
{
    common::Profile profile = common::Profile::Embedded;
    QString dataDir;
    QString user;       // drop privileges to this user after binding ("" = stay)
    QString configFile; // JSON object of default settings
    QStringList listen; // overrides listen.addresses
    QList<QPair<QString, QString>> overrides; // --set key=value and --port/--log-level
    bool checkOnly = false;
    bool quiet = false; // no log echo on stderr
    // auth.passwordIterations may go below common::crypto::kIterationFloor (test suites and
    // benchmarks only; refused with the system profile).
    bool weakPasswordHashing = false;
};

// Parses QCoreApplication::arguments(). Prints help/version and exits for --help/--version.
// On a usage error returns std::nullopt with *error set.
std::optional<DaemonOptions> parseOptions(const QStringList &arguments, QString *error);

} // namespace maild::core
