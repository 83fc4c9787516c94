#include "Cli.h"
#include "Translations.h"

#include <outpost/Version.h>

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Outpost"));
    QCoreApplication::setOrganizationName(QStringLiteral("Outpost"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(Outpost::versionString));
    Outpost::installTranslations();

    QTextStream out(stdout);
    QTextStream err(stderr);
    Outpost::Cli cli(out, err);
    QObject::connect(&cli, &Outpost::Cli::finished, &app, &QCoreApplication::exit);
    QTimer::singleShot(0, &cli, [&] { cli.start(QCoreApplication::arguments()); });
    return app.exec();
}
