// One wording for outbox states, shared by the message list and outpost-cli.
#include "usecases/OutboxStateText.h"

#include <QLocale>
#include <QTest>

using namespace Outpost;

namespace {

const QDateTime now = QDateTime(QDate(2026, 12, 2), QTime(9, 30)); // local time

OutboxEntry entry(OutboxState state, const QString &reply = {})
{
    OutboxEntry e;
    e.id = QStringLiteral("m1");
    e.state = state;
    e.lastReply = reply;
    return e;
}

} // namespace

class TestOutboxStateText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void relayedMailSaysWhereItCameFrom()
    {
        OutboxEntry written;
        QVERIFY(OutboxStateText::origin(written).isEmpty());
        OutboxEntry relayed;
        relayed.envelope.origin = QStringLiteral("thunderbird.local");
        QCOMPARE(OutboxStateText::origin(relayed),
                 QStringLiteral("Handed over by thunderbird.local through the local relay"));
    }

    void everyStateHasWords()
    {
        for (int s = int(OutboxState::Queued); s <= int(OutboxState::Sent); ++s) {
            const OutboxEntry e = entry(OutboxState(s));
            QVERIFY2(!OutboxStateText::label(e, {now}).isEmpty(), qPrintable(QString::number(s)));
            QVERIFY(!OutboxStateText::describe(e, {now}).isEmpty());
        }
        QCOMPARE(OutboxStateText::label(entry(OutboxState::Queued)), QStringLiteral("Waiting"));
        OutboxStateText::Context behindLogin{now};
        behindLogin.waitingForLogin = true;
        QCOMPARE(OutboxStateText::label(entry(OutboxState::Queued), behindLogin),
                 QStringLiteral("Waiting for the POP login"));
        OutboxStateText::Context progress{now};
        progress.percent = 40;
        QCOMPARE(OutboxStateText::label(entry(OutboxState::Sending), progress),
                 QStringLiteral("Sending (40%)"));
    }

    void aWaitingMessageSaysWhatItsAccountWaitsFor()
    {
        Account manual;
        manual.checkIntervalMinutes = 0;
        Scheduler::Status works;
        const OutboxEntry queued = entry(OutboxState::Queued);
        QCOMPARE(OutboxStateText::label(queued, OutboxStateContext::forAccount(manual, works, now)),
                 QStringLiteral("Waiting for you to press Send/Receive"));
        QCOMPARE(OutboxStateText::label(queued,
                                        OutboxStateContext::forAccount(manual, works, now, true)),
                 QStringLiteral("Waiting for \"outpost-cli send-receive\""));

        Scheduler::Status refused;
        refused.lastError = NetError::make(
            NetError::Authentication, QStringLiteral("Login failed."), "-ERR [AUTH] Invalid login");
        const OutboxStateContext wrongPassword =
            OutboxStateContext::forAccount(manual, refused, now);
        QCOMPARE(OutboxStateText::label(queued, wrongPassword),
                 QStringLiteral("Waiting: the server refused the password — enter it again"));
        // A deferred message of a paused account waits on the account, not on its own time.
        OutboxEntry deferred = entry(OutboxState::Deferred, QStringLiteral("451 Later"));
        deferred.nextAttempt = now.addSecs(60).toUTC();
        QCOMPARE(OutboxStateText::describe(deferred, wrongPassword),
                 QStringLiteral("Waiting: the server refused the password — enter it again"));

        Account every10;
        Scheduler::Status unreachable;
        unreachable.lastError =
            NetError::make(NetError::Network, QStringLiteral("Connection refused."));
        unreachable.nextRetry = now.addSecs(35 * 60).toUTC();
        unreachable.nextCheck = now.addSecs(40 * 60).toUTC();
        const QString time = QLocale().toString(QTime(10, 5), QLocale::ShortFormat);
        const OutboxStateContext down = OutboxStateContext::forAccount(every10, unreachable, now);
        QCOMPARE(
            OutboxStateText::label(queued, down),
            QStringLiteral("Waiting: the server could not be reached — next try at %1").arg(time));
        // The history ends with the same reason.
        OutboxEntry queuedAt = queued;
        queuedAt.queuedAt = now.addSecs(-60).toUTC();
        const QStringList timeline = OutboxStateText::timeline(queuedAt, down);
        QCOMPARE(timeline.size(), 2);
        QCOMPARE(timeline.last(),
                 QStringLiteral("Now: Waiting: the server could not be reached — next try at %1")
                     .arg(time));
        // Without the account, as before.
        QVERIFY(OutboxStateText::timeline(queuedAt, now).isEmpty());

        Scheduler::Status tls;
        tls.lastError =
            NetError::make(NetError::Tls, QStringLiteral("The server offers no STARTTLS."));
        QCOMPARE(OutboxStateText::label(queued, OutboxStateContext::forAccount(every10, tls, now)),
                 QStringLiteral("Waiting: no secure connection could be made — check the "
                                "account's settings"));
        // A message sent later keeps its own time.
        OutboxEntry later = queued;
        later.notBefore = now.addDays(1).toUTC();
        QVERIFY(
            OutboxStateText::label(later, wrongPassword).startsWith(QLatin1String("To be sent")));
    }

    void aRetryTodaySaysTheTimeAndWhy()
    {
        OutboxEntry e = entry(OutboxState::Deferred, QStringLiteral("451 4.3.0 Try\r\n again"));
        e.nextAttempt = now.addSecs(10 * 60).toUTC();
        const QString time = QLocale().toString(QTime(9, 40), QLocale::ShortFormat);
        QCOMPARE(OutboxStateText::label(e, {now}), QStringLiteral("Will retry at %1").arg(time));
        // The server's words on one line.
        QCOMPARE(OutboxStateText::describe(e, {now}),
                 QStringLiteral("Will retry at %1 because: 451 4.3.0 Try again").arg(time));
    }

    void aRetryOnAnotherDaySaysTheDay()
    {
        OutboxEntry e = entry(OutboxState::Deferred);
        e.nextAttempt = now.addDays(1).toUTC();
        QVERIFY2(
            OutboxStateText::label(e, {now}).startsWith(QLatin1String("Will retry tomorrow at ")),
            qPrintable(OutboxStateText::label(e, {now})));
        e.nextAttempt = now.addDays(3).toUTC();
        QCOMPARE(OutboxStateText::label(e, {now}),
                 QStringLiteral("Will retry on %1")
                     .arg(QLocale().toString(now.addDays(3), QLocale::ShortFormat)));
        // No reply: no "because".
        QVERIFY(!OutboxStateText::describe(e, {now}).contains(QLatin1String("because")));
    }

    void failedSaysTheServersWords()
    {
        const OutboxEntry e = entry(OutboxState::Failed, QStringLiteral("550 5.1.1 User unknown"));
        QCOMPARE(OutboxStateText::label(e, {now}), QStringLiteral("Failed"));
        QCOMPARE(OutboxStateText::describe(e, {now}),
                 QStringLiteral("Failed because: 550 5.1.1 User unknown"));
        QCOMPARE(OutboxStateText::describe(entry(OutboxState::Failed), {now}),
                 QStringLiteral("Failed"));
    }

    void mayHaveBeenSentSaysWhy()
    {
        const OutboxEntry e = entry(OutboxState::MayHaveBeenSent, QStringLiteral("lost"));
        QCOMPARE(OutboxStateText::label(e, {now}), QStringLiteral("May have been sent"));
        QVERIFY(OutboxStateText::describe(e, {now}).contains(QLatin1String("connection broke")));
    }

    void sentNamesRefusedRecipients()
    {
        OutboxEntry e = entry(OutboxState::Sent);
        e.sentAt = now.toUTC();
        const QString when = QLocale().toString(now, QLocale::ShortFormat);
        QCOMPARE(OutboxStateText::describe(e, {now}), QStringLiteral("Sent %1").arg(when));
        e.rejectedRecipients = {QStringLiteral("carol@example.net")};
        QCOMPARE(OutboxStateText::describe(e, {now}),
                 QStringLiteral("Sent %1, but not to carol@example.net").arg(when));
    }

    void theTimelineReadsInOrder()
    {
        // Two deferrals after POP logins, then a success with SMTP AUTH: every attempt, its
        // login, its outcome and each recipient's reply, oldest first.
        OutboxEntry e = entry(OutboxState::Sent);
        QVERIFY(OutboxStateText::timeline(e, now).isEmpty()); // never tried: nothing to show
        const QDateTime start = now.toUTC();
        e.queuedAt = start;
        const auto attempt = [&](int minute, DeliveryAttempt::Outcome outcome, const QString &reply,
                                 bool login) {
            DeliveryAttempt a;
            a.startedAt = start.addSecs(minute * 60 + 30);
            a.endedAt = a.startedAt.addSecs(2);
            if (login)
                a.loginAt = a.startedAt.addSecs(-20);
            else
                a.smtpAuth = true;
            a.outcome = outcome;
            a.reply = reply;
            a.recipients = {{QStringLiteral("bob@example.net"), reply,
                             outcome == DeliveryAttempt::Outcome::Sent}};
            e.history.add(a);
        };
        attempt(1, DeliveryAttempt::Outcome::Deferred, QStringLiteral("451 4.7.1 Try later"), true);
        attempt(6, DeliveryAttempt::Outcome::Deferred, QStringLiteral("451 4.7.1 Busy"), true);
        attempt(20, DeliveryAttempt::Outcome::Sent, QStringLiteral("250 2.0.0 Ok: queued"), false);
        const QLocale locale;
        const auto at = [&](int minute) {
            return locale.toString(now.addSecs(minute * 60).time(), QLocale::ShortFormat);
        };
        const QStringList expected = {
            QStringLiteral("Queued at %1").arg(at(0)),
            QStringLiteral("Tried at %1 after the POP login at %1: to be tried again (451 4.7.1 "
                           "Try later)")
                .arg(at(1)),
            QStringLiteral("    bob@example.net: 451 4.7.1 Try later"),
            QStringLiteral("Tried at %1 after the POP login at %1: to be tried again (451 4.7.1 "
                           "Busy)")
                .arg(at(6)),
            QStringLiteral("    bob@example.net: 451 4.7.1 Busy"),
            QStringLiteral("Tried at %1 with SMTP AUTH: sent (250 2.0.0 Ok: queued)").arg(at(20)),
            QStringLiteral("    bob@example.net: 250 2.0.0 Ok: queued"),
        };
        QCOMPARE(OutboxStateText::timeline(e, now), expected);
    }
};

QTEST_GUILESS_MAIN(TestOutboxStateText)
#include "tst_outboxstatetext.moc"
