#pragma once

#include "Cli.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

// Runs outpost-cli commands in-process and captures what they print.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline CliRun runCli(QStringList arguments, const QByteArray &standardInput = {})
{
    CliRun run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    QBuffer input;
    input.setData(standardInput);
    input.open(QIODevice::ReadOnly);
    Outpost::Cli cli(out, err);
    cli.setStandardInput(&input);
    QSignalSpy finished(&cli, &Outpost::Cli::finished);
    arguments.prepend(QStringLiteral("outpost-cli"));
    cli.start(arguments);
    if (finished.isEmpty() && !finished.wait(30000))
        return run;
    run.exitCode = finished.first().first().toInt();
    out.flush();
    err.flush();
    return run;
}
