#include "Profile.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Outpost {

QString Profile::resolveDirectory(const QString &commandLineDir)
{
    if (!commandLineDir.isEmpty())
        return QDir(commandLineDir).absolutePath();
    const QString fromEnvironment = qEnvironmentVariable(environmentVariable);
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Profile::Profile(const QString &directory)
    : m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
{}

QString Profile::settingsFile() const
{
    return m_directory + QStringLiteral("/outpost.ini");
}

QString Profile::logsDirectory() const
{
    return m_directory + QStringLiteral("/logs");
}

QString Profile::accountDirectory(const QString &accountId) const
{
    return m_directory + QStringLiteral("/accounts/") + accountId;
}

bool Profile::ensureExists(QString *errorMessage) const
{
    const QFileInfo info(m_directory);
    if (info.exists() && !info.isDir()) {
        if (errorMessage)
            *errorMessage = tr("The profile location %1 is a file, not a folder.")
                                .arg(QDir::toNativeSeparators(m_directory));
        return false;
    }
    if (!QDir().mkpath(m_directory)) {
        if (errorMessage)
            *errorMessage = tr("Could not create the profile folder %1. Check that the "
                               "location exists and that you may write to it.")
                                .arg(QDir::toNativeSeparators(m_directory));
        return false;
    }
    return true;
}

} // namespace Outpost
