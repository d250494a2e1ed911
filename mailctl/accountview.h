// Accounts as mailctl shows them (the list table and the one-account block) and the mail
// options typed on the command line (--mail, --quota 2G, ...) turned into the protocol's
// "mail" object. Used by cmd_account.cpp.
#pragma once

#include "options.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace mailctl {

void printAccountTable(const QJsonArray &accounts);
void printAccount(const QJsonObject &account);

// The "mail" object from the mail options present in args (empty when none is given);
// std::nullopt with problem set when a value is not acceptable.
std::optional<QJsonObject> mailOptionsFromArgs(const Args &args, QString &problem);

} // namespace mailctl
