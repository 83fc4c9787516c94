#include "MailtoHandler.h"

#include <QDir>
#include <QSettings>

namespace Outpost::MailtoHandler {

QString command(const QString &executable)
{
    return QStringLiteral("\"%1\" \"%2\"")
        .arg(QDir::toNativeSeparators(executable), QStringLiteral("%1"));
}

#ifdef Q_OS_WIN
namespace {
// The user's own classes override the machine's (HKEY_CLASSES_ROOT merges both), and need no
// administrator.
const QString classesKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Classes");
const QString commandValue = QStringLiteral("mailto/shell/open/command/Default");
} // namespace

bool isSupported()
{
    return true;
}

bool isRegistered(const QString &executable)
{
    const QSettings classes(classesKey, QSettings::NativeFormat);
    return classes.value(commandValue)
               .toString()
               .compare(command(executable), Qt::CaseInsensitive) == 0;
}

bool setRegistered(bool on, const QString &executable)
{
    QSettings classes(classesKey, QSettings::NativeFormat);
    if (on) {
        // A URL protocol: the key's default value names it, an empty "URL Protocol" value
        // marks it as one, and shell\open\command runs with the link as %1.
        classes.remove(QStringLiteral("mailto"));
        classes.setValue(QStringLiteral("mailto/Default"), QStringLiteral("URL:MailTo Protocol"));
        classes.setValue(QStringLiteral("mailto/URL Protocol"), QString());
        classes.setValue(QStringLiteral("mailto/DefaultIcon/Default"),
                         QStringLiteral("\"%1\",0").arg(QDir::toNativeSeparators(executable)));
        classes.setValue(commandValue, command(executable));
    } else if (isRegistered(executable)) {
        classes.remove(QStringLiteral("mailto"));
    }
    classes.sync();
    return classes.status() == QSettings::NoError;
}
#else
bool isSupported()
{
    return false;
}

bool isRegistered(const QString &)
{
    return false;
}

bool setRegistered(bool, const QString &)
{
    return false;
}
#endif

} // namespace Outpost::MailtoHandler
