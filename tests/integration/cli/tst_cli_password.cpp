// `outpost-cli account password` stores into the real Secret Service, and the
// password appears in no file of the profile and in nothing the program prints.
#include "CliRunner.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace Outpost;

class TestCliPassword : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesInKeychainOnly()
    {
        QTemporaryDir dir;
        const QStringList profile{QStringLiteral("--profile"), dir.path()};
        QCOMPARE(
            runCli(QStringList{"account", "add", "W", "--address", "w@example.com", "--pop-host",
                               "pop.example.com", "--smtp-host", "smtp.example.com"} +
                   profile)
                .exitCode,
            0);
        const QByteArray secret =
            "pw-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
        const CliRun r = runCli(
            QStringList{"account", "password", "W", "--password-stdin"} + profile, secret + "\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(QString::fromLatin1(secret)));
        QVERIFY(!r.err.contains(QString::fromLatin1(secret)));

        CredentialStore store;
        QSignalSpy spy(store.read(QStringLiteral("w"), CredentialStore::Server::Incoming),
                       &CredentialJob::finished);
        QVERIFY(spy.wait(20000));
        const auto result = spy.first().first().value<CredentialResult>();
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(result.password == QString::fromLatin1(secret)); // no trailing newline

        QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret), qPrintable(f.fileName()));
        }
        QCOMPARE(runCli(QStringList{"account", "remove", "W"} + profile).exitCode, 0);
        QSignalSpy gone(store.read(QStringLiteral("w"), CredentialStore::Server::Incoming),
                        &CredentialJob::finished);
        QVERIFY(gone.wait(20000));
        QCOMPARE(gone.first().first().value<CredentialResult>().error, CredentialError::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCliPassword)
#include "tst_cli_password.moc"
