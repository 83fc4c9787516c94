// On a system without a keychain: clear errors, nothing written to a file unless the
// user opted in, and the session memory still works.
#include "CredentialTestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

using namespace Outpost;
using Server = CredentialStore::Server;

class TestCredentialsNoKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readSaysThereIsNoKeychain()
    {
        CredentialStore store(QStringLiteral("outpost-tests"));
        const CredentialResult r = finish(store.read(QStringLiteral("a"), Server::Incoming));
        QCOMPARE(r.error, CredentialError::NoKeychain);
        QVERIFY2(r.message.contains(QLatin1String("No keychain")), qPrintable(r.message));
    }

    void writeFailsClearlyAndWritesNoFile()
    {
        QTemporaryDir dir;
        CredentialStore store(QStringLiteral("outpost-tests"));
        const QString secret = QStringLiteral("s3cr3t-never-on-disk");
        const CredentialResult r =
            finish(store.write(QStringLiteral("a"), Server::Incoming, secret));
        QCOMPARE(r.error, CredentialError::NoKeychain);
        QVERIFY(!r.message.isEmpty());
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.size() < 10 * 1024 * 1024 && f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
    }

    void askEachTimeKeepsThePasswordForTheSession()
    {
        CredentialStore store(QStringLiteral("outpost-tests"));
        store.rememberForSession(QStringLiteral("a"), Server::Incoming, QStringLiteral("typed"));
        const CredentialResult r = finish(store.read(QStringLiteral("a"), Server::Incoming));
        QVERIFY(r.ok());
        QCOMPARE(r.password, QStringLiteral("typed"));
    }

    void explicitPlainFileOptIn()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("passwords.ini"));
        CredentialStore store(QStringLiteral("outpost-tests"));
        store.setPlainFileFallback(file);
        QVERIFY(
            finish(store.write(QStringLiteral("a"), Server::Outgoing, QStringLiteral("pw"))).ok());
        QVERIFY(QFile::exists(file));
        QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());

        CredentialStore later(QStringLiteral("outpost-tests"));
        later.setPlainFileFallback(file);
        const CredentialResult r = finish(later.read(QStringLiteral("a"), Server::Outgoing));
        QVERIFY(r.ok());
        QCOMPARE(r.password, QStringLiteral("pw"));

        QVERIFY(finish(later.remove(QStringLiteral("a"), Server::Outgoing)).error !=
                CredentialError::Other);
        QCOMPARE(finish(later.read(QStringLiteral("a"), Server::Outgoing)).error,
                 CredentialError::NoKeychain);
    }
};

QTEST_GUILESS_MAIN(TestCredentialsNoKeychain)
#include "tst_credentials_nokeychain.moc"
