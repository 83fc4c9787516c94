#include "MessageListModel.h"
#include "message/MessageWriter.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using Outpost::MessageListModel;
using Outpost::OutboxState;

namespace {

QString queue(Outpost::OutboxStore &outbox, const QString &subject)
{
    Outpost::OutgoingMessage m;
    m.from =
        Outpost::MailAddress(QString(), QStringLiteral("alice"), QStringLiteral("example.com"));
    m.to = {Outpost::MailAddress(QString(), QStringLiteral("bob"), QStringLiteral("example.net"))};
    m.subject = subject;
    m.body = QStringLiteral("Hello\n");
    const auto id = outbox.queue(m);
    if (!id)
        qFatal("queue failed");
    return *id;
}

void writeInboxMessage(const QString &maildir, int n)
{
    QFile f(maildir + QStringLiteral("/new/%1.test:2,").arg(n));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write");
    f.write(QStringLiteral("From: Sender %1 <s%1@example.jp>\r\nSubject: =?UTF-8?B?%2?=\r\n"
                           "Date: Mon, 2 Nov 2026 10:%3:00 +0900\r\n\r\nBody %1\r\n")
                .arg(n)
                .arg(QString::fromLatin1(QStringLiteral("件名 %1").arg(n).toUtf8().toBase64()))
                .arg(n % 60, 2, 10, QLatin1Char('0'))
                .toUtf8());
}

// An account's outbox and inbox in a temporary folder.
struct Stores
{
    QTemporaryDir dir;
    Outpost::OutboxStore outbox{dir.path()};
    Outpost::InboxStore inbox{dir.path()};
    bool open() { return dir.isValid() && outbox.open() && inbox.open(); }
};

// A message handed over by another program (the relay adds many in a row).
QString relayed(Outpost::OutboxStore &outbox)
{
    Outpost::Envelope smtp;
    smtp.sender = QStringLiteral("taro@example.jp");
    smtp.recipients = {QStringLiteral("hanako@example.jp")};
    smtp.origin = QStringLiteral("thunderbird.local");
    return *outbox.queueSubmission("Subject: relayed\r\n\r\nx\r\n", smtp);
}

} // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheOutboxRowByRow()
    {
        QTemporaryDir dir;
        Outpost::OutboxStore outbox(dir.path());
        QVERIFY(outbox.open());
        for (int i = 0; i < 50; ++i)
            queue(outbox, QStringLiteral("old %1").arg(i));

        MessageListModel inOutbox;
        MessageListModel inFailed;
        MessageListModel inSent;
        QAbstractItemModelTester t1(&inOutbox,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&inFailed,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&inSent,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        inOutbox.setFolder(MessageListModel::Folder::Outbox, &outbox, nullptr);
        inFailed.setFolder(MessageListModel::Folder::Failed, &outbox, nullptr);
        inSent.setFolder(MessageListModel::Folder::Sent, &outbox, nullptr);
        QCOMPARE(inOutbox.rowCount(), 50);

        QSignalSpy changed(&inOutbox, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&inOutbox, &QAbstractItemModel::modelReset);
        const QString id = relayed(outbox);
        QCOMPARE(inOutbox.rowCount(), 51);
        QCOMPARE(inOutbox.entry(50)->id, id);
        QCOMPARE(changed.size(), 0); // the other 50 rows were not touched
        QCOMPARE(resets.size(), 0);

        QVERIFY(outbox.markSending(id));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(inOutbox.entry(50)->state, OutboxState::Sending);
        QVERIFY(outbox.fail(id, QStringLiteral("550 5.1.1 unknown")));
        QCOMPARE(inOutbox.rowCount(), 50);
        QCOMPARE(inFailed.rowCount(), 1);
        QCOMPARE(inFailed.entry(0)->id, id);

        QVERIFY(outbox.requeue(id));
        QCOMPARE(inFailed.rowCount(), 0);
        QCOMPARE(inOutbox.rowCount(), 51);
        QVERIFY(outbox.markSending(id));
        QVERIFY(outbox.markSent(id));
        QCOMPARE(inOutbox.rowCount(), 50);
        QCOMPARE(inSent.rowCount(), 1);
        QVERIFY(outbox.remove(id));
        QCOMPARE(inSent.rowCount(), 0);
    }

    void outboxFoldersAndStates()
    {
        Stores stores;
        QVERIFY(stores.open());
        Outpost::OutboxStore &outbox = stores.outbox;
        Outpost::InboxStore &inbox = stores.inbox;
        const QString waiting = queue(outbox, QStringLiteral("Waiting"));
        const QString failed = queue(outbox, QStringLiteral("Failed one"));
        const QString deferred = queue(outbox, QStringLiteral("Deferred one"));
        const QString maybe = queue(outbox, QStringLiteral("Maybe"));
        QVERIFY(outbox.fail(failed, QStringLiteral("550 5.1.1 <bob@example.net>: User unknown")));
        QVERIFY(outbox.markSending(deferred));
        QVERIFY(outbox.defer(deferred, QDateTime::currentDateTimeUtc().addSecs(120),
                             QStringLiteral("451 4.3.0 Try again later")));
        QVERIFY(outbox.markSending(maybe));
        QVERIFY(outbox.markDataComplete(maybe));
        QVERIFY(outbox.markMayHaveBeenSent(maybe, QStringLiteral("connection lost")));

        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(MessageListModel::SortRole);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        model.setFolder(MessageListModel::MessageListModel::Folder::Outbox, &outbox, &inbox);
        QCOMPARE(model.rowCount(), 3);
        QStringList states;
        for (int row = 0; row < model.rowCount(); ++row)
            states << model.index(row, MessageListModel::StateColumn).data().toString();
        QVERIFY(states.contains(QStringLiteral("Waiting")));
        QVERIFY2(std::any_of(states.begin(), states.end(),
                             [](const QString &s) {
                                 return s.startsWith(QLatin1String("Will retry at")) &&
                                        s.contains(QLatin1String("451 4.3.0 Try again later"));
                             }),
                 qPrintable(states.join(u'|')));
        QVERIFY(std::any_of(states.begin(), states.end(), [](const QString &s) {
            return s.startsWith(QLatin1String("May have been sent"));
        }));

        model.setWaitingForLogin(true);
        QVERIFY(model.index(0, MessageListModel::StateColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("POP login")));

        model.setFolder(MessageListModel::MessageListModel::Folder::Failed, &outbox, &inbox);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("Failed one"));
        QVERIFY(model.index(0, MessageListModel::StateColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("550 5.1.1")));
        QCOMPARE(MessageListModel::count(MessageListModel::MessageListModel::Folder::Failed,
                                         &outbox, &inbox),
                 1);
        QCOMPARE(MessageListModel::count(MessageListModel::MessageListModel::Folder::Outbox,
                                         &outbox, &inbox),
                 3);

        // Live updates: requeueing the failed message moves it out of Failed.
        QVERIFY(outbox.requeue(failed));
        QCOMPARE(model.rowCount(), 0);
        model.setFolder(MessageListModel::MessageListModel::Folder::Outbox, &outbox, &inbox);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(outbox.remove(waiting));
        QCOMPARE(model.rowCount(), 3);
        queue(outbox, QStringLiteral("New"));
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(outbox.markAsSent(maybe));
        QCOMPARE(model.rowCount(), 3);
        model.setFolder(MessageListModel::MessageListModel::Folder::Sent, &outbox, &inbox);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.headerData(MessageListModel::DateColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Date sent"));
    }

    void inboxRowsStayWhenMailArrives()
    {
        Stores stores;
        QVERIFY(stores.open());
        Outpost::OutboxStore &outbox = stores.outbox;
        Outpost::InboxStore &inbox = stores.inbox;
        for (int i = 0; i < 2; ++i)
            writeInboxMessage(inbox.maildirPath(), i);
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFolder(MessageListModel::Folder::Inbox, &outbox, &inbox);
        QCOMPARE(model.rowCount(), 2);
        const QString first = model.index(0, 0).data(MessageListModel::PathRole).toString();
        const QString second = model.index(1, 0).data(MessageListModel::PathRole).toString();
        QVERIFY(QFile::exists(first) && QFile::exists(second));

        // A delivery refreshes the list: the rows there stay (none removed and put back),
        // the new one is added after them.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        auto delivery = inbox.beginDelivery(QStringLiteral("uidl-new"));
        QVERIFY(delivery);
        delivery->device()->write("From: New <new@example.jp>\r\nSubject: new\r\n\r\nx\r\n");
        QVERIFY(delivery->commit());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.index(0, 0).data(MessageListModel::PathRole).toString(), first);
        QCOMPARE(model.index(1, 0).data(MessageListModel::PathRole).toString(), second);
        const QString added = model.index(2, 0).data(MessageListModel::PathRole).toString();
        QVERIFY(added.contains(QLatin1String("/new/")));
        QCOMPARE(model.index(2, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("new"));
    }

    void tenThousandInboxMessagesReadLazily()
    {
        Stores stores;
        QVERIFY(stores.open());
        Outpost::OutboxStore &outbox = stores.outbox;
        Outpost::InboxStore &inbox = stores.inbox;
        for (int i = 0; i < 10000; ++i)
            writeInboxMessage(inbox.maildirPath(), i);

        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QElapsedTimer timer;
        timer.start();
        model.setFolder(MessageListModel::Folder::Inbox, &outbox, &inbox);
        QCOMPARE(model.rowCount(), 10000);
        // Nothing but the file list was read yet (the tester reads a few rows).
        QVERIFY2(model.cachedSummaries() < 100,
                 qPrintable(QString::number(model.cachedSummaries())));
        const QModelIndex subject = model.index(1234, MessageListModel::SubjectColumn);
        const QString n = QFileInfo(subject.data(MessageListModel::PathRole).toString())
                              .fileName()
                              .section(u'.', 0, 0);
        QCOMPARE(subject.data().toString(), QStringLiteral("件名 ") + n);
        QCOMPARE(model.index(1234, MessageListModel::PeopleColumn).data().toString(),
                 QStringLiteral("Sender ") + n);

        // Sorting reads each header block once, never the whole message, and is cached.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(MessageListModel::SortRole);
        proxy.sort(MessageListModel::SubjectColumn);
        QCOMPARE(model.cachedSummaries(), 10000);
        QCOMPARE(proxy.index(0, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("件名 0"));
        qInfo("10,000 messages listed and sorted in %lld ms", timer.elapsed());
    }
};

QTEST_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
