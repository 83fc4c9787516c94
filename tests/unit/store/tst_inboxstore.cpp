#include "FileSizeLimit.h"
#include "store/InboxStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {
// The Maildir info Outpost writes: ":2,<flags>", and ";2,<flags>" on Windows (no ':' there).
#ifdef Q_OS_WIN
const QString info = QStringLiteral(";2,");
#else
const QString info = QStringLiteral(":2,");
#endif
} // namespace

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
    void readFlagIsTheMaildirWayAndPersists()
    {
        QTemporaryDir dir;
        QString path;
        {
            InboxStore inbox(dir.path());
            QVERIFY(inbox.open());
            path = deliver(inbox, QStringLiteral("u1"), "Subject: one\r\n\r\nbody\r\n");
            QCOMPARE(inbox.unreadCount(), 1);
            QVERIFY(!inbox.messages().first().seen);
            QSignalSpy changed(&inbox, &InboxStore::changed);
            StoreError error;
            const std::optional<QString> read = inbox.setRead(path, true, &error);
            QVERIFY2(read, qPrintable(error.message));
            QCOMPARE(changed.size(), 1);
            QVERIFY(!QFile::exists(path));
            // cur/<name>:2,S as every Maildir reader writes it
            QCOMPARE(*read, inbox.maildirPath() + QStringLiteral("/cur/") +
                                QFileInfo(path).fileName() + info + QLatin1Char('S'));
            QVERIFY(QFile::exists(*read));
            const QList<InboxMessage> messages = inbox.messages();
            QCOMPARE(messages.size(), 1);
            QVERIFY(messages.first().seen);
            QVERIFY(!messages.first().isNew);
            QCOMPARE(messages.first().uidl, QStringLiteral("u1"));
            QCOMPARE(inbox.unreadCount(), 0);
            QVERIFY(inbox.isStored(QStringLiteral("u1")));
        }
        // Re-opened: still read (the name says so).
        InboxStore again(dir.path());
        QVERIFY(again.open());
        QCOMPARE(again.unreadCount(), 0);
        QVERIFY(again.messages().first().seen);
        // Unread again: cur/ without S; other flags another program set are kept.
        const QString read = again.messages().first().path();
        const QString flagged = read.left(read.size() - 1) + QStringLiteral("FS");
        QVERIFY(QFile::rename(read, flagged));
        const std::optional<QString> unread = again.setRead(flagged, false);
        QVERIFY(unread);
        QVERIFY(unread->endsWith(info + QLatin1Char('F')));
        QCOMPARE(again.unreadCount(), 1);
        const std::optional<QString> readAgain = again.setRead(*unread, true);
        QVERIFY(readAgain);
        QVERIFY(readAgain->endsWith(info + QStringLiteral("FS")));
    }

    void setReadOnAMessageThatMovedSaysSo()
    {
        QTemporaryDir dir;
        InboxStore inbox(dir.path());
        QVERIFY(inbox.open());
        const QString path = deliver(inbox, QStringLiteral("u1"), "Subject: one\r\n\r\nx\r\n");
        QVERIFY(QFile::rename(path, dir.filePath(QStringLiteral("elsewhere"))));
        StoreError error;
        QVERIFY(!inbox.setRead(path, true, &error));
        QCOMPARE(error.kind, StoreError::Kind::NotFound);
        QVERIFY(error.message.contains(QLatin1String("no longer there")));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("elsewhere")))); // nothing lost
        // A file outside the Maildir is refused, never moved.
        QVERIFY(!inbox.setRead(dir.filePath(QStringLiteral("elsewhere")), true, &error));
        QCOMPARE(error.kind, StoreError::Kind::NotFound);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("elsewhere"))));
    }

    void deletedItemsMoveRestoreAndEmpty()
    {
        QTemporaryDir dir;
        InboxStore inbox(dir.path());
        QVERIFY(inbox.open());
        const QString one = deliver(inbox, QStringLiteral("u1"), "Subject: one\r\n\r\nx\r\n");
        const QString two = deliver(inbox, QStringLiteral("u2"), "Subject: two\r\n\r\ny\r\n");
        const std::optional<QString> readTwo = inbox.setRead(two, true);
        QVERIFY(readTwo);

        StoreError error;
        const std::optional<QString> trashed = inbox.moveToDeleted(one, &error);
        QVERIFY2(trashed, qPrintable(error.message));
        QVERIFY(trashed->startsWith(inbox.maildirPath() + QStringLiteral("/.Trash/new/")));
        // A standard Maildir++ subfolder.
        QVERIFY(QFile::exists(inbox.maildirPath() + QStringLiteral("/.Trash/maildirfolder")));
        QVERIFY(QDir(inbox.maildirPath() + QStringLiteral("/.Trash/tmp")).exists());
        QCOMPARE(inbox.messages().size(), 1);
        QCOMPARE(inbox.deletedMessages().size(), 1);
        QCOMPARE(inbox.deletedMessages().first().uidl, QStringLiteral("u1"));
        // The POP3 cycle neither downloads it again nor changes what it deletes on the server.
        QVERIFY(inbox.isSeen(QStringLiteral("u1")));
        QVERIFY(inbox.isStored(QStringLiteral("u1")));
        QVERIFY(!inbox.moveToDeleted(*trashed, &error)); // already there
        QCOMPARE(error.kind, StoreError::Kind::InvalidState);

        // Undo: back where it was, under its name.
        const std::optional<QString> back = inbox.restore(*trashed, &error);
        QVERIFY2(back, qPrintable(error.message));
        QCOMPARE(*back, one);
        QCOMPARE(inbox.messages().size(), 2);
        QVERIFY(inbox.deletedMessages().isEmpty());

        // A read message keeps its flag in Deleted Items.
        const std::optional<QString> trashedTwo = inbox.moveToDeleted(*readTwo);
        QVERIFY(trashedTwo);
        QVERIFY(trashedTwo->endsWith(info + QLatin1Char('S')));
        QVERIFY(inbox.deletedMessages().first().seen);
        QVERIFY(inbox.moveToDeleted(one));
        QCOMPARE(inbox.deletedMessages().size(), 2);
        QVERIFY(!inbox.removeDeleted(inbox.maildirPath() + QStringLiteral("/new/x"), &error));

        QVERIFY(inbox.emptyDeleted(&error));
        QVERIFY(inbox.deletedMessages().isEmpty());
        QVERIFY(inbox.messages().isEmpty());
        QVERIFY(inbox.isSeen(QStringLiteral("u1"))); // never downloaded again
        QVERIFY(!inbox.isStored(QStringLiteral("u1")));
    }

private:
    static QString deliver(InboxStore &inbox, const QString &uidl, const QByteArray &bytes)
    {
        std::unique_ptr<InboxDelivery> d = inbox.beginDelivery(uidl);
        if (!d)
            return {};
        d->device()->write(bytes);
        if (!d->commit())
            return {};
        for (const InboxMessage &m : inbox.messages())
            if (m.uidl == uidl)
                return m.path();
        return {};
    }
};

QTEST_GUILESS_MAIN(TestInboxStore)
#include "tst_inboxstore.moc"
