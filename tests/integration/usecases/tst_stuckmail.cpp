// The stuck-mail alert: when it begins (at the threshold, not a second before; at once for a
// failure), when it ends (sent, removed), what it says, and that a failed message does not
// hold up the ones behind it. Real cycles against the sandbox, on a manual clock.
#include "CycleFixture.h"

#include "schedule/Scheduler.h"
#include "usecases/StuckMail.h"
#include "usecases/StuckMailText.h"

#include "Translations.h"

using namespace Outpost;

namespace {

struct StuckFixture : CycleFixture
{
    CredentialStore credentials{QStringLiteral("outpost-tests")};
    std::unique_ptr<Scheduler> scheduler;
    std::unique_ptr<StuckMailWatch> watch;

    ~StuckFixture()
    {
        // A cycle still unwinding holds the stores; let it go before the folder does.
        watch.reset();
        scheduler.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    void make()
    {
        outbox.reset();
        inbox.reset();
        account.checkAtStartup = false;
        credentials.rememberForSession(account.id, CredentialStore::Server::Incoming, password);
        scheduler = std::make_unique<Scheduler>(Profile(dir.path()), &credentials, &clock);
        scheduler->setCycleOptions(options());
        StoreError error;
        if (!scheduler->setAccounts({account}, &error))
            qFatal("setAccounts failed");
        watch = std::make_unique<StuckMailWatch>(scheduler.get());
    }

    OutboxStore *box() const { return scheduler->outbox(account.id); }

    QString queueTo(const QString &subject, const QString &user = QStringLiteral("bob"))
    {
        OutgoingMessage m;
        m.from = MailAddress(QString(), QStringLiteral("alice"), QStringLiteral("example.com"));
        m.to = {MailAddress(QString(), user, QStringLiteral("example.net"))};
        m.subject = subject;
        m.body = QStringLiteral("Hi.\n");
        return *box()->queue(m);
    }

    /// Runs one Send/Receive to its end.
    CycleResult cycle()
    {
        QSignalSpy finished(scheduler.get(), &Scheduler::cycleFinished);
        scheduler->trigger(account.id, Scheduler::Trigger::Manual);
        if (!finished.wait(20000))
            qFatal("the cycle did not finish");
        return finished.first().at(1).value<CycleResult>();
    }

    StuckMailFacts facts() const { return {account, scheduler->status(account.id), clock.now()}; }

    StuckMailAlert alert() const
    {
        return StuckMailText::alert(watch->messages(account.id), *box(), facts());
    }

    void refuseRecipient(int occurrence, const QByteArray &reply)
    {
        SandboxFault fault;
        fault.command = "RCPT";
        fault.occurrence = occurrence;
        fault.reply = reply;
        server.addFault(fault);
    }
};

StuckMessage stuckWith(OutboxState state, const QString &reply)
{
    StuckMessage m;
    m.id = QStringLiteral("m1");
    m.state = state;
    m.reply = reply;
    return m;
}

} // namespace

class TestStuckMail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        QLocale::setDefault(english);
        QVERIFY(installTranslations(english)); // the plural forms
    }

    void aWaitingMessageAlertsAtTheThresholdNotASecondBefore()
    {
        StuckFixture f;
        f.account.checkIntervalMinutes = 0; // sends only when asked
        f.account.alertAfterMinutes = 30;
        f.make();
        QSignalSpy changed(f.watch.get(), &StuckMailWatch::changed);
        const QString id = f.queueTo(QStringLiteral("Minutes"));
        // One wake-up, for exactly the moment it becomes stuck: no polling.
        const QDateTime at = f.box()->message(id)->queuedAt.addSecs(30 * 60);
        QCOMPARE(f.clock.nextDue(), at);
        f.clock.set(at.addSecs(-1));
        QCoreApplication::processEvents();
        QVERIFY(changed.isEmpty());
        QVERIFY(f.watch->accounts().isEmpty());
        QVERIFY(f.alert().isEmpty());

        f.clock.set(at);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toString(), f.account.id);
        QCOMPARE(f.watch->accounts(), QStringList{f.account.id});
        QVERIFY(f.watch->isStuck(f.account.id, id));
        const StuckMailAlert alert = f.alert();
        QCOMPARE(alert.messageId, id);
        QCOMPARE(alert.title, QStringLiteral("A message has been waiting for 30 minutes"));
        QVERIFY2(alert.text.contains(QStringLiteral("\u201cMinutes\u201d to bob@example.net")),
                 qPrintable(alert.text));
        QVERIFY2(alert.advice.contains(QLatin1String("Send/Receive")), qPrintable(alert.advice));
        QCOMPARE(f.clock.pendingCount(), 0);

        // Sent: the alert ends.
        QCOMPARE(f.cycle().sent, 1);
        QTRY_VERIFY(f.watch->accounts().isEmpty());
        QCOMPARE(changed.size(), 2);
        QVERIFY(f.alert().isEmpty());
    }

    void aFailedMessageAlertsAtOnceAndDoesNotHoldUpTheNext()
    {
        StuckFixture f;
        f.account.checkIntervalMinutes = 0;
        f.make();
        f.refuseRecipient(1, "550 5.1.1 <nobody@example.net>: Recipient address rejected: "
                             "User unknown in local recipient table");
        QSignalSpy changed(f.watch.get(), &StuckMailWatch::changed);
        const QString bad = f.queueTo(QStringLiteral("First"), QStringLiteral("nobody"));
        const QString good = f.queueTo(QStringLiteral("Second"));
        const CycleResult result = f.cycle();
        // The one behind it went out in the same cycle.
        QCOMPARE(result.failed, 1);
        QCOMPARE(result.sent, 1);
        QCOMPARE(f.box()->message(bad)->state, OutboxState::Failed);
        QCOMPARE(f.box()->message(good)->state, OutboxState::Sent);
        QCOMPARE(f.server.deliveries().size(), 1);
        QCOMPARE(f.server.deliveries().first().recipients,
                 QByteArrayList{QByteArrayLiteral("bob@example.net")});

        // Failed: the alert is there at once, with the server's words and what to do.
        QVERIFY(!changed.isEmpty());
        const QList<StuckMessage> stuck = f.watch->messages(f.account.id);
        QCOMPARE(stuck.size(), 1);
        QCOMPARE(stuck.first().id, bad);
        QCOMPARE(StuckMailText::reason(stuck.first(), f.facts()), StuckMailText::Reason::Recipient);
        const StuckMailAlert alert = f.alert();
        QCOMPARE(alert.title, QStringLiteral("A message could not be sent"));
        QVERIFY2(alert.text.contains(QLatin1String("User unknown")), qPrintable(alert.text));
        QVERIFY2(alert.text.contains(QStringLiteral("\u201cFirst\u201d to nobody@example.net")),
                 qPrintable(alert.text));
        QVERIFY2(alert.advice.contains(QLatin1String("address")), qPrintable(alert.advice));
        QVERIFY2(StuckMailText::line(stuck.first(), *f.box()->message(bad), f.clock.now())
                     .contains(QLatin1String("failed")),
                 "the listing line says it failed");

        // Removed: the alert ends.
        const int before = int(changed.size());
        QVERIFY(f.box()->remove(bad));
        QCOMPARE(changed.size(), before + 1);
        QVERIFY(f.watch->accounts().isEmpty());
    }

    void aDeferredMessageAlertsWhenItHasBeenDeferredLongEnough()
    {
        StuckFixture f;
        f.account.checkIntervalMinutes = 0;
        f.account.alertAfterMinutes = 45;
        f.make();
        f.refuseRecipient(0, "451 4.7.1 Service unavailable, try again later");
        const QString id = f.queueTo(QStringLiteral("Later"));
        QCOMPARE(f.cycle().deferred, 1);
        const OutboxEntry entry = *f.box()->message(id);
        QCOMPARE(entry.state, OutboxState::Deferred);
        QVERIFY(f.watch->accounts().isEmpty());
        const QDateTime at = entry.history.deferredSince().addSecs(45 * 60);
        QVERIFY(at > f.clock.now());
        f.clock.set(at.addSecs(-1));
        QCoreApplication::processEvents();
        QVERIFY(f.watch->accounts().isEmpty());
        f.clock.set(at);
        QCoreApplication::processEvents();
        QCOMPARE(f.watch->accounts(), QStringList{f.account.id});
        const QList<StuckMessage> stuck = f.watch->messages(f.account.id);
        QCOMPARE(StuckMailText::reason(stuck.first(), f.facts()), StuckMailText::Reason::TryLater);
        QVERIFY2(f.alert().text.contains(QLatin1String("keeps trying")),
                 qPrintable(f.alert().text));

        // Tried again and sent: the alert ends.
        f.server.clearFaults();
        QCOMPARE(f.cycle().sent, 1);
        QTRY_VERIFY(f.watch->accounts().isEmpty());
    }

    void aChangedThresholdTakesEffect()
    {
        StuckFixture f;
        f.account.checkIntervalMinutes = 0;
        f.account.alertAfterMinutes = 60;
        f.make();
        const QString id = f.queueTo(QStringLiteral("Slow"));
        f.clock.advance(20 * 60 * 1000);
        QVERIFY(f.watch->accounts().isEmpty());
        // The user lowers the threshold to 10 minutes: the message is stuck now.
        f.account.alertAfterMinutes = 10;
        StoreError error;
        QVERIFY(f.scheduler->setAccounts({f.account}, &error));
        QCOMPARE(f.watch->accounts(), QStringList{f.account.id});
        QVERIFY(f.watch->isStuck(f.account.id, id));
    }

    void reasonsFromTheServersWords_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<int>("reason");
        using R = StuckMailText::Reason;
        const int failed = int(OutboxState::Failed);
        const int deferred = int(OutboxState::Deferred);
        QTest::newRow("postfix user unknown")
            << failed
            << "The server refused the recipient a@b.jp: User unknown\n550 5.1.1 <a@b.jp>: "
               "Recipient address rejected: User unknown in local recipient table"
            << int(R::Recipient);
        QTest::newRow("no such user, no enhanced code")
            << failed << "x\n550 No such user here" << int(R::Recipient);
        QTest::newRow("relay access denied")
            << failed << "x\n554 5.7.1 <a@b.jp>: Relay access denied" << int(R::Relay);
        QTest::newRow("relay refused after a login, quoted")
            << failed
            << "The server refused to relay even right after a POP login. The server said: 554 "
               "sorry, you must get POP/APOP authorization"
            << int(R::Relay);
        QTest::newRow("auth failed")
            << failed << "x\n535 5.7.8 Authentication credentials invalid" << int(R::Login);
        QTest::newRow("too large")
            << failed << "x\n552 5.3.4 Message size exceeds fixed limit" << int(R::TooLarge);
        QTest::newRow("mailbox full, transient")
            << deferred << "x\n452 4.2.2 Mailbox full" << int(R::MailboxFull);
        QTest::newRow("mailbox full, permanent")
            << failed << "x\n552 5.2.2 Over quota" << int(R::MailboxFull);
        QTest::newRow("greylisted")
            << deferred << "x\n450 4.7.1 Greylisted, try again later" << int(R::TryLater);
        QTest::newRow("closing") << deferred << "x\n421 4.3.2 Shutting down" << int(R::TryLater);
        QTest::newRow("no reply, deferred")
            << deferred << "The connection to smtp.example.jp was refused." << int(R::Unreachable);
        QTest::newRow("no reply, failed: Outpost's own words")
            << failed << "The message (20000000 bytes) is larger than the server accepts."
            << int(R::Other);
        QTest::newRow("a port in the words is not a code")
            << deferred << "Could not connect to smtp.example.jp port 587 (refused)."
            << int(R::Unreachable);
        QTest::newRow("may have been sent")
            << int(OutboxState::MayHaveBeenSent) << "x" << int(R::MayHaveBeenSent);
    }

    void reasonsFromTheServersWords()
    {
        QFETCH(int, state);
        QFETCH(QString, reply);
        QFETCH(int, reason);
        StuckMailFacts facts;
        facts.account.checkIntervalMinutes = 10;
        QCOMPARE(int(StuckMailText::reason(stuckWith(OutboxState(state), reply), facts)), reason);
        QVERIFY(!StuckMailText::advice(StuckMailText::Reason(reason), facts).isEmpty());
    }

    void waitingReasonsFromTheAccount()
    {
        StuckMailFacts facts;
        const StuckMessage waiting = stuckWith(OutboxState::Queued, {});
        facts.account.checkIntervalMinutes = 0;
        QCOMPARE(StuckMailText::reason(waiting, facts), StuckMailText::Reason::NotChecked);
        facts.account.checkIntervalMinutes = 10;
        QCOMPARE(StuckMailText::reason(waiting, facts), StuckMailText::Reason::Waiting);
        facts.status.lastError =
            NetError::make(NetError::Authentication, QStringLiteral("The password was refused."));
        QCOMPARE(StuckMailText::reason(waiting, facts), StuckMailText::Reason::Paused);
        QVERIFY(StuckMailText::advice(StuckMailText::Reason::Paused, facts)
                    .contains(QLatin1String("The password was refused.")));
    }

    void durations_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("words");
        QTest::newRow("under a minute") << qint64(10) << QStringLiteral("1 minute");
        QTest::newRow("minutes") << qint64(35 * 60 + 5) << QStringLiteral("35 minutes");
        QTest::newRow("hours") << qint64(5 * 3600) << QStringLiteral("5 hours");
        QTest::newRow("days") << qint64(3 * 86400 + 60) << QStringLiteral("3 days");
    }

    void durations()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, words);
        QCOMPARE(StuckMailText::duration(seconds), words);
    }
};

QTEST_GUILESS_MAIN(TestStuckMail)
#include "tst_stuckmail.moc"
