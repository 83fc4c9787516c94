#pragma once

#include <QString>

namespace Outpost {

/// Outpost as the program that opens mailto: links. On Windows a per-user URL protocol in the
/// registry (HKEY_CURRENT_USER\Software\Classes\mailto); on Linux the desktop entry's MimeType
/// does it, so there is nothing to switch.
namespace MailtoHandler {
/// Whether this platform lets Outpost switch it (Windows).
bool isSupported();
/// Whether mailto: links open the program @p executable.
bool isRegistered(const QString &executable);
/// Makes mailto: links open @p executable ("exe" "%1"), or stops that. Turning it off removes
/// only Outpost's own registration, never another program's. False on failure.
bool setRegistered(bool on, const QString &executable);
/// The command the registration runs for @p executable (Windows).
QString command(const QString &executable);
} // namespace MailtoHandler

} // namespace Outpost
