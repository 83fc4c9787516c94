#pragma once

// Shared by the crash helper and the crash test: what each test message contains.
#include <QString>

namespace CrashTest {

inline QString subjectFor(qint64 n)
{
    return QStringLiteral("crash %1").arg(n);
}

/// Sizes vary from a few lines to ~75 KB, so kills land inside long writes too.
inline QString bodyFor(qint64 n)
{
    const int lines = (n % 13 == 0) ? 1500 : int(n % 40) + 1;
    QString body;
    for (int i = 0; i < lines; ++i)
        body += QStringLiteral("line %1 of message %2 — 日本語\n").arg(i).arg(n);
    return body;
}

} // namespace CrashTest
