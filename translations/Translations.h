#pragma once

#include <QLocale>

namespace Outpost {

/// Installs Qt's own translation (when installed on the system) and Outpost's
/// translation for @p locale into the running application. Returns true when
/// Outpost's own translation for that language was found (English has one for
/// plural forms only: the source text is English).
bool installTranslations(const QLocale &locale = QLocale());

/// Removes what installTranslations() installed, so the language can change at run time.
void removeTranslations();

} // namespace Outpost
