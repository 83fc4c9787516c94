#pragma once

#include <QString>

namespace Outpost {

/// Starting Outpost when the user logs in: an XDG autostart entry on Linux, the Run key of
/// the registry on Windows.
namespace Autostart {
/// Whether Outpost starts at login.
bool isEnabled();
/// Turns starting at login on or off for the program @p executable. False on failure.
bool setEnabled(bool on, const QString &executable);
/// The XDG autostart file (Linux).
QString desktopFile();
} // namespace Autostart

} // namespace Outpost
