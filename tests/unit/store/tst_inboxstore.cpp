#include "FileSizeLimit.h"
#include "store/InboxStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

class TestInboxStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliverStreamsIntoMaildir()
    {
        QTemporaryDir dir;
        InboxStore inbox(dir.path());
        QVERIFY(inbox.open());
        QVERIFY(QDir(inbox.maildirPath() + QStringLiteral("/tmp")).exists());
        QVERIFY(QDir(inbox.maildirPath() + QStringLiteral("/new")).exists());
        QVERIFY(QDir(inbox.maildirPath() + QStringLiteral("/cur")).exists());
        QSignalSpy delivered(&inbox, &InboxStore::delivered);

        StoreError error;
        std::unique_ptr<InboxDelivery> d = inbox.beginDelivery(QStringLiteral("uidl-1"), &error);
        QVERIFY(d);
        d->device()->write("Subject: one\r\n\r\n");
        QVERIFY(!inbox.isSeen(QStringLiteral("uidl-1")));
        QVERIFY(!inbox.isStored(QStringLiteral("uidl-1"))); // not yet safe to delete on the server
        QCOMPARE(QDir(inbox.maildirPath() + QStringLiteral("/tmp")).entryList(QDir::Files).size(),
                 1);
        d->device()->write("body\r\n");
        QVERIFY(d->commit(&error));
        QVERIFY(inbox.isSeen(QStringLiteral("uidl-1")));
        QVERIFY(inbox.isStored(QStringLiteral("uidl-1")));
        QCOMPARE(delivered.size(), 1);
        QVERIFY(
            QDir(inbox.maildirPath() + QStringLiteral("/tmp")).entryList(QDir::Files).isEmpty());
        const QList<InboxMessage> messages = inbox.messages();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().uidl, QStringLiteral("uidl-1"));
        QVERIFY(messages.first().path().contains(QLatin1String("/new/")));
        QVERIFY(messages.first().path().endsWith(QLatin1String(",S=22")));
        QFile f(messages.first().path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("Subject: one\r\n\r\nbody\r\n"));
        QVERIFY(!d->commit(&error)); // once only
    }

    void listingFromNamesAndKeptUntilAFolderChanges()
    {
        QTemporaryDir dir;
        InboxStore inbox(dir.path());
        QVERIFY(inbox.open());
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        std::unique_ptr<InboxDelivery> d = inbox.beginDelivery(QStringLiteral("u1"));
        d->device()->write("Subject: one\r\n\r\nbody\r\n");
        QVERIFY(d->commit());
        // Another Maildir program's delivery: a name without the size, moved to cur/.
        const QString foreign = inbox.maildirPath() + QStringLiteral("/cur/1700000000.x.host:2,S");
        QFile f(foreign);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("12345");
        f.close();

        QList<InboxMessage> messages = inbox.messages();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).uidl, QStringLiteral("u1"));
        QCOMPARE(messages.at(0).size, 22);
        QVERIFY(messages.at(0).isNew);
        QVERIFY(messages.at(0).received.toSecsSinceEpoch() >= before);
        QVERIFY(messages.at(0).received.toSecsSinceEpoch() <= QDateTime::currentSecsSinceEpoch());
        QCOMPARE(messages.at(1).path(), foreign);
        QCOMPARE(messages.at(1).size, 5);
        QVERIFY(!messages.at(1).isNew);
        QCOMPARE(messages.at(1).received, QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        // A name that does not start with a plausible time: the file's own time.
        const QString numbered = inbox.maildirPath() + QStringLiteral("/cur/7.demo:2,S");
        QVERIFY(QFile::rename(foreign, numbered));
        const QList<InboxMessage> renamed = inbox.messages();
        QCOMPARE(renamed.at(1).path(), numbered);
        QCOMPARE(renamed.at(1).received, QFileInfo(numbered).lastModified().toUTC());
        QVERIFY(QFile::rename(numbered, foreign));

        // A new delivery shows at once; so does a message another program removed.
        d = inbox.beginDelivery(QStringLiteral("u2"));
        d->device()->write("Subject: two\r\n\r\n");
        QVERIFY(d->commit());
        QCOMPARE(inbox.messages().size(), 3);
        QVERIFY(QFile::remove(foreign));
        QCOMPARE(inbox.messages().size(), 2);
    }

    void abortLeavesNothing()
    {
        QTemporaryDir dir;
        InboxStore inbox(dir.path());
        QVERIFY(inbox.open());
        {
            auto d = inbox.beginDelivery(QStringLiteral("u2"));
            QVERIFY(d);
            d->device()->write("partial");
            d->abort();
        }
        {
            auto d = inbox.beginDelivery(QStringLiteral("u3"));
            d->device()->write("dropped without commit (connection lost)");
        }
        QVERIFY(!inbox.isSeen(QStringLiteral("u2")));
        QVERIFY(!inbox.isSeen(QStringLiteral("u3")));
        QVERIFY(inbox.messages().isEmpty());
        QVERIFY(
            QDir(inbox.maildirPath() + QStringLiteral("/tmp")).entryList(QDir::Files).isEmpty());
    }

    void seenUidlsPersist()
    {
        QTemporaryDir dir;
        {
            InboxStore inbox(dir.path());
            QVERIFY(inbox.open());
            for (int i = 0; i < 5; ++i) {
                auto d = inbox.beginDelivery(QStringLiteral("id%1").arg(i));
                d->device()->write("x\r\n");
                QVERIFY(d->commit());
            }
            QVERIFY(inbox.markSeen(QStringLiteral("skipped")));
            QVERIFY(inbox.markSeen(QStringLiteral("a?b")));
        }
        // A crash mid-append leaves a torn line; it is ignored, and a crash mid-delivery
        // leaves a file in tmp/, which is removed (the server still has the message).
        QFile journal(dir.path() + QStringLiteral("/seen-uidls.txt"));
        QVERIFY(journal.open(QIODevice::Append));
        journal.write("torn-uid");
        journal.close();
        QFile partial(dir.path() + QStringLiteral("/inbox/tmp/123.M1P1Q1.host"));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.close();

        InboxStore inbox(dir.path());
        QVERIFY(inbox.open());
        QCOMPARE(inbox.seenUidls().size(), 7);
        QVERIFY(inbox.seenUidls().contains(QStringLiteral("a?b")));
        QVERIFY(inbox.isSeen(QStringLiteral("a?b")));
        // Kept as bytes: a character Latin-1 cannot hold must not turn into the '?' of another.
        QVERIFY(!inbox.isSeen(QStringLiteral("a\u0100b")));
        QVERIFY(!inbox.isStored(QStringLiteral("a\u0100b")));
        QVERIFY(inbox.isSeen(QStringLiteral("id3")));
        QVERIFY(inbox.isSeen(QStringLiteral("skipped")));
        QVERIFY(!inbox.isStored(QStringLiteral("skipped")));
        QVERIFY(!inbox.isSeen(QStringLiteral("torn-uid")));
        QVERIFY(!partial.exists());
        QCOMPARE(inbox.messages().size(), 5);

        QVERIFY(inbox.retainOnly({QStringLiteral("id1"), QStringLiteral("id2")}));
        InboxStore again(dir.path());
        QVERIFY(again.open());
        QCOMPARE(again.seenUidls().size(), 2);
        QVERIFY(again.isSeen(QStringLiteral("id1")));
        QVERIFY(!again.isSeen(QStringLiteral("id0")));
    }

    void fullDiskKeepsMessageOnServer()
    {
#ifndef Q_OS_UNIX
        QSKIP("needs RLIMIT_FSIZE to simulate a full disk");
#else
        QTemporaryDir dir;
        InboxStore inbox(dir.path());
        QVERIFY(inbox.open());
        StoreError error;
        {
            FileSizeLimit limit(1024);
            auto d = inbox.beginDelivery(QStringLiteral("big"), &error);
            QVERIFY(d);
            d->device()->write(QByteArray(64 * 1024, 'x'));
            QVERIFY(!d->commit(&error));
        }
        QCOMPARE(error.kind, StoreError::Kind::DiskFull);
        QVERIFY(!error.message.isEmpty());
        QVERIFY(!inbox.isSeen(QStringLiteral("big")));
        QVERIFY(!inbox.isStored(QStringLiteral("big"))); // so it is not deleted on the server
        QVERIFY(inbox.messages().isEmpty());
        QVERIFY(
            QDir(inbox.maildirPath() + QStringLiteral("/tmp")).entryList(QDir::Files).isEmpty());
#endif
    }

    void invalidUidlRefused()
    {
        QTemporaryDir dir;
        InboxStore inbox(dir.path());
        QVERIFY(inbox.open());
        StoreError error;
        QVERIFY(!inbox.beginDelivery(QStringLiteral("bad\nuidl"), &error));
        QCOMPARE(error.kind, StoreError::Kind::InvalidMessage);
        QVERIFY(!inbox.beginDelivery(QString(), &error));
    }

    void unwritable()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        InboxStore inbox(blocker.fileName() + QStringLiteral("/acc"));
        StoreError error;
        QVERIFY(!inbox.open(&error));
        QCOMPARE(error.kind, StoreError::Kind::NotWritable);
        QVERIFY(!error.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestInboxStore)
#include "tst_inboxstore.moc"
