// Correcting a message that did not go: its content back for editing, and the corrected one
// in its place, the old one removed only once the new one is on the disk.
#include "usecases/ReplaceMessage.h"

#include "store/OutboxStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {

Account account()
{
    Account a;
    a.id = QStringLiteral("home");
    a.name = QStringLiteral("Home");
    a.fullName = QStringLiteral("Alice");
    a.address = QStringLiteral("alice@example.com");
    return a;
}

OutgoingMessage built(const ComposeInput &input)
{
    const ComposeMessage::Result r = ComposeMessage::build(account(), input);
    if (!r.ok())
        qFatal("compose: %s", qPrintable(r.problem.message));
    return *r.message;
}

} // namespace

class TestReplaceMessage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    QString m_accountDir;
    QString m_attachment;

    /// A failed message to Bob (Cc Carol, Bcc Dave) with one attachment.
    QString queueFailed(OutboxStore &outbox)
    {
        ComposeInput in;
        in.to = QStringLiteral("Bob <bob@example.net>");
        in.cc = QStringLiteral("carol@example.net");
        in.bcc = QStringLiteral("dave@example.net");
        in.subject = QStringLiteral("Report");
        in.body = QStringLiteral("See the file.\n");
        in.attachments = {m_attachment};
        const std::optional<QString> id = outbox.queue(built(in));
        if (!id || !outbox.fail(*id, QStringLiteral("550 5.1.1 <bob@example.net>: unknown")))
            qFatal("queue failed");
        return *id;
    }

private Q_SLOTS:
    void init()
    {
        m_accountDir =
            m_profile.path() + QStringLiteral("/accounts/home-%1")
                                   .arg(QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(QDir().mkpath(m_accountDir));
        m_attachment = m_profile.path() + QStringLiteral("/report.txt");
        QFile file(m_attachment);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("figures\n");
    }

    void opensWhatTheMessageHeld()
    {
        OutboxStore outbox(m_accountDir);
        QVERIFY(outbox.open());
        const QString id = queueFailed(outbox);
        StoreError error;
        const std::optional<ReplaceMessage::Edit> edit =
            ReplaceMessage::open(outbox, QStringLiteral("home"), id, m_profile.path(), &error);
        QVERIFY2(edit, qPrintable(error.message));
        QCOMPARE(edit->oldId, id);
        QCOMPARE(edit->content.accountId, QStringLiteral("home"));
        QCOMPARE(edit->content.to, QStringLiteral("Bob <bob@example.net>"));
        QCOMPARE(edit->content.cc, QStringLiteral("carol@example.net"));
        QCOMPARE(edit->content.bcc, QStringLiteral("dave@example.net")); // from the envelope
        QCOMPARE(edit->content.subject, QStringLiteral("Report"));
        QVERIFY(edit->content.body.contains(QLatin1String("See the file.")));
        QVERIFY(edit->problems.isEmpty());
        QCOMPARE(edit->content.attachments.size(), 1);
        const QString copy = edit->content.attachments.first();
        QCOMPARE(QFileInfo(copy).fileName(), QStringLiteral("report.txt"));
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("figures\n"));
        file.close(); // Windows deletes no file that is still open

        // Given up: the copies go.
        ReplaceMessage::discard(*edit);
        QVERIFY(!QFileInfo::exists(edit->attachmentFolder));
        QVERIFY(outbox.message(id)); // and the message stays
    }

    void aSentMessageIsNotOpened()
    {
        OutboxStore outbox(m_accountDir);
        QVERIFY(outbox.open());
        const QString id = queueFailed(outbox);
        QVERIFY(outbox.markAsSent(id));
        StoreError error;
        QVERIFY(
            !ReplaceMessage::open(outbox, QStringLiteral("home"), id, m_profile.path(), &error));
        QCOMPARE(error.kind, StoreError::Kind::InvalidState);
        QVERIFY(!ReplaceMessage::open(outbox, QStringLiteral("home"), QStringLiteral("nope"),
                                      m_profile.path(), &error));
        QCOMPARE(error.kind, StoreError::Kind::NotFound);
    }

    void theOldOneGoesOnlyAfterTheNewOneIsOnTheDisk()
    {
        OutboxStore outbox(m_accountDir);
        QVERIFY(outbox.open());
        const QString oldId = queueFailed(outbox);
        const std::optional<ReplaceMessage::Edit> edit =
            ReplaceMessage::open(outbox, QStringLiteral("home"), oldId, m_profile.path());
        QVERIFY(edit);
        ComposeContent corrected = edit->content;
        corrected.to = QStringLiteral("Bob <bobby@example.net>");

        // When the old message leaves, the new one must already be there for any other
        // reader of the disk (a second program opens the outbox read-only).
        QStringList order;
        bool newOneOnDiskFirst = false;
        connect(&outbox, &OutboxStore::changed, this, [&](const QString &changedId) {
            order.append(changedId);
            if (changedId != oldId || outbox.message(oldId))
                return;
            OutboxStore reader(m_accountDir);
            QVERIFY(reader.open());
            QVERIFY(reader.isReadOnly());
            const QList<OutboxEntry> onDisk = reader.messages();
            newOneOnDiskFirst =
                std::any_of(onDisk.begin(), onDisk.end(), [&](const OutboxEntry &e) {
                    return e.id != oldId &&
                           e.envelope.recipients.contains(QLatin1String("bobby@example.net"));
                });
        });
        const ReplaceMessage::Result r = ReplaceMessage::replace(outbox, *edit, built(corrected));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QVERIFY(!r.oldKept.isError());
        QCOMPARE(order, (QStringList{*r.newId, oldId}));
        QVERIFY(newOneOnDiskFirst);
        QVERIFY(!outbox.message(oldId));
        QCOMPARE(outbox.message(*r.newId)->state, OutboxState::Queued);
        QVERIFY(!QFileInfo::exists(edit->attachmentFolder)); // the new message has its copy

        // And so it stays after a restart.
        outbox.close();
        OutboxStore reopened(m_accountDir);
        QVERIFY(reopened.open());
        QCOMPARE(reopened.messages().size(), 1);
        QCOMPARE(reopened.messages().first().id, *r.newId);
    }

    void anEditedPlannedMessageKeepsItsTime()
    {
        OutboxStore outbox(m_accountDir);
        QVERIFY(outbox.open());
        ComposeInput in;
        in.to = QStringLiteral("bob@example.net");
        in.subject = QStringLiteral("Monday");
        in.body = QStringLiteral("See you.\n");
        OutboxStore::QueueOptions later;
        later.notBefore = QDateTime::currentDateTimeUtc().addDays(3);
        const QString oldId = *outbox.queue(built(in), nullptr, later);
        const std::optional<ReplaceMessage::Edit> edit =
            ReplaceMessage::open(outbox, QStringLiteral("home"), oldId, m_profile.path());
        QVERIFY(edit);
        ComposeInput corrected = edit->content;
        corrected.body = QStringLiteral("See you at ten.\n");
        const ReplaceMessage::Result r = ReplaceMessage::replace(outbox, *edit, built(corrected));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(outbox.message(*r.newId)->notBefore, later.notBefore);
        QVERIFY(outbox.message(*r.newId)->dateAtSend);
    }

    void aFailedQueueingKeepsTheOldOne()
    {
        OutboxStore outbox(m_accountDir);
        QVERIFY(outbox.open());
        const QString oldId = queueFailed(outbox);
        const std::optional<ReplaceMessage::Edit> edit =
            ReplaceMessage::open(outbox, QStringLiteral("home"), oldId, m_profile.path());
        QVERIFY(edit);
        const OutgoingMessage corrected = built(edit->content);
        // The copy of the attachment vanishes before the corrected message is written.
        QVERIFY(QFile::remove(edit->content.attachments.first()));
        const ReplaceMessage::Result r = ReplaceMessage::replace(outbox, *edit, corrected);
        QVERIFY(!r.ok());
        QVERIFY(r.error.isError());
        QVERIFY(!r.error.message.isEmpty());
        QCOMPARE(outbox.messages().size(), 1);
        QCOMPARE(outbox.messages().first().id, oldId);
        QCOMPARE(outbox.message(oldId)->state, OutboxState::Failed);
    }
};

QTEST_GUILESS_MAIN(TestReplaceMessage)
#include "tst_replacemessage.moc"
