// Triggers, coalescing, intervals and retries of the scheduler, with an injected clock.
// Passwords come from the credential store's session memory, so no keychain is needed.
#include "CycleFixture.h"

#include "message/MailDate.h"
#include "schedule/Scheduler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Outpost;

namespace {
struct SchedulerFixture : CycleFixture
{
    CredentialStore credentials{QStringLiteral("outpost-tests")};
    std::unique_ptr<Scheduler> scheduler;

    void make(bool rememberPassword = true)
    {
        // The scheduler opens its own stores in the profile.
        outbox.reset();
        inbox.reset();
        if (rememberPassword)
            credentials.rememberForSession(account.id, CredentialStore::Server::Incoming, password);
        scheduler = std::make_unique<Scheduler>(Profile(dir.path()), &credentials, &clock);
        CycleOptions o = options();
        scheduler->setCycleOptions(o);
        StoreError error;
        if (!scheduler->setAccounts({account}, &error))
            qFatal("setAccounts failed");
    }

    QString queueHere(const QDateTime &notBefore = {},
                      const QString &subject = QStringLiteral("Hi"), bool held = false)
    {
        OutgoingMessage m;
        m.from = MailAddress(QString(), QStringLiteral("alice"), QStringLiteral("example.com"));
        m.to = {MailAddress(QString(), QStringLiteral("bob"), QStringLiteral("example.net"))};
        m.subject = subject;
        m.body = QStringLiteral("Hi.\n");
        OutboxStore::QueueOptions options;
        options.notBefore = notBefore;
        options.held = held;
        return *scheduler->outbox(account.id)->queue(m, nullptr, options);
    }
};
} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accountsThatCannotOpenChangeNothing()
    {
        // A new account whose folder cannot be made (a file stands where it should be):
        // setAccounts fails, and the accounts already there are untouched and still work.
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 0;
        f.make();
        const QString kept = f.queueHere();
        Account other = f.account;
        other.id = QStringLiteral("other");
        other.name = QStringLiteral("Other");
        const QString blocked = Profile(f.dir.path()).accountDirectory(other.id);
        QVERIFY(QDir().mkpath(QFileInfo(blocked).path()));
        QFile file(blocked);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();

        StoreError error;
        QVERIFY(!f.scheduler->setAccounts({f.account, other}, &error));
        QVERIFY(error.isError());
        QVERIFY2(error.message.contains(QLatin1String("Other")), qPrintable(error.message));
        QVERIFY2(!error.detail.isEmpty(), "the detail for the log survives");
        QCOMPARE(f.scheduler->accounts().size(), 1);
        QCOMPARE(f.scheduler->accounts().first().id, f.account.id);
        QVERIFY(f.scheduler->account(f.account.id));
        QVERIFY(!f.scheduler->status(f.account.id).running);
        QCOMPARE(f.scheduler->outbox(f.account.id)->message(kept)->state, OutboxState::Queued);

        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(1).value<CycleResult>().sent, 1);
        QCOMPARE(f.scheduler->outbox(f.account.id)->message(kept)->state, OutboxState::Sent);
    }

    void removingAnAccountDuringItsCycle()
    {
        // The cycle is aborted and may still be unwinding when the account is gone; its stores
        // live until it is destroyed (AddressSanitizer watches), and the mail stays queued.
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 0;
        f.server.settings().replyDelayMs = 50;
        f.make();
        const QString id = f.queueHere();
        QSignalSpy transcript(f.scheduler.get(), &Scheduler::transcript);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QVERIFY(f.scheduler->isRunning(f.account.id));
        QVERIFY(transcript.wait(5000)); // connected, mid-conversation
        StoreError error;
        QVERIFY(f.scheduler->setAccounts({}, &error));
        QVERIFY(f.scheduler->accounts().isEmpty());
        QVERIFY(!f.scheduler->isBusy());
        QTest::qWait(0); // let the aborted cycle be deleted
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

        // The account comes back: its message is still there, not lost, not sent.
        QVERIFY(f.scheduler->setAccounts({f.account}, &error));
        const auto entry = f.scheduler->outbox(f.account.id)->message(id);
        QVERIFY(entry);
        QVERIFY(entry->state != OutboxState::Sent);
        QVERIFY(f.server.deliveries().isEmpty());
    }

    void triggersDuringACycleAreCoalescedIntoOneMore()
    {
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 0;
        f.make();
        QSignalSpy started(f.scheduler.get(), &Scheduler::cycleStarted);
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QVERIFY(f.scheduler->isRunning(f.account.id));
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Queued);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Interval);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(started.size(), 2);
        QVERIFY(!f.scheduler->isRunning(f.account.id));
    }

    void intervalRunsCycles()
    {
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 5;
        f.make();
        QSignalSpy started(f.scheduler.get(), &Scheduler::cycleStarted);
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->start();
        QCOMPARE(f.scheduler->status(f.account.id).nextCheck, f.clock.now().addSecs(5 * 60));
        QVERIFY(started.isEmpty());
        f.clock.advance(5 * 60 * 1000 - 1);
        QVERIFY(started.isEmpty());
        f.clock.advance(1);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000);
        QCOMPARE(started.first().at(1).value<Scheduler::Trigger>(), Scheduler::Trigger::Interval);
        // The cycle may have finished already while QTRY waited for its start (a loopback
        // cycle takes milliseconds): count the signal, do not wait for a next one.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        // The next check counts from the end of this one.
        QCOMPARE(f.scheduler->status(f.account.id).nextCheck, f.clock.now().addSecs(5 * 60));
    }

    void startupCheck()
    {
        SchedulerFixture f;
        f.account.checkAtStartup = true;
        f.make();
        QSignalSpy started(f.scheduler.get(), &Scheduler::cycleStarted);
        f.scheduler->start();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000);
        QCOMPARE(started.first().at(1).value<Scheduler::Trigger>(), Scheduler::Trigger::Startup);
    }

    void deferredMessageIsRetriedWhenDue()
    {
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 0;
        f.make();
        const QString id = f.queueHere();
        SandboxFault fault;
        fault.command = "RCPT";
        fault.occurrence = 1;
        fault.reply = "451 4.7.1 Greylisted, try again later";
        f.server.addFault(fault);
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(1).value<CycleResult>().deferred, 1);
        QCOMPARE(f.scheduler->outbox(f.account.id)->message(id)->state, OutboxState::Deferred);

        QSignalSpy started(f.scheduler.get(), &Scheduler::cycleStarted);
        f.clock.advance(59 * 1000);
        QVERIFY(started.isEmpty());
        f.clock.advance(1000); // one minute: the first backoff step
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000);
        QCOMPARE(started.first().at(1).value<Scheduler::Trigger>(), Scheduler::Trigger::Retry);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000); // it may have finished already
        const CycleResult retry = finished.last().at(1).value<CycleResult>();
        QCOMPARE(retry.sent, 1);
        QCOMPARE(retry.popLogins, 0); // the window was still open: no new login
        QVERIFY(f.scheduler->outbox(f.account.id)->sentMessages().size() == 1);
    }

    void plannedMessageLeavesWhenDueNotASecondBefore()
    {
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 0;
        f.make();
        QSignalSpy started(f.scheduler.get(), &Scheduler::cycleStarted);
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->start();
        const QDateTime due = f.clock.now().addSecs(3600);
        const QString id = f.queueHere(due);
        // The wake-up is set for exactly that time, and for nothing else (no polling).
        QTRY_COMPARE(f.clock.nextDue(), due);
        QCOMPARE(f.clock.pendingCount(), 1);
        f.clock.advance(3600 * 1000 - 1000);
        QCoreApplication::processEvents();
        QVERIFY(started.isEmpty());
        // A cycle one second early (Send/Receive pressed) leaves it where it is.
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().at(1).value<CycleResult>().sent, 0);
        QCOMPARE(f.server.deliveries().size(), 0);
        QCOMPARE(f.scheduler->outbox(f.account.id)->message(id)->state, OutboxState::Queued);
        QTRY_COMPARE(f.clock.nextDue(), due); // armed again after that cycle
        f.clock.advance(1000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(started.last().at(1).value<Scheduler::Trigger>(), Scheduler::Trigger::Retry);
        QCOMPARE(finished.last().at(1).value<CycleResult>().sent, 1);
        // The Date says when it left, not when it was written; there is one Date field.
        QCOMPARE(f.server.deliveries().size(), 1);
        const QByteArray data = f.server.deliveries().first().data;
        QVERIFY2(data.startsWith("Date: " + MailDate::format(due.toLocalTime()) + "\r\n"),
                 data.left(200).constData());
        QCOMPARE(data.count("\nDate:"), 0);
        // Sent once: time going on sends nothing more.
        f.clock.advance(24 * 3600 * 1000);
        QCoreApplication::processEvents();
        QCOMPARE(f.server.deliveries().size(), 1);
        QCOMPARE(f.clock.pendingCount(), 0);
    }

    void plannedMessagesSurviveClockJumps()
    {
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 0;
        f.make();
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->start();
        const QDateTime start = f.clock.now();
        const QString first = f.queueHere(start.addSecs(3600), QStringLiteral("first"));
        const QString second = f.queueHere(start.addSecs(5 * 3600), QStringLiteral("second"));
        QTRY_COMPARE(f.clock.nextDue(), start.addSecs(3600));
        // The clock set back a day: nothing goes early.
        f.clock.set(start.addDays(-1));
        QCoreApplication::processEvents();
        QVERIFY(finished.isEmpty());
        // Asleep past the first time: at wake it goes out, once; the second still waits.
        f.clock.set(start.addSecs(2 * 3600));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(f.server.deliveries().size(), 1);
        QVERIFY(f.server.deliveries().first().data.contains("Subject: first"));
        OutboxStore *outbox = f.scheduler->outbox(f.account.id);
        QVERIFY(outbox->isInSent(first));
        QCOMPARE(outbox->message(second)->state, OutboxState::Queued);
        QTRY_COMPARE(f.clock.nextDue(), start.addSecs(5 * 3600));
        // Set back again, then forward past both: the second once, the first not again.
        f.clock.set(start);
        QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 1);
        f.clock.set(start.addDays(2));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(f.server.deliveries().size(), 2);
        QVERIFY(f.server.deliveries().last().data.contains("Subject: second"));
        QVERIFY(outbox->isInSent(second));
    }

    void sendNowAndChangeTimeMoveTheWakeUp()
    {
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 0;
        f.make();
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->start();
        const QDateTime start = f.clock.now();
        const QString id = f.queueHere(start.addDays(3));
        OutboxStore *outbox = f.scheduler->outbox(f.account.id);
        QTRY_COMPARE(f.clock.nextDue(), start.addDays(3));
        // Changed to an earlier time: the wake-up follows.
        QVERIFY(outbox->plan(id, start.addSecs(600)));
        QTRY_COMPARE(f.clock.nextDue(), start.addSecs(600));
        QCOMPARE(f.clock.pendingCount(), 1);
        // "Send now": due at once (the caller runs the cycle), no wake-up left.
        QVERIFY(outbox->plan(id, {}));
        QTRY_COMPARE(f.clock.pendingCount(), 0);
        QCOMPARE(outbox->countDue(start), 1);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(f.server.deliveries().size(), 1);
        // Its Date is still set as it leaves.
        QVERIFY(f.server.deliveries().first().data.startsWith(
            "Date: " + MailDate::format(start.toLocalTime()) + "\r\n"));
    }

    void aHeldMessageGoesWhenItsHoldEnds_data()
    {
        QTest::addColumn<bool>("sendImmediately");
        QTest::newRow("sends immediately") << true;
        QTest::newRow("waits for the check") << false;
    }

    void aHeldMessageGoesWhenItsHoldEnds()
    {
        // Undo send: the hold's end wakes an account that sends immediately; another one
        // sends the message at its next check, as it would have without the hold.
        QFETCH(bool, sendImmediately);
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 0;
        f.account.sendImmediately = sendImmediately;
        f.make();
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->start();
        const QDateTime end = f.clock.now().addSecs(10);
        const QString id = f.queueHere(end, QStringLiteral("held"), true);
        QVERIFY(f.scheduler->outbox(f.account.id)->message(id)->held);
        QCoreApplication::processEvents();
        QCOMPARE(f.clock.pendingCount(), sendImmediately ? 1 : 0);
        f.clock.advance(9999);
        QCoreApplication::processEvents();
        QVERIFY(finished.isEmpty());
        f.clock.advance(1);
        if (sendImmediately) {
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        } else {
            QCoreApplication::processEvents();
            QVERIFY(finished.isEmpty());
            QCOMPARE(f.scheduler->outbox(f.account.id)->countDue(f.clock.now()), 1);
            f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        }
        QCOMPARE(f.server.deliveries().size(), 1);
        QVERIFY(f.scheduler->outbox(f.account.id)->isInSent(id));
    }

    void aHoldSurvivesACrash()
    {
        // The program killed during a hold: the message is on the disk with its hold; after
        // the restart it is due (never lost) and goes once (never twice).
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 0;
        f.make();
        const QString id = f.queueHere(f.clock.now().addSecs(30), QStringLiteral("held"), true);
        f.scheduler.reset(); // as a kill leaves it: nothing more written
        f.clock.advance(60 * 1000);
        f.make();
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->start();
        OutboxStore *outbox = f.scheduler->outbox(f.account.id);
        QCOMPARE(outbox->countDue(f.clock.now()), 1);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(f.server.deliveries().size(), 1);
        QVERIFY(outbox->isInSent(id));
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(f.server.deliveries().size(), 1);
    }

    void correctedPasswordEndsThePauseAtOnce()
    {
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 60;
        const QString right = f.password;
        f.password = QStringLiteral("not-the-password");
        f.make();
        f.scheduler->start();
        const QString id = f.queueHere();
        QSignalSpy started(f.scheduler.get(), &Scheduler::cycleStarted);
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(1).value<CycleResult>().accountError.kind,
                 NetError::Authentication);
        QVERIFY(f.scheduler->status(f.account.id).lastError.isError());

        // The user types the right password: the account tries again without waiting for
        // its next check (an hour away on this clock, which does not move).
        f.credentials.rememberForSession(f.account.id, CredentialStore::Server::Incoming, right);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 5000);
        QCOMPARE(started.last().at(1).value<Scheduler::Trigger>(), Scheduler::Trigger::Changed);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(finished.last().at(1).value<CycleResult>().sent, 1);
        QCOMPARE(f.scheduler->outbox(f.account.id)->message(id)->state, OutboxState::Sent);
        QVERIFY(!f.scheduler->status(f.account.id).lastError.isError());
    }

    void changedSettingsEndThePauseAtOnce()
    {
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.account.checkIntervalMinutes = 0;
        const QString rightUser = f.account.popUser;
        f.account.popUser = QStringLiteral("nobody");
        f.make();
        QSignalSpy started(f.scheduler.get(), &Scheduler::cycleStarted);
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QVERIFY(finished.wait(20000));
        QVERIFY(f.scheduler->status(f.account.id).lastError.isError());

        // The same settings again change nothing; the corrected user name tries at once.
        StoreError error;
        QVERIFY(f.scheduler->setAccounts({f.account}, &error));
        QCoreApplication::processEvents();
        QCOMPARE(started.size(), 1);
        // Whoever hears that the pause ended may look at the accounts at once (the window
        // does): the list is whole by then.
        int looked = 0;
        connect(f.scheduler.get(), &Scheduler::statusChanged, this, [&](const QString &id) {
            QCOMPARE(f.scheduler->accounts().size(), 1);
            QVERIFY(f.scheduler->account(id));
            ++looked;
        });
        f.account.popUser = rightUser;
        QVERIFY(f.scheduler->setAccounts({f.account}, &error));
        QVERIFY(looked > 0);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 5000);
        QCOMPARE(started.last().at(1).value<Scheduler::Trigger>(), Scheduler::Trigger::Changed);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QVERIFY(!f.scheduler->status(f.account.id).lastError.isError());
    }

    void missingPasswordIsOneAccountError()
    {
        SchedulerFixture f;
        f.account.id = QStringLiteral("no-password-%1").arg(QDateTime::currentMSecsSinceEpoch());
        f.make(false);
        f.queueHere();
        QSignalSpy problem(f.scheduler.get(), &Scheduler::passwordProblem);
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QVERIFY(finished.wait(20000));
        QCOMPARE(problem.size(), 1);
        const CycleResult r = finished.first().at(1).value<CycleResult>();
        QCOMPARE(r.accountError.kind, NetError::Authentication);
        QCOMPARE(r.waiting, 1);
        QVERIFY(f.server.deliveries().isEmpty());
    }

    void learnedWindowIsKeptAcrossRestarts()
    {
        SchedulerFixture f;
        f.account.checkAtStartup = false;
        f.make();
        QSignalSpy finished(f.scheduler.get(), &Scheduler::cycleFinished);
        f.scheduler->trigger(f.account.id, Scheduler::Trigger::Manual);
        QVERIFY(finished.wait(20000));
        const QDateTime login = f.scheduler->authWindow(f.account.id)->lastLogin();
        QVERIFY(login.isValid());
        f.make(); // a new scheduler on the same profile
        QCOMPARE(f.scheduler->authWindow(f.account.id)->lastLogin(), login);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
