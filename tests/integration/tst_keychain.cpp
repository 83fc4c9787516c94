// A round trip through QtKeychain and the real Secret Service (gnome-keyring in the
// test script's private D-Bus session). The secret is random and never printed.
#include <qt6keychain/keychain.h>

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace QKeychain;

namespace {
const QString service = QStringLiteral("outpost-test-keychain");

// Runs a job to completion and returns its error code.
Error run(Job *job)
{
    job->setAutoDelete(false);
    QSignalSpy finished(job, &Job::finished);
    job->start();
    if (!finished.wait(20000))
        return OtherError;
    return job->error();
}
} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeReadDelete()
    {
        const QString key =
            QStringLiteral("roundtrip-%1").arg(QRandomGenerator::global()->generate());
        const QString secret = QString::number(QRandomGenerator::global()->generate64(), 36) +
                               QStringLiteral("-パスワード");

        WritePasswordJob write(service);
        write.setKey(key);
        write.setTextData(secret);
        const Error writeError = run(&write);
        QVERIFY2(writeError == NoError, qPrintable(write.errorString()));

        ReadPasswordJob read(service);
        read.setKey(key);
        QVERIFY2(run(&read) == NoError, qPrintable(read.errorString()));
        // Compare without printing the secret on failure.
        QVERIFY(read.textData() == secret);

        DeletePasswordJob remove(service);
        remove.setKey(key);
        QVERIFY2(run(&remove) == NoError, qPrintable(remove.errorString()));

        ReadPasswordJob again(service);
        again.setKey(key);
        QCOMPARE(run(&again), EntryNotFound);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
