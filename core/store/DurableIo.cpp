#include "DurableIo.h"

#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstdio>
#include <cstring>

#ifdef Q_OS_WIN
#include <QtCore/qt_windows.h>
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Outpost {

namespace {
thread_local int lastErrno = 0;
}

bool DurableIo::lastErrorWasDiskFull()
{
#ifdef EDQUOT
    if (lastErrno == EDQUOT)
        return true;
#endif
    return lastErrno == ENOSPC || lastErrno == EFBIG;
}

bool DurableIo::isDiskFull(const QFileDevice &file)
{
    if (file.error() == QFileDevice::ResourceError)
        return true;
    if (file.error() == QFileDevice::NoError)
        return false;
    // Qt reports EFBIG and EDQUOT as plain write errors; its text is the system's.
    const QString text = file.errorString();
    for (const int code : {ENOSPC, EFBIG
#ifdef EDQUOT
                           ,
                           EDQUOT
#endif
         }) {
        if (text == qt_error_string(code))
            return true;
    }
    return lastErrorWasDiskFull();
}

bool DurableIo::syncFile(QFileDevice *file)
{
    errno = 0;
    if (!file->flush()) {
        lastErrno = errno;
        return false;
    }
    const int fd = file->handle();
    if (fd < 0)
        return true;
#ifdef Q_OS_WIN
    if (::_commit(fd) != 0) {
#else
    if (::fsync(fd) != 0) {
#endif
        lastErrno = errno;
        return false;
    }
    return true;
}

bool DurableIo::syncDirectory(const QString &directory)
{
#ifdef Q_OS_WIN
    Q_UNUSED(directory);
    return true; // NTFS journals renames; there is no folder handle to flush
#else
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#endif
}

bool DurableIo::writeAtomically(const QString &path, const QByteArray &data, QString *errorString,
                                bool *diskFull)
{
    lastErrno = 0;
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok) {
        errno = 0;
        ok = file.write(data) == data.size();
        if (!ok)
            lastErrno = errno;
    }
    ok = ok && syncFile(&file);
    if (ok) {
        errno = 0;
        ok = file.commit();
        if (!ok && lastErrno == 0)
            lastErrno = errno;
    } else {
        file.cancelWriting();
    }
    if (!ok) {
        if (errorString)
            *errorString = file.errorString();
        if (diskFull)
            *diskFull = isDiskFull(file);
        return false;
    }
    syncDirectory(QFileInfo(path).absolutePath());
    return true;
}

bool DurableIo::rename(const QString &from, const QString &to, QString *errorString)
{
#ifdef Q_OS_WIN
    // As rename(2): a file replaces one of the same name. MOVEFILE_WRITE_THROUGH returns only
    // once the move is on the disk (Windows has no folder handle to flush afterwards).
    const QString nativeFrom = QDir::toNativeSeparators(from);
    const QString nativeTo = QDir::toNativeSeparators(to);
    const bool ok = ::MoveFileExW(reinterpret_cast<const wchar_t *>(nativeFrom.utf16()),
                                  reinterpret_cast<const wchar_t *>(nativeTo.utf16()),
                                  MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) != 0;
    const QString why = ok ? QString() : qt_error_string(int(::GetLastError()));
#else
    const bool ok =
        ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
    const QString why = ok ? QString() : QString::fromLocal8Bit(std::strerror(errno));
#endif
    if (!ok && errorString)
        *errorString = QStringLiteral("rename %1 -> %2 failed %3").arg(from, to, why).trimmed();
    return ok;
}

bool DurableIo::renameDurably(const QString &from, const QString &to, QString *errorString)
{
    if (!rename(from, to, errorString))
        return false;
    syncDirectory(QFileInfo(to).absolutePath());
    const QString fromParent = QFileInfo(from).absolutePath();
    if (fromParent != QFileInfo(to).absolutePath())
        syncDirectory(fromParent);
    return true;
}

} // namespace Outpost
