// Another Outpost start, as far as the single-instance hand-over goes: singleinstance_helper
// PROFILE [ARGUMENTS...]. Prints "handed-over" and ends when an Outpost for PROFILE runs;
// otherwise prints "primary", then "received <arguments, tab-separated>" for each later start,
// until it is killed.
#include "SingleInstance.h"

#include <QCoreApplication>

#include <cstdio>

namespace {
void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    if (arguments.isEmpty())
        return 2;
    Outpost::SingleInstance instance(arguments.takeFirst());
    QObject::connect(&instance, &Outpost::SingleInstance::handedOver, &app, [] {
        say(QStringLiteral("handed-over"));
        QCoreApplication::quit();
    });
    QObject::connect(&instance, &Outpost::SingleInstance::becamePrimary, &app,
                     [] { say(QStringLiteral("primary")); });
    QObject::connect(&instance, &Outpost::SingleInstance::argumentsReceived, &app,
                     [](const QStringList &received) {
                         say(QStringLiteral("received ") + received.join(QLatin1Char('\t')));
                     });
    instance.start(arguments);
    return app.exec();
}
