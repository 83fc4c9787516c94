#include "MainWindow.h"
#include "Translations.h"

#include <outpost/Version.h>

#include <QApplication>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Outpost"));
    QApplication::setOrganizationName(QStringLiteral("Outpost"));
    QApplication::setApplicationVersion(QString::fromLatin1(Outpost::versionString));
    QApplication::setDesktopFileName(QStringLiteral("outpost"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/outpost.svg")));
    Outpost::installTranslations();

    Outpost::MainWindow window;
    window.show();
    return app.exec();
}
