// Loads a tool's translations for the user's locale: its own catalogue, compiled into the
// binary as ":/i18n/<catalogue>_<locale>.qm", and Qt's own (qtbase) when installed.
#pragma once

#include <QLocale>
#include <QString>

namespace gui {

// Installs the translators on the application; returns the catalogue's language that was
// found ("fr", "de"), or an empty string when the program stays in English.
QString installTranslations(const QString &catalogue, const QLocale &locale = QLocale());

} // namespace gui
