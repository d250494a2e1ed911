// Which daemon settings the Settings pane shows on which tab, under which translated label:
// General, Relay, Filters & limits, Logging, Advanced. A key the daemon has but this table
// does not know goes to Advanced under its own name, so nothing is ever hidden.
#pragma once

#include <QList>
#include <QString>

namespace admin {

struct SettingsTab
{
    QString title;
    QList<std::pair<QString, QString>> keys; // key, label
};

QList<SettingsTab> settingsTabs();

} // namespace admin
