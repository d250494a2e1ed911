// mailctl's commands: one table (commandtable.cpp) names each command, its synopsis, its
// options and the function that runs it; the functions live in one file per group
// (cmd_account.cpp, cmd_log.cpp, ...). main.cpp parses the arguments against the table.
#pragma once

#include "options.h"
#include "session.h"

#include <QJsonArray>
#include <QList>
#include <QString>

namespace mailctl {

struct Command;

// One run of a command: its parsed arguments, and the way to refuse them.
struct Invocation
{
    const Command &command;
    Args args;

    // Prints "mailctl: <problem>" and the command's usage; returns ExitUsage.
    int usage(const QString &problem) const;
};

using CommandFunction = int (*)(Session &, const Invocation &);

struct Command
{
    const char *name;     // "account create": group and verb, or one word
    const char *synopsis; // the arguments after the name
    const char *summary;  // one line, translatable (context "Mailctl")
    QList<OptionSpec> options;
    int minPositional = 0;
    int maxPositional = 0; // -1: unlimited
    bool login = true;     // log in before the first request
    CommandFunction run = nullptr;
};

const QList<Command> &commandTable();
// The command named by the first one or two words of argv; consumed tells how many.
const Command *findCommand(const QStringList &words, int &consumed);
// The full usage text (mailctl --help), or that of one group ("account").
QString usageText(const QString &group = {});

// The services table of "status" and "service list" (cmd_service.cpp).
void printServices(const QJsonArray &services);

// Options shared by account create and account update (see cmd_account.cpp).
QList<OptionSpec> mailOptionSpecs();

int runHello(Session &, const Invocation &);
int runStatus(Session &, const Invocation &);
int runBootstrap(Session &, const Invocation &);
int runServiceList(Session &, const Invocation &);
int runServiceStart(Session &, const Invocation &);
int runServiceStop(Session &, const Invocation &);
int runSettingsGet(Session &, const Invocation &);
int runSettingsSet(Session &, const Invocation &);
int runAccountList(Session &, const Invocation &);
int runAccountGet(Session &, const Invocation &);
int runAccountCreate(Session &, const Invocation &);
int runAccountUpdate(Session &, const Invocation &);
int runAccountDelete(Session &, const Invocation &);
int runAccountPasswd(Session &, const Invocation &);
int runAliasList(Session &, const Invocation &);
int runAliasAdd(Session &, const Invocation &);
int runAliasRemove(Session &, const Invocation &);
int runDomainList(Session &, const Invocation &);
int runDomainAdd(Session &, const Invocation &);
int runDomainRemove(Session &, const Invocation &);
int runLogTail(Session &, const Invocation &);
int runAuditList(Session &, const Invocation &);
int runCall(Session &, const Invocation &);
int runTlsList(Session &, const Invocation &);
int runTlsGet(Session &, const Invocation &);
int runTlsCreateSelfSigned(Session &, const Invocation &);
int runTlsCreateCsr(Session &, const Invocation &);
int runTlsImport(Session &, const Invocation &);
int runTlsAssign(Session &, const Invocation &);
int runTlsDelete(Session &, const Invocation &);
int runConnectionList(Session &, const Invocation &);
int runDisconnect(Session &, const Invocation &);
int runStats(Session &, const Invocation &);
int runMxList(Session &, const Invocation &);
int runMxAdd(Session &, const Invocation &);
int runMxUpdate(Session &, const Invocation &);
int runMxRemove(Session &, const Invocation &);
int runMxZone(Session &, const Invocation &);
int runMxPublishing(Session &, const Invocation &);
int runMxPublish(Session &, const Invocation &);
int runMxCheck(Session &, const Invocation &);

} // namespace mailctl
