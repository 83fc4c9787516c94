#include "Autostart.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace Outpost::Autostart {

#ifdef Q_OS_WIN
namespace {
const QString runKey =
    QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
}

bool isEnabled()
{
    return QSettings(runKey, QSettings::NativeFormat).contains(QStringLiteral("Outpost"));
}

bool setEnabled(bool on, const QString &executable)
{
    QSettings settings(runKey, QSettings::NativeFormat);
    if (on)
        settings.setValue(QStringLiteral("Outpost"),
                          QStringLiteral("\"%1\"").arg(QDir::toNativeSeparators(executable)));
    else
        settings.remove(QStringLiteral("Outpost"));
    settings.sync();
    return settings.status() == QSettings::NoError;
}

QString desktopFile()
{
    return {};
}
#else
QString desktopFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart/outpost.desktop");
}

bool isEnabled()
{
    return QFile::exists(desktopFile());
}

bool setEnabled(bool on, const QString &executable)
{
    if (!on)
        return !QFile::exists(desktopFile()) || QFile::remove(desktopFile());
    QDir().mkpath(QFileInfo(desktopFile()).absolutePath());
    QSaveFile file(desktopFile());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QByteArray quoted = '"' + executable.toUtf8() + '"';
    file.write("[Desktop Entry]\n"
               "Type=Application\n"
               "Name=Outpost\n"
               "Comment=Mail outbox scheduler for POP-before-SMTP servers\n"
               "Exec=" +
               quoted +
               "\n"
               "Icon=outpost\n"
               "Terminal=false\n"
               "X-GNOME-Autostart-enabled=true\n");
    return file.commit();
}
#endif

} // namespace Outpost::Autostart
