// Delivery reports for relayed mail: an RFC 3464 multipart/report with the server's words,
// in the account's inbox, exactly once per message, never for the null sender or for mail
// written in Outpost; against the sandbox refusing a recipient for good.
#include "SandboxFixture.h"

#include "relay/RelayService.h"
#include "schedule/Scheduler.h"
#include "session/Session.h"
#include "store/CredentialStore.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {

/// Hands @p submission to the relay's target and waits for its answer (the disk is written
/// on a worker thread).
RelayTarget::Outcome queued(RelayService *relay, const RelayTarget::Submission &submission)
{
    std::optional<RelayTarget::Outcome> answer;
    relay->queue(submission, [&answer](const RelayTarget::Outcome &outcome) { answer = outcome; });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, 20000);
    return answer.value_or(RelayTarget::Outcome{{}, "(no answer)"});
}

OutboxEntry failedRelayed(const QString &lastReply)
{
    OutboxEntry e;
    e.id = QStringLiteral("20261202-100000000-abcd");
    e.state = OutboxState::Failed;
    e.envelope.sender = QStringLiteral("scanner@example.com");
    e.envelope.recipients = {QStringLiteral("nobody@example.net")};
    e.envelope.origin = QStringLiteral("scanner.local");
    e.queuedAt = QDateTime(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
    e.lastReply = lastReply;
    return e;
}

const QByteArray original = "From: scanner@example.com\r\nTo: nobody@example.net\r\n"
                            "Subject: Scan 42\r\n\r\nbody\r\n";

} // namespace

class TestDeliveryReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPermanentRefusalMakesAMultipartReport()
    {
        const auto report = DeliveryReports::build(
            failedRelayed(QStringLiteral("The server refused the recipient: 550 5.1.1 "
                                         "<nobody@example.net>: User unknown")),
            original, QDateTime::currentDateTime());
        QVERIFY(report);
        QVERIFY(report->permanent);
        const QByteArray &r = report->bytes;
        QVERIFY(r.contains("To: <scanner@example.com>\r\n"));
        QVERIFY(r.contains("Auto-Submitted: auto-replied\r\n"));
        QVERIFY(r.contains("Content-Type: multipart/report; report-type=delivery-status;"));
        QVERIFY(r.contains("Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; "));
        QVERIFY(r.contains("\r\nFinal-Recipient: rfc822; nobody@example.net\r\nAction: failed\r\n"
                           "Status: 5.1.1\r\n"
                           "Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.net>: User "
                           "unknown\r\n"));
        QVERIFY(r.contains("Content-Type: text/rfc822-headers\r\n\r\nFrom: scanner@example.com"));
        QVERIFY(r.contains("Subject: Undelivered mail: Scan 42\r\n"));
        QVERIFY(r.contains("scanner.local"));
        // Every line ends with CRLF.
        QCOMPARE(r.count('\n'), r.count("\r\n"));
    }

    void aMessageThatAgedOutSaysSo()
    {
        const auto report = DeliveryReports::build(
            failedRelayed(QStringLiteral("Outpost gave up after trying for 72 hours. The last "
                                         "reply was: 451 4.7.1 Try again later")),
            original, QDateTime::currentDateTime());
        QVERIFY(report);
        QVERIFY(!report->permanent);
        QVERIFY(report->bytes.contains("Status: 4.4.7\r\n"));
        QVERIFY(report->bytes.contains("Diagnostic-Code: smtp; 451 4.7.1 Try again later"));
    }

    void noReportWhereNoneIsDue()
    {
        OutboxEntry e = failedRelayed(QStringLiteral("550 5.1.1 unknown"));
        e.envelope.sender.clear(); // a report itself (or a bounce): never a report about it
        QVERIFY(!DeliveryReports::build(e, original, QDateTime::currentDateTime()));
        e = failedRelayed(QStringLiteral("550 5.1.1 unknown"));
        e.envelope.origin.clear(); // written in Outpost: the window tells its user
        QVERIFY(!DeliveryReports::build(e, original, QDateTime::currentDateTime()));
        e = failedRelayed(QString());
        e.state = OutboxState::Deferred; // still trying
        QVERIFY(!DeliveryReports::build(e, original, QDateTime::currentDateTime()));
        e.state = OutboxState::Sent; // sent to everyone
        QVERIFY(!DeliveryReports::build(e, original, QDateTime::currentDateTime()));
        e.rejectedRecipients = {QStringLiteral("nobody@example.net")}; // ... but one
        const auto partial = DeliveryReports::build(e, original, QDateTime::currentDateTime());
        QVERIFY(partial);
        QCOMPARE(partial->failedRecipients, QStringList{QStringLiteral("nobody@example.net")});
    }

    void exactlyOneReportInTheInboxPerMessage()
    {
        SandboxServer server;
        SandboxFixture::setUp(server);
        server.settings().popBeforeSmtp = false;
        SandboxFault refuse;
        refuse.command = "RCPT";
        refuse.occurrence = 0;
        refuse.reply = "550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown";
        server.addFault(refuse);
        QVERIFY(server.listen());

        QTemporaryDir dir;
        Session::Options options;
        options.keychainService = QStringLiteral("outpost-tests");
        Session session(dir.path(), options);
        QVERIFY(!session.open().isError());
        Account account =
            SandboxFixture::account(server, QStringLiteral("home"), QStringLiteral("Home"));
        account.popBeforeSmtp = false;
        account.checkIntervalMinutes = 0;
        account.checkAtStartup = false;
        QString error;
        QVERIFY(session.accounts()->add(account, &error));
        StoreError storeError;
        QVERIFY(session.applyAccounts(&storeError));
        session.credentials()->rememberForSession(account.id, CredentialStore::Server::Incoming,
                                                  QStringLiteral("wonderland"));

        RelayService *relay = session.relay();
        QSignalSpy reported(relay, &RelayService::reported);
        QSignalSpy finished(session.scheduler(), &Scheduler::cycleFinished);
        RelayTarget::Submission submission;
        submission.accountId = account.id;
        submission.sender = QStringLiteral("scanner@example.com");
        submission.recipients = {QStringLiteral("nobody@example.net")};
        submission.data = original;
        submission.clientName = QStringLiteral("scanner.local");
        const RelayTarget::Outcome outcome = queued(relay, submission); // sends immediately
        QVERIFY(outcome.queued());
        QVERIFY(finished.wait(20000));
        OutboxStore *outbox = session.scheduler()->outbox(account.id);
        QCOMPARE(outbox->message(outcome.id)->state, OutboxState::Failed);
        QCOMPARE(reported.size(), 1);
        QVERIFY(reported.first().at(2).toString().contains(QStringLiteral("scanner.local")));
        InboxStore *inbox = session.scheduler()->inbox(account.id);
        QList<InboxMessage> messages = inbox->messages();
        QCOMPARE(messages.size(), 1);
        QFile file(messages.first().path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("Status: 5.1.1"));
        QVERIFY(bytes.contains("Recipient address rejected: User unknown"));

        // Sent again by hand and refused again: still one report.
        QVERIFY(outbox->requeue(outcome.id));
        session.scheduler()->trigger(account.id, Scheduler::Trigger::Manual);
        QVERIFY(finished.wait(20000));
        QCOMPARE(outbox->message(outcome.id)->state, OutboxState::Failed);
        QCOMPARE(reported.size(), 1);
        QCOMPARE(inbox->messages().size(), 1);

        // The null sender (a report from another program): refused the same way, no report.
        submission.sender.clear();
        QVERIFY(queued(relay, submission).queued());
        QVERIFY(finished.wait(20000));
        QCOMPARE(reported.size(), 1);
        QCOMPARE(inbox->messages().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryReports)
#include "tst_deliveryreports.moc"
