#include <outpost/Version.h>

#include <QProcess>
#include <QTest>

class TestCliVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedHeaderMatchesProject()
    {
        QCOMPARE(QByteArray(Outpost::versionString), QByteArray(OUTPOST_EXPECTED_VERSION));
    }

    void versionIsPrinted()
    {
        QProcess cli;
        cli.start(QStringLiteral(OUTPOST_CLI_PATH), {QStringLiteral("--version")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray out = cli.readAllStandardOutput().trimmed();
        QCOMPARE(out, QByteArray("outpost-cli " OUTPOST_EXPECTED_VERSION));
    }

    void helpDescribesTheProgram()
    {
        QProcess cli;
        cli.start(QStringLiteral(OUTPOST_CLI_PATH), {QStringLiteral("--help")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray out = cli.readAllStandardOutput();
        QVERIFY2(out.contains("--version"), out.constData());
        QVERIFY2(out.contains("receive-then-send"), out.constData());
    }

    void unknownOptionFails()
    {
        QProcess cli;
        cli.start(QStringLiteral(OUTPOST_CLI_PATH), {QStringLiteral("--no-such-option")});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY(cli.exitCode() != 0);
        QVERIFY(cli.readAllStandardError().contains("no-such-option"));
    }
};

QTEST_GUILESS_MAIN(TestCliVersion)
#include "tst_cli_version.moc"
