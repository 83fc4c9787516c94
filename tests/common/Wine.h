#pragma once

// Whether the test runs under Wine (scripts/test-windows.sh), for the few places where Wine
// does not do what Windows does; each use says what and how it was seen.

#include <QLibrary>

namespace Wine {

/// True for a Windows program under Wine: its ntdll exports wine_get_version.
inline bool running()
{
#ifdef Q_OS_WIN
    return QLibrary::resolve(QStringLiteral("ntdll"), "wine_get_version") != nullptr;
#else
    return false;
#endif
}

} // namespace Wine
