// `outpost-cli account password` stores into the real keychain (the Secret Service; the
// Credential Manager on Windows, read back here with CredReadW), and the password appears in
// no file of the profile and in nothing the program prints.
#include "CliRunner.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>

#ifdef Q_OS_WIN
#include <windows.h>

#include <wincred.h> // needs windows.h first
#endif

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
#ifdef Q_OS_WIN
        // In the Credential Manager, as a generic credential named by the key alone (QtKeychain
        // 0.14 leaves the service out of the target name), holding exactly the password.
        PCREDENTIALW credential = nullptr;
        QVERIFY2(CredReadW(L"w:pop", CRED_TYPE_GENERIC, 0, &credential),
                 qPrintable(QString::number(GetLastError())));
        const QByteArray blob(reinterpret_cast<const char *>(credential->CredentialBlob),
                              qsizetype(credential->CredentialBlobSize));
        CredFree(credential);
        QVERIFY(blob == secret); // not printed when it differs
#endif

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
#ifdef Q_OS_WIN
        // Removing the account removed the credential itself.
        QVERIFY(!CredReadW(L"w:pop", CRED_TYPE_GENERIC, 0, &credential));
        QCOMPARE(GetLastError(), DWORD(ERROR_NOT_FOUND));
#endif
    }
};

QTEST_GUILESS_MAIN(TestCliPassword)
#include "tst_cli_password.moc"
