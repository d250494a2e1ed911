// The list of the Server Admin window's panes, in tab order. The window creates one of each.
#pragma once

#include "pane.h"

#include <QList>

namespace admin {

using PaneFactory = Pane *(*)(const PaneContext &context, QWidget *parent);

const QList<PaneFactory> &paneFactories();

} // namespace admin
