#pragma once

#include <QByteArray>
#include <QString>

class QFileDevice;

namespace Outpost {

/// Small helpers for crash-safe files: flush to the disk, then rename, then sync the folder.
class DurableIo
{
public:
    /// Flushes Qt's buffer and the operating system's cache of @p file to the disk.
    static bool syncFile(QFileDevice *file);
    /// Makes a rename or a new file in @p directory durable (POSIX; a no-op on Windows).
    static bool syncDirectory(const QString &directory);
    /// Replaces @p path with @p data atomically: a temporary file, flushed, renamed over it.
    /// On failure the old file is untouched and @p errorString / @p diskFull say why.
    static bool writeAtomically(const QString &path, const QByteArray &data, QString *errorString,
                                bool *diskFull = nullptr);
    /// Renames a file or folder (one system call where Qt would first look at both names); a
    /// file replaces one of the same name, as rename(2) does (MoveFileEx on Windows).
    static bool rename(const QString &from, const QString &to, QString *errorString);
    /// Renames a file or folder and syncs both parent folders.
    static bool renameDurably(const QString &from, const QString &to, QString *errorString);
    /// Whether the last failed write looked like a full disk (ENOSPC, EFBIG, EDQUOT).
    static bool lastErrorWasDiskFull();
    /// Whether @p file failed for lack of space (or a file size limit).
    static bool isDiskFull(const QFileDevice &file);
};

} // namespace Outpost
