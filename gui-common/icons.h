// The application's icons, from the mailroom-resources library (":/icons/<name>.svg"), with
// a standard icon of the style when that library or the SVG plugin is missing.
#pragma once

#include <QIcon>
#include <QString>

namespace gui {

// name without extension: "mailadmin", "service-running", "service-stopped", ...
QIcon icon(const QString &name);

} // namespace gui
