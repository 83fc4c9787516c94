#include "FileSizeLimit.h"
#include "message/AddressParser.h"
#include "message/MessageReader.h"
#include "message/MessageWriter.h"
#include "store/OutboxStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <algorithm>
#include <vector>

using namespace Outpost;

namespace {

MailAddress addr(const char *text)
{
    return AddressParser::parseMailbox(QString::fromUtf8(text)).addresses.value(0);
}

OutgoingMessage message(const QString &subject, const QString &body = QStringLiteral("Hello\n"))
{
    OutgoingMessage m;
    m.from = addr("Sender <sender@example.org>");
    m.to = {addr("to@example.org")};
    m.bcc = {addr("hidden@example.org")};
    m.subject = subject;
    m.body = body;
    return m;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A program that queued a message and wrote its whole data, then stopped before the reply.
QString stoppedAfterItsData(const QString &directory)
{
    OutboxStore store(directory);
    if (!store.open())
        return {};
    const std::optional<QString> id = store.queue(message(QStringLiteral("m")));
    return id && store.markSending(*id) && store.markDataComplete(*id) ? *id : QString();
}

// Queues @p count messages ("<prefix>0", ...) and closes the store.
bool queueAndClose(const QString &directory, int count, const QString &prefix)
{
    OutboxStore store(directory);
    if (!store.open())
        return false;
    for (int i = 0; i < count; ++i)
        if (!store.queue(message(prefix + QString::number(i))))
            return false;
    return true;
}

void appendTo(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Append));
    QCOMPARE(f.write(data), data.size());
}

} // namespace

class TestOutboxStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycle()
    {
        QTemporaryDir dir;
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        QSignalSpy changed(&store, &OutboxStore::changed);

        StoreError error;
        const auto first = store.queue(message(QStringLiteral("first")), &error);
        QVERIFY2(first, qPrintable(error.message));
        const auto second = store.queue(message(QStringLiteral("second")), &error);
        QVERIFY(second);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).toString(), *first);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<OutboxEntry> due = store.dueMessages(now);
        QCOMPARE(due.size(), 2);
        QCOMPARE(due.at(0).id, *first); // oldest first
        const OutboxEntry entry = due.at(0);
        QCOMPARE(entry.state, OutboxState::Queued);
        QCOMPARE(entry.envelope.recipients, (QStringList{"to@example.org", "hidden@example.org"}));

        const auto device = store.openMessage(*first);
        QVERIFY(device);
        const QByteArray bytes = device->readAll();
        QCOMPARE(bytes.size(), entry.envelope.size);
        QVERIFY(!bytes.contains("hidden"));
        QVERIFY(bytes.contains("Message-ID: <" + entry.envelope.messageId + ">"));

        QVERIFY(store.markSending(*first, &error));
        QCOMPARE(changed.size(), 3); // every change is announced
        QCOMPARE(changed.last().at(0).toString(), *first);
        QCOMPARE(store.message(*first)->state, OutboxState::Sending);
        QCOMPARE(store.message(*first)->attempts, 1);
        QCOMPARE(store.dueMessages(now).size(), 1);
        QVERIFY(store.markDataComplete(*first, &error));
        QVERIFY(store.message(*first)->dataComplete);
        QVERIFY(store.markSent(*first, {QStringLiteral("hidden@example.org")}, &error));
        QCOMPARE(store.message(*first)->state, OutboxState::Sent);
        QCOMPARE(store.message(*first)->rejectedRecipients, QStringList{"hidden@example.org"});
        QCOMPARE(store.messages().size(), 1);
        QCOMPARE(store.sentMessages().size(), 1);
        QVERIFY(QFile::exists(store.sentDirectory() + QLatin1Char('/') + *first +
                              QStringLiteral("/message.eml")));
        QVERIFY(!QFile::exists(store.outboxDirectory() + QLatin1Char('/') + *first));
        QCOMPARE(readAll(store.sentMessages().first().messagePath), bytes); // the very bytes

        // Reopened from disk, everything is as it was.
        store.close();
        OutboxStore again(dir.path());
        QVERIFY(again.open());
        QCOMPARE(again.sentMessages().size(), 1);
        QCOMPARE(again.sentMessages().first().envelope, entry.envelope);
        QCOMPARE(entry.envelope.bcc, QStringList{"hidden@example.org"}); // kept for editing
        QCOMPARE(again.messages().size(), 1);
        QCOMPARE(again.messages().first().id, *second);
        QSignalSpy removed(&again, &OutboxStore::changed);
        QVERIFY(again.remove(*first, &error));
        QCOMPARE(removed.size(), 1);
        QVERIFY(again.sentMessages().isEmpty());
        QVERIFY(!again.message(*first));
        QVERIFY(!again.openMessage(*first, &error));
        QCOMPARE(error.kind, StoreError::Kind::NotFound);
    }

    void deferFailRequeue()
    {
        QTemporaryDir dir;
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QString id = *store.queue(message(QStringLiteral("retry")));
        const QByteArray before = readAll(store.message(id)->messagePath);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(store.markSending(id));
        QVERIFY(store.defer(id, now.addSecs(120), QStringLiteral("421 try later")));
        OutboxEntry e = *store.message(id);
        QCOMPARE(e.state, OutboxState::Deferred);
        QCOMPARE(e.lastReply, QStringLiteral("421 try later"));
        QVERIFY(store.dueMessages(now).isEmpty());
        QCOMPARE(store.countDue(now), 0);
        QCOMPARE(store.dueMessages(now.addSecs(121)).size(), 1);
        QCOMPARE(store.countDue(now.addSecs(121)), 1);
        QCOMPARE(store.earliestRetry(), e.nextAttempt);
        QVERIFY(store.markSending(id));
        QCOMPARE(store.message(id)->attempts, 2);
        QVERIFY(store.fail(id, QStringLiteral("550 no such user")));
        QCOMPARE(store.message(id)->state, OutboxState::Failed);
        QVERIFY(store.dueMessages(now.addDays(10)).isEmpty());
        QCOMPARE(store.countDue(now.addDays(10)), 0);
        QVERIFY(!store.earliestRetry().isValid());
        QVERIFY(store.requeue(id));
        QCOMPARE(store.message(id)->state, OutboxState::Queued);
        // The Message-ID and every byte stay the same across retries.
        QCOMPARE(readAll(store.message(id)->messagePath), before);

        OutboxStore reopened(dir.path());
        QVERIFY(reopened.open());
        QCOMPARE(reopened.message(id)->attempts, 2);
        QCOMPARE(reopened.message(id)->lastReply, QStringLiteral("550 no such user"));
    }

    void countDueAndEarliestRetry()
    {
        QTemporaryDir dir;
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(!store.earliestRetry().isValid());
        const QString queued = *store.queue(message(QStringLiteral("queued")));
        const QString later = *store.queue(message(QStringLiteral("later")));
        const QString sooner = *store.queue(message(QStringLiteral("sooner")));
        const QString sent = *store.queue(message(QStringLiteral("sent")));
        QVERIFY(store.markSending(later) && store.defer(later, now.addSecs(600), QString()));
        QVERIFY(store.markSending(sooner) && store.defer(sooner, now.addSecs(60), QString()));
        QVERIFY(store.markSending(sent) && store.markSent(sent));
        QCOMPARE(store.earliestRetry(), now.addSecs(60));
        QCOMPARE(store.countDue(now), 1); // the queued one; Sent and later ones are not due
        QCOMPARE(store.countDue(now.addSecs(60)), 2);
        QCOMPARE(store.countDue(now.addSecs(600)), 3);
        QCOMPARE(store.dueMessages(now.addSecs(600)).size(), 3);
        QVERIFY(store.markSending(queued));
        QCOMPARE(store.countDue(now), 0); // being sent
    }

    void addressesSharedAfterOpen()
    {
        // 10,000 messages from one sender to the same people keep one copy of each address.
        QTemporaryDir dir;
        QVERIFY(queueAndClose(dir.path(), 3, QStringLiteral("m")));
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QList<OutboxEntry> all = store.messages();
        QCOMPARE(all.size(), 3);
        for (const OutboxEntry &e : all) {
            QCOMPARE(e.envelope.sender, QStringLiteral("sender@example.org"));
            QCOMPARE(e.envelope.sender.constData(), all.first().envelope.sender.constData());
            QCOMPARE(e.envelope.recipients.size(), 2);
            QCOMPARE(e.envelope.recipients.constData(),
                     all.first().envelope.recipients.constData());
            QCOMPARE(e.envelope.bcc, QStringList{"hidden@example.org"});
        }
        QVERIFY(all.at(0).envelope.messageId != all.at(1).envelope.messageId);
    }

    void invalidTransitions()
    {
        QTemporaryDir dir;
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QString id = *store.queue(message(QStringLiteral("x")));
        StoreError error;
        QVERIFY(!store.markDataComplete(id, &error));
        QCOMPARE(error.kind, StoreError::Kind::InvalidState);
        QVERIFY(!store.markSent(id, {}, &error));
        QVERIFY(!store.markAsSent(id, &error));
        QVERIFY(!store.requeue(id, &error));
        QVERIFY(store.markSending(id, &error));
        QVERIFY(!store.remove(id, &error));
        QCOMPARE(error.kind, StoreError::Kind::InvalidState);
        QVERIFY(!store.markSending(QStringLiteral("nope"), &error));
        QCOMPARE(error.kind, StoreError::Kind::NotFound);
        QVERIFY(!error.message.isEmpty());
    }

    void recoveryFromJournal()
    {
        QTemporaryDir dir;
        QString beforeData, afterData, sentNotMoved;
        {
            OutboxStore store(dir.path());
            QVERIFY(store.open());
            beforeData = *store.queue(message(QStringLiteral("before")));
            afterData = *store.queue(message(QStringLiteral("after")));
            sentNotMoved = *store.queue(message(QStringLiteral("sent")));
            QVERIFY(store.markSending(beforeData));
            QVERIFY(store.markSending(afterData));
            QVERIFY(store.markDataComplete(afterData));
            QVERIFY(store.markSending(sentNotMoved));
        }
        // A crash between journaling "sent" and moving the folder: the journal's last line
        // for the message says sent while the folder is still in the outbox.
        const QString journal = dir.path() + QStringLiteral("/outbox.journal");
        QByteArray lastLine;
        for (const QByteArray &line : readAll(journal).split('\n'))
            if (line.contains(sentNotMoved.toLatin1()))
                lastLine = line;
        QVERIFY(lastLine.contains("\"sending\""));
        appendTo(journal, lastLine.replace("\"sending\"", "\"sent\"") + '\n');
        // Leftovers of an interrupted queueing and deletion.
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/outbox/.tmp-123")));
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/sent/.trash-456")));

        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const OutboxStore::RecoveryReport report = store.recoveryReport();
        QCOMPARE(report.requeued, QStringList{beforeData});
        QCOMPARE(report.mayHaveBeenSent, QStringList{afterData});
        QCOMPARE(report.completedMoves, QStringList{sentNotMoved});
        QCOMPARE(report.removedTemporary, 2);
        QVERIFY2(report.damaged.isEmpty(), qPrintable(report.damaged.join(QLatin1Char(','))));
        QCOMPARE(store.message(beforeData)->state, OutboxState::Queued);
        QCOMPARE(store.message(afterData)->state, OutboxState::MayHaveBeenSent);
        QCOMPARE(store.message(sentNotMoved)->state, OutboxState::Sent);
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/sent/") + sentNotMoved +
                              QStringLiteral("/message.eml")));
        QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/outbox/") + sentNotMoved));
        QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/outbox/.tmp-123")));
        QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/sent/.trash-456")));

        // "May have been sent" is never sent automatically; the user decides.
        const QList<OutboxEntry> due =
            store.dueMessages(QDateTime::currentDateTimeUtc().addDays(1));
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().id, beforeData);
        QVERIFY(store.markAsSent(afterData));
        QCOMPARE(store.sentMessages().size(), 2);
    }

    void folderFollowsTheJournal()
    {
        // The folder was moved to Sent but the line saying "sent" never reached the disk
        // (a power cut after a Flush::Later): the message may have been sent, and it goes
        // back to the outbox for the user to decide; it is never sent again on its own.
        QTemporaryDir dir;
        const QString id = stoppedAfterItsData(dir.path());
        QVERIFY(!id.isEmpty());
        QVERIFY(QDir().rename(dir.path() + QStringLiteral("/outbox/") + id,
                              dir.path() + QStringLiteral("/sent/") + id));
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        QCOMPARE(store.recoveryReport().mayHaveBeenSent, QStringList{id});
        QCOMPARE(store.message(id)->state, OutboxState::MayHaveBeenSent);
        QVERIFY(store.sentMessages().isEmpty());
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/outbox/") + id +
                              QStringLiteral("/message.eml")));
        QVERIFY(store.dueMessages(QDateTime::currentDateTimeUtc().addDays(1)).isEmpty());
    }

    void damagedJournalLines()
    {
        QTemporaryDir dir;
        QString a, b;
        {
            OutboxStore store(dir.path());
            QVERIFY(store.open());
            a = *store.queue(message(QStringLiteral("a")));
            b = *store.queue(message(QStringLiteral("b")));
            QVERIFY(store.fail(a, QStringLiteral("550 no")));
            // Garbage between lines (a torn block after a power cut), then a good line.
            appendTo(dir.path() + QStringLiteral("/outbox.journal"),
                     QByteArray(3, '\0') + "{\"id\": \"x\n");
            QVERIFY(store.defer(b, QDateTime::currentDateTimeUtc(), QStringLiteral("451 later")));
        }
        // And a last line cut short: the good lines hold, the rest never counted.
        const QString journal = dir.path() + QStringLiteral("/outbox.journal");
        appendTo(journal, QByteArray("{\"id\":\"") + a.toLatin1() + "\",\"state\":\"que");
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        QVERIFY(store.recoveryReport().damaged.isEmpty());
        QCOMPARE(store.message(a)->state, OutboxState::Failed);
        QCOMPARE(store.message(a)->lastReply, QStringLiteral("550 no"));
        QCOMPARE(store.message(b)->state, OutboxState::Deferred);
        QCOMPARE(store.message(b)->lastReply, QStringLiteral("451 later"));
        // Rewritten on open: one whole line per message.
        const QList<QByteArray> lines = readAll(journal).split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.last().isEmpty());
    }

    void journalKeepsEveryCharacter()
    {
        // Replies and addresses go into the journal as JSON strings: quotes, backslashes,
        // control characters and Japanese all come back as they were.
        const QString reply = QStringLiteral("550 \"quoted\" back\\slash\ttab\x01 ") +
                              QString::fromUtf8("宛先が見つかりません");
        QTemporaryDir dir;
        QString id;
        {
            OutboxStore store(dir.path());
            QVERIFY(store.open());
            OutgoingMessage m = message(QStringLiteral("m"));
            m.to = {addr("\"Yamada\" <taro@例え.jp>")};
            id = *store.queue(m);
            QVERIFY(store.markSending(id));
            QVERIFY(store.fail(id, reply));
        }
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        QCOMPARE(store.message(id)->lastReply, reply);
        QCOMPARE(store.message(id)->attempts, 1);
        QCOMPARE(store.message(id)->envelope.recipients,
                 (QStringList{QString::fromUtf8("taro@例え.jp"), "hidden@example.org"}));
    }

    void journalStaysSmall()
    {
        QTemporaryDir dir;
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QString id = *store.queue(message(QStringLiteral("m")));
        const QString keep = *store.queue(message(QStringLiteral("k")));
        for (int i = 0; i < 1500; ++i) {
            QVERIFY(store.defer(id, QDateTime::currentDateTimeUtc(), QString::number(i), nullptr));
        }
        QVERIFY(store.remove(id));
        QVERIFY(store.commit());
        // Compacted while running (at most twice the messages plus a margin of lines)...
        const qsizetype running =
            readAll(dir.path() + QStringLiteral("/outbox.journal")).count('\n');
        QVERIFY2(running <= 2 * 2 + 1024 + 1, QByteArray::number(running).constData());
        store.close();
        OutboxStore again(dir.path());
        QVERIFY(again.open());
        QCOMPARE(again.messages().size(), 1);
        QCOMPARE(again.messages().first().id, keep);
        // ...and to one line per message on the next open.
        QCOMPARE(readAll(dir.path() + QStringLiteral("/outbox.journal")).count('\n'), 1);
    }

    void legacyLayoutWithoutJournal()
    {
        // A profile from before the journal: each folder's state.json holds the state, a
        // state write may have been interrupted (its temporary file), Sent holds no state.
        QTemporaryDir dir;
        QString queued, sending, sent;
        {
            OutboxStore store(dir.path());
            QVERIFY(store.open());
            queued = *store.queue(message(QStringLiteral("q")));
            sending = *store.queue(message(QStringLiteral("s")));
            sent = *store.queue(message(QStringLiteral("t")));
        }
        QVERIFY(QFile::remove(dir.path() + QStringLiteral("/outbox.journal")));
        const QString sendingState =
            dir.path() + QStringLiteral("/outbox/") + sending + QStringLiteral("/state.json");
        QByteArray state = readAll(sendingState);
        state.replace("\"queued\"", "\"sending\"");
        state.replace("\"dataComplete\":false", "\"dataComplete\":true");
        QFile f(sendingState);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(state);
        f.close();
        const QString stray =
            dir.path() + QStringLiteral("/outbox/") + queued + QStringLiteral("/state.json.AbCdEf");
        appendTo(stray, "{");
        QVERIFY(QDir().rename(dir.path() + QStringLiteral("/outbox/") + sent,
                              dir.path() + QStringLiteral("/sent/") + sent));

        OutboxStore store(dir.path());
        QVERIFY(store.open());
        QVERIFY(store.recoveryReport().damaged.isEmpty());
        QCOMPARE(store.recoveryReport().mayHaveBeenSent, QStringList{sending});
        QCOMPARE(store.message(queued)->state, OutboxState::Queued);
        QCOMPARE(store.message(sending)->state, OutboxState::MayHaveBeenSent);
        QCOMPARE(store.message(sent)->state, OutboxState::Sent);
        QVERIFY(!QFile::exists(stray));
        QCOMPARE(readAll(dir.path() + QStringLiteral("/outbox.journal")).count('\n'), 3);
    }

    void oneWriterAtATime()
    {
        // A second program (here a second store) sees the messages but changes nothing:
        // two writers could each "recover" the other's messages in flight or lose lines.
        QTemporaryDir dir;
        OutboxStore writer(dir.path());
        QVERIFY(writer.open());
        QVERIFY(!writer.isReadOnly());
        const QString id = *writer.queue(message(QStringLiteral("m")));
        const QString waiting = *writer.queue(message(QStringLiteral("w")));
        QVERIFY(writer.markSending(id));
        {
            OutboxStore other(dir.path());
            QVERIFY(other.open());
            QVERIFY(other.isReadOnly());
            QCOMPARE(other.messages().size(), 2);
            QCOMPARE(other.message(id)->state, OutboxState::Sending); // not "recovered"
            StoreError error;
            QVERIFY(!other.queue(message(QStringLiteral("n")), &error));
            QCOMPARE(error.kind, StoreError::Kind::NotWritable);
            QVERIFY(error.message.contains(QString::number(QCoreApplication::applicationPid())));
            QVERIFY(!other.remove(waiting, &error));
            QCOMPARE(error.kind, StoreError::Kind::NotWritable);
        }
        QVERIFY(writer.markDataComplete(id));
        QVERIFY(writer.markSent(id));
        QCOMPARE(writer.sentMessages().size(), 1);
    }

    void lockOfAProgramThatDiedIsTakenOver()
    {
        QTemporaryDir dir;
        QProcess gone;
        // A program that exists everywhere and ends at once: this test itself, listing its
        // functions (not "true", which Windows does not have).
        gone.start(QCoreApplication::applicationFilePath(), {QStringLiteral("-functions")});
        QVERIFY(gone.waitForFinished());
        const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
        // A lock as QLockFile writes it here (its host line is not machineHostName() on
        // Windows, where it is the NetBIOS name), with the dead program's process id.
        QByteArrayList lines;
        {
            QLockFile probe(dir.path() + QStringLiteral("/probe.lock"));
            QVERIFY(probe.lock());
            QFile written(probe.fileName());
            QVERIFY(written.open(QIODevice::ReadOnly));
            lines = written.readAll().split('\n');
        }
        QVERIFY(lines.size() >= 3);
        lines[0] = QByteArray::number(deadPid);
        lines[1] = "outpost";
        QFile lock(dir.path() + QStringLiteral("/outbox.lock"));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(lines.join('\n'));
        lock.close();
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        QVERIFY(!store.isReadOnly());
        QVERIFY(store.queue(message(QStringLiteral("m"))));
    }

    void resendMayHaveBeenSent()
    {
        QTemporaryDir dir;
        const QString id = stoppedAfterItsData(dir.path());
        QVERIFY(!id.isEmpty());
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        QCOMPARE(store.message(id)->state, OutboxState::MayHaveBeenSent);
        QVERIFY(store.requeue(id));
        QCOMPARE(store.dueMessages(QDateTime::currentDateTimeUtc()).size(), 1);
    }

    void importRemovesBcc()
    {
        QTemporaryDir dir;
        const QString eml = dir.filePath(QStringLiteral("in.eml"));
        QFile f(eml);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "From: a@example.org\nTo: b@example.org\nBcc: c@example.org\nSubject: imp\n\nbody\n");
        f.close();
        OutboxStore store(dir.path() + QStringLiteral("/account"));
        QVERIFY(store.open());
        StoreError error;
        const auto id = store.queueFile(eml, &error);
        QVERIFY2(id, qPrintable(error.message));
        const OutboxEntry e = *store.message(*id);
        QCOMPARE(e.envelope.recipients, (QStringList{"b@example.org", "c@example.org"}));
        const QByteArray bytes = readAll(e.messagePath);
        // Nowhere in the bytes (the Message-ID's random part may end in "c" and is left out).
        QByteArray withoutId;
        for (const QByteArray &line : bytes.split('\n'))
            if (!line.startsWith("Message-ID:"))
                withoutId += line + '\n';
        QVERIFY2(!withoutId.contains("c@example.org"), bytes.constData());
        QVERIFY(!withoutId.contains("Bcc"));
        QCOMPARE(bytes.size(), e.envelope.size);

        QVERIFY(!store.queueFile(dir.filePath(QStringLiteral("missing.eml")), &error));
        QCOMPARE(error.kind, StoreError::Kind::ReadFailed);
        QFile bad(dir.filePath(QStringLiteral("bad.eml")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("From: a@example.org\nSubject: no recipients\n\nx\n");
        bad.close();
        QVERIFY(!store.queueFile(bad.fileName(), &error));
        QCOMPARE(error.kind, StoreError::Kind::InvalidMessage);
        QCOMPARE(store.messages().size(), 1);
        QCOMPARE(QDir(store.outboxDirectory())
                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)
                     .size(),
                 1);
    }

    void unwritableProfile()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("profile")));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        OutboxStore store(blocker.fileName() + QStringLiteral("/accounts/a"));
        StoreError error;
        QVERIFY(!store.open(&error));
        QCOMPARE(error.kind, StoreError::Kind::NotWritable);
        QVERIFY(error.message.contains(QLatin1String("cannot be written")));
        const OutgoingMessage m = message(QStringLiteral("keep me"));
        QVERIFY(!store.queue(m, &error));
        QCOMPARE(error.kind, StoreError::Kind::NotWritable);
        QCOMPARE(m.subject, QStringLiteral("keep me")); // the caller still has it
    }

    void fullDisk()
    {
#ifndef Q_OS_UNIX
        QSKIP("needs RLIMIT_FSIZE to simulate a full disk");
#else
        QTemporaryDir dir;
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QString kept = *store.queue(message(QStringLiteral("small")));
        StoreError error;
        {
            FileSizeLimit limit(16 * 1024);
            const QString big =
                QStringLiteral("A line of text that is long enough to matter.\n").repeated(2000);
            QVERIFY(!store.queue(message(QStringLiteral("big"), big), &error));
        }
        QCOMPARE(error.kind, StoreError::Kind::DiskFull);
        QVERIFY2(error.message.contains(QLatin1String("disk is full")), qPrintable(error.message));
        QCOMPARE(store.messages().size(), 1);
        QCOMPARE(QDir(store.outboxDirectory())
                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{kept}); // no half-written message left behind

        {
            FileSizeLimit limit(8); // even a state file cannot be written
            QVERIFY(!store.markSending(kept, &error));
        }
        QCOMPARE(error.kind, StoreError::Kind::DiskFull);
        QCOMPARE(store.message(kept)->state, OutboxState::Queued); // stays where it was
        OutboxStore reopened(dir.path());
        QVERIFY(reopened.open());
        QCOMPARE(reopened.message(kept)->state, OutboxState::Queued);
        QVERIFY(store.markSending(kept, &error)); // and works once there is room
#endif
    }

    void plannedMessagesWaitForTheirTime()
    {
        QTemporaryDir dir;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime later = now.addSecs(3600);
        QString planned, plain;
        {
            OutboxStore store(dir.path());
            QVERIFY(store.open());
            OutboxStore::QueueOptions options;
            options.notBefore = later;
            planned = *store.queue(message(QStringLiteral("later")), nullptr, options);
            plain = *store.queue(message(QStringLiteral("now")));
            QCOMPARE(store.countDue(now), 1);
            QCOMPARE(store.dueMessages(now).first().id, plain);
            QCOMPARE(store.countDue(later.addMSecs(-1)), 1);
            QCOMPARE(store.countDue(later), 2);
            QCOMPARE(store.earliestPlanned(now), later);
            QCOMPARE(store.countPlanned(now), 1);
            QCOMPARE(store.countPlanned(later), 0);
            QVERIFY(!store.earliestPlanned(later).isValid()); // not after its own time
            QVERIFY(!store.earliestRetry().isValid());
        }
        // Kept with the envelope: after a restart (journal) and without the journal
        // (state.json alone), as after a crash right after queueing.
        for (const bool withJournal : {true, false}) {
            if (!withJournal)
                QVERIFY(QFile::remove(dir.filePath(QStringLiteral("outbox.journal"))));
            OutboxStore store(dir.path());
            QVERIFY(store.open());
            const std::optional<OutboxEntry> e = store.message(planned);
            QVERIFY(e);
            QCOMPARE(e->notBefore, later);
            QVERIFY(e->dateAtSend);
            QVERIFY(!store.message(plain)->dateAtSend);
            QCOMPARE(store.countDue(now), 1);
        }
    }

    void planningIsOneJournalLine()
    {
        QTemporaryDir dir;
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QString id = *store.queue(message(QStringLiteral("m")));
        const QString journal = dir.filePath(QStringLiteral("outbox.journal"));
        const auto lines = [&] { return readAll(journal).count('\n'); };
        const qsizetype before = lines();
        const QDateTime when = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(store.plan(id, when));
        QCOMPARE(lines(), before + 1);
        QCOMPARE(store.message(id)->notBefore, when);
        QVERIFY(store.message(id)->dateAtSend);
        QVERIFY(store.plan(id, {})); // send now
        QCOMPARE(lines(), before + 2);
        QVERIFY(!store.message(id)->notBefore.isValid());
        QVERIFY(store.message(id)->dateAtSend); // its Date is still set as it leaves
        QCOMPARE(store.countDue(QDateTime::currentDateTimeUtc()), 1);
        // A deferred message planned: its retry wait gives way to the plan.
        QVERIFY(store.markSending(id));
        QVERIFY(
            store.defer(id, QDateTime::currentDateTimeUtc().addSecs(60), QStringLiteral("451")));
        QVERIFY(store.plan(id, when));
        QCOMPARE(store.message(id)->state, OutboxState::Queued);
        QVERIFY(!store.message(id)->nextAttempt.isValid());
        // Not while it is being sent, nor once sent.
        QVERIFY(store.plan(id, {}));
        QVERIFY(store.markSending(id));
        StoreError error;
        QVERIFY(!store.plan(id, when, &error));
        QCOMPARE(error.kind, StoreError::Kind::InvalidState);
    }

    void submissionsQueuedInTheBackground()
    {
        // The relay's way: written and flushed on a worker thread, answered in this one, and
        // answered only once the message is on the disk and listed.
        QTemporaryDir dir;
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        QSignalSpy changed(&store, &OutboxStore::changed);
        Envelope smtp;
        smtp.sender = QStringLiteral("scanner@example.org");
        smtp.recipients = {QStringLiteral("to@example.org")};
        std::vector<QString> ids;
        int answers = 0;
        for (int i = 0; i < 8; ++i) {
            const QByteArray data = "From: scanner@example.org\r\nTo: to@example.org\r\n"
                                    "Subject: scan " +
                                    QByteArray::number(i) + "\r\n\r\npage\r\n";
            store.queueSubmissionInBackground(
                data, smtp, [&, i](const std::optional<QString> &id, const StoreError &error) {
                    ++answers;
                    QVERIFY2(id, qPrintable(error.message));
                    const std::optional<OutboxEntry> entry = store.message(*id);
                    QVERIFY(entry);
                    QCOMPARE(entry->state, OutboxState::Queued);
                    QCOMPARE(entry->envelope.recipients, smtp.recipients);
                    QVERIFY(readAll(entry->messagePath)
                                .contains("Subject: scan " + QByteArray::number(i)));
                    ids.push_back(*id);
                });
        }
        QCOMPARE(answers, 0); // none in the caller's turn of the event loop
        QTRY_COMPARE(answers, 8);
        QCOMPARE(changed.size(), 8);
        std::sort(ids.begin(), ids.end());
        QVERIFY(std::unique(ids.begin(), ids.end()) == ids.end());
        // On the disk with the journal: another opening lists all of them.
        store.close();
        OutboxStore reopened(dir.path());
        QVERIFY(reopened.open());
        QCOMPARE(reopened.messages().size(), 8);
    }

    void aBackgroundSubmissionOutlivesItsStore()
    {
        // The store goes (the account removed, the program quitting) while a message is being
        // written: no answer comes, and the message, already durable, is there next time.
        QTemporaryDir dir;
        bool answered = false;
        {
            OutboxStore store(dir.path());
            QVERIFY(store.open());
            Envelope smtp;
            smtp.sender = QStringLiteral("cron@example.org");
            smtp.recipients = {QStringLiteral("to@example.org")};
            store.queueSubmissionInBackground("Subject: nightly\r\n\r\nok\r\n", smtp,
                                              [&answered](const std::optional<QString> &,
                                                          const StoreError &) { answered = true; });
        }
        QVERIFY(QThreadPool::globalInstance()->waitForDone(20000));
        QCoreApplication::processEvents();
        QVERIFY(!answered);
        OutboxStore reopened(dir.path());
        QVERIFY(reopened.open());
        QCOMPARE(reopened.messages().size(), 1);
        QVERIFY(readAll(reopened.messages().first().messagePath).contains("Subject: nightly"));
    }

    void aRefusedBackgroundSubmissionIsAnsweredAtOnce()
    {
        QTemporaryDir dir;
        OutboxStore writer(dir.path());
        QVERIFY(writer.open());
        OutboxStore other(dir.path());
        QVERIFY(other.open());
        QVERIFY(other.isReadOnly());
        Envelope smtp;
        smtp.sender = QStringLiteral("cron@example.org");
        smtp.recipients = {QStringLiteral("to@example.org")};
        std::optional<StoreError> refused;
        other.queueSubmissionInBackground(
            "Subject: x\r\n\r\nx\r\n", smtp,
            [&refused](const std::optional<QString> &id, const StoreError &error) {
                QVERIFY(!id);
                refused = error;
            });
        QVERIFY(refused);
        QCOMPARE(refused->kind, StoreError::Kind::NotWritable);
        QVERIFY(writer.messages().isEmpty());
    }

    void historyOfTwoDeferralsAndASuccessReadsInOrder()
    {
        QTemporaryDir dir;
        QDateTime now(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);
        const QDateTime login = now.addSecs(-5);
        QString id;
        {
            OutboxStore store(dir.path());
            store.setTimeSource([&] { return now; });
            QVERIFY(store.open());
            id = store.queue(message(QStringLiteral("m"))).value();
            QVERIFY(store.message(id)->history.isEmpty());
            const OutboxStore::AttemptContext context{login, false};
            using R = DeliveryAttempt::Recipient;
            // 1: the server is busy
            QVERIFY(store.markSending(id, nullptr, context));
            now = now.addSecs(2);
            store.recordReplies(id, {R{"to@example.org", "451 4.3.0 Try later", false}}, {});
            QVERIFY(store.defer(id, now.addSecs(60), QStringLiteral("busy\n451 4.3.0 Try later")));
            // 2: the relay window had closed
            now = now.addSecs(60);
            QVERIFY(store.markSending(id, nullptr, context));
            store.recordReplies(id, {R{"to@example.org", "554 5.7.1 Relay access denied", false}},
                                {});
            QVERIFY(store.defer(id, now, QStringLiteral("relay refused")));
            // 3: after a new login, accepted
            now = now.addSecs(3);
            QVERIFY(store.markSending(id, nullptr, {now.addSecs(-1), false}));
            QVERIFY(store.markDataComplete(id));
            store.recordReplies(id, {R{"to@example.org", "250 2.1.5 Ok", true}},
                                QStringLiteral("250 2.0.0 Ok: queued as ABC"));
            QVERIFY(store.markSent(id));
        }
        // Read back after a restart, which also compacts the journal.
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QList<DeliveryAttempt> h = store.message(id)->history.attempts();
        QCOMPARE(h.size(), 3);
        QCOMPARE(h[0].outcome, DeliveryAttempt::Outcome::Deferred);
        QCOMPARE(h[0].startedAt, QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC));
        QCOMPARE(h[0].endedAt, h[0].startedAt.addSecs(2));
        QCOMPARE(h[0].loginAt, login);
        QCOMPARE(h[0].reply, QStringLiteral("busy\n451 4.3.0 Try later"));
        QCOMPARE(h[0].recipients.value(0).reply, QStringLiteral("451 4.3.0 Try later"));
        QCOMPARE(h[1].outcome, DeliveryAttempt::Outcome::Deferred);
        QCOMPARE(h[1].reply, QStringLiteral("relay refused"));
        QCOMPARE(h[1].recipients.value(0).accepted, false);
        QCOMPARE(h[2].outcome, DeliveryAttempt::Outcome::Sent);
        QCOMPARE(h[2].reply, QStringLiteral("250 2.0.0 Ok: queued as ABC"));
        QCOMPARE(h[2].recipients.value(0).accepted, true);
        QCOMPARE(h[2].loginAt, h[2].startedAt.addSecs(-1));
        QVERIFY(h[0].endedAt < h[1].startedAt && h[1].endedAt <= h[2].startedAt);
    }

    void historySurvivesCompaction()
    {
        QTemporaryDir dir;
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QString id = store.queue(message(QStringLiteral("kept"))).value();
        QVERIFY(store.markSending(id));
        QVERIFY(store.defer(id, QDateTime::currentDateTimeUtc(), QStringLiteral("busy")));
        // Enough changes of another message to make the journal rewrite itself.
        const QString other = store.queue(message(QStringLiteral("other"))).value();
        for (int i = 0; i < 1100; ++i)
            QVERIFY(store.plan(other, QDateTime::currentDateTimeUtc().addDays(1 + i % 2)));
        QVERIFY(readAll(dir.filePath(QStringLiteral("outbox.journal"))).count('\n') < 100);
        QCOMPARE(store.message(id)->history.attempts().value(0).reply, QStringLiteral("busy"));
        OutboxStore reopened(dir.path());
        store.close();
        QVERIFY(reopened.open());
        QCOMPARE(reopened.message(id)->history.attempts().size(), 1);
    }

    void historyIsBounded()
    {
        QTemporaryDir dir;
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QString id = store.queue(message(QStringLiteral("m"))).value();
        const QString longReply(5000, QLatin1Char('x'));
        QList<DeliveryAttempt::Recipient> many;
        for (int i = 0; i < 500; ++i)
            many.append({QStringLiteral("r%1@example.org").arg(i), longReply, i != 7});
        for (int i = 0; i < 40; ++i) {
            QVERIFY(store.markSending(id));
            store.recordReplies(id, many, {});
            QVERIFY(store.defer(id, {}, QStringLiteral("attempt %1 ").arg(i) + longReply));
        }
        const DeliveryHistory history = store.message(id)->history;
        const QList<DeliveryAttempt> h = history.attempts();
        QCOMPARE(h.size(), DeliveryHistory::maxKept);
        QCOMPARE(history.omitted(), 40 - DeliveryHistory::maxKept);
        QVERIFY(h.first().reply.startsWith(QStringLiteral("attempt 0 "))); // when it began
        QVERIFY(h.last().reply.startsWith(QStringLiteral("attempt 39 "))); // and the latest
        QVERIFY(h.last().reply.size() <= DeliveryAttempt::maxReplyChars);
        QCOMPARE(h.last().recipients.size(), DeliveryAttempt::maxRecipients);
        QCOMPARE(h.last().moreRecipients, 500 - DeliveryAttempt::maxRecipients);
        QCOMPARE(h.last().recipients.first().address, QStringLiteral("r7@example.org"));
        QVERIFY(history.json().size() < 100 * 1024);
    }

    void historyTellsOfInterruptionsAndDecisions()
    {
        QTemporaryDir dir;
        const QString id = stoppedAfterItsData(dir.path());
        QString requeued;
        {
            OutboxStore store(dir.path());
            QVERIFY(store.open());
            requeued = store.queue(message(QStringLiteral("n"))).value();
            QVERIFY(store.markSending(requeued));
            QVERIFY(store.commit());
        } // stops while sending it, before its data
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        QCOMPARE(store.message(id)->history.attempts().value(0).outcome,
                 DeliveryAttempt::Outcome::MayHaveBeenSent);
        QCOMPARE(store.message(requeued)->history.attempts().value(0).outcome,
                 DeliveryAttempt::Outcome::Interrupted);
        // Failed without a transaction (Outpost gave up): said in the history too.
        QVERIFY(store.fail(requeued, QStringLiteral("gave up")));
        const DeliveryAttempt last = store.message(requeued)->history.attempts().last();
        QCOMPARE(last.outcome, DeliveryAttempt::Outcome::Failed);
        QVERIFY(!last.startedAt.isValid());
        QCOMPARE(last.reply, QStringLiteral("gave up"));
    }

    void manyMessagesListQuickly()
    {
        QTemporaryDir dir;
        QVERIFY(queueAndClose(dir.path(), 300, QStringLiteral("n")));
        OutboxStore store(dir.path());
        QVERIFY(store.open());
        const QList<OutboxEntry> all = store.messages();
        QCOMPARE(all.size(), 300);
        for (int i = 1; i < all.size(); ++i)
            QVERIFY(all.at(i - 1).queuedAt <= all.at(i).queuedAt);
        QCOMPARE(MessageReader::readSummary(all.first().messagePath).subject, QStringLiteral("n0"));
        QCOMPARE(MessageReader::readSummary(all.last().messagePath).subject,
                 QStringLiteral("n299"));
    }
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "tst_outboxstore.moc"
