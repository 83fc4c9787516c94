#include "Translations.h"

#include <outpost/Version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("outpost-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Outpost"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(Outpost::versionString));
    Outpost::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Outpost's console program: manage accounts and the outbox, and run "
               "receive-then-send cycles without a window."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
