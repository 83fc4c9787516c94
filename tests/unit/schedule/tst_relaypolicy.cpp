// The POP-before-SMTP decisions of a cycle, driven by a manual clock: when to log in again,
// when several messages may go out at once, and what a relay refusal leads to.

#include "ManualClock.h"
#include "schedule/AuthWindow.h"
#include "schedule/RelayPolicy.h"

#include <QTest>

using namespace Outpost;

class TestRelayPolicy : public QObject
{
    Q_OBJECT

    const QDateTime t0 = QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC);
    RelayPolicy::Options options() const
    {
        RelayPolicy::Options o;
        o.lateGrantDelaysMs = {4000, 2000};
        o.windowMarginMs = 15000;
        return o;
    }

private Q_SLOTS:
    void loginNeededOnlyWhenTheWindowCloses()
    {
        ManualClock clock(t0);
        AuthWindow window(300);
        RelayPolicy policy(&window, true, options());
        QVERIFY(policy.needsLogin(clock.now())); // never logged in
        policy.loggedIn(clock.now());
        QVERIFY(!policy.needsLogin(clock.now()));
        clock.advance((300 - 15) * 1000 - 1);
        QVERIFY(!policy.needsLogin(clock.now()));
        clock.advance(1); // within the margin of the window's end
        QVERIFY(policy.needsLogin(clock.now()));
    }

    void withoutPopBeforeSmtpNothingIsAsked()
    {
        ManualClock clock(t0);
        AuthWindow window(300);
        RelayPolicy policy(&window, false, options());
        QVERIFY(!policy.needsLogin(clock.now()));
        QVERIFY(policy.mayBatch(clock.now(), 10, 60000));
    }

    void batchingWaitsForAProvenRelayAndTheWindow()
    {
        ManualClock clock(t0);
        AuthWindow window(300);
        RelayPolicy policy(&window, true, options());
        policy.loggedIn(clock.now());
        QVERIFY(policy.mayBatch(clock.now(), 0, 0));     // the first message always goes
        QVERIFY(!policy.mayBatch(clock.now(), 1, 1000)); // not proven since this login
        clock.advance(1000);
        policy.relayed(clock.now());
        QVERIFY(policy.mayBatch(clock.now(), 1, 1000));
        // 299 s - 15 s margin left = 284 s: 142 messages of 2 s fit, 143 do not.
        QVERIFY(policy.mayBatch(clock.now(), 141, 2000));
        QVERIFY(!policy.mayBatch(clock.now(), 142, 2000));
        // A new login is not proven until it relays again.
        policy.loggedIn(clock.now());
        QVERIFY(!policy.mayBatch(clock.now(), 1, 1000));
    }

    void lateGrantWaitsThenLogsInOnceThenGivesUp()
    {
        ManualClock clock(t0);
        AuthWindow window(300);
        RelayPolicy policy(&window, true, options());
        policy.loggedIn(clock.now());
        clock.advance(500);
        RelayPolicy::Refusal r = policy.refused(clock.now());
        QCOMPARE(r.action, RelayPolicy::Refusal::WaitThenRetry);
        QCOMPARE(r.delayMs, 4000);
        QVERIFY(!r.learnedShorterWindow); // within the server's lag: not the window's end
        clock.advance(4000);
        r = policy.refused(clock.now());
        QCOMPARE(r.action, RelayPolicy::Refusal::WaitThenRetry);
        QCOMPARE(r.delayMs, 2000);
        clock.advance(2000);
        QCOMPARE(policy.refused(clock.now()).action, RelayPolicy::Refusal::LogInAgain);
        // After the new login: no more late-grant waits, and a second refusal gives up.
        policy.loggedIn(clock.now());
        clock.advance(300);
        QCOMPARE(policy.refused(clock.now()).action, RelayPolicy::Refusal::GiveUp);
    }

    void refusalAfterRelayingMeansTheWindowClosed()
    {
        ManualClock clock(t0);
        AuthWindow window(300);
        RelayPolicy policy(&window, true, options());
        policy.loggedIn(clock.now());
        clock.advance(60 * 1000);
        policy.relayed(clock.now());
        clock.advance(60 * 1000);
        const RelayPolicy::Refusal r = policy.refused(clock.now());
        QCOMPARE(r.action, RelayPolicy::Refusal::LogInAgain);
        QVERIFY(r.learnedShorterWindow);
        QCOMPARE(r.secondsAfterLogin, 120);
        QCOMPARE(window.learnedSeconds(), 120);
    }

    void eachMessageStartsItsOwnRecovery()
    {
        ManualClock clock(t0);
        AuthWindow window(300);
        RelayPolicy policy(&window, true, options());
        policy.loggedIn(clock.now());
        clock.advance(100);
        QCOMPARE(policy.refused(clock.now()).action, RelayPolicy::Refusal::WaitThenRetry);
        QCOMPARE(policy.refused(clock.now()).action, RelayPolicy::Refusal::WaitThenRetry);
        QCOMPARE(policy.refused(clock.now()).action, RelayPolicy::Refusal::LogInAgain);
        policy.loggedIn(clock.now());
        policy.messageSettled(); // that message went out after the login
        clock.advance(100);
        const RelayPolicy::Refusal r = policy.refused(clock.now());
        QCOMPARE(r.action, RelayPolicy::Refusal::WaitThenRetry);
        QCOMPARE(r.delayMs, 4000);
    }
};

QTEST_GUILESS_MAIN(TestRelayPolicy)
#include "tst_relaypolicy.moc"
