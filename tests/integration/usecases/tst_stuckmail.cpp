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
        // Deferred as a cycle leaves it, with its retry two hours away: no retry cycle runs
        // into the moments this test looks at.
        const QString id = f.queueTo(QStringLiteral("Later"));
        QVERIFY(f.box()->markSending(id));
        QVERIFY(f.box()->defer(id, f.clock.now().addSecs(2 * 3600),
                               QStringLiteral("The server refused the recipient bob@example.net: "
                                              "Service unavailable, try again later\n451 4.7.1 "
                                              "Service unavailable, try again later")));
        const OutboxEntry entry = *f.box()->message(id);
        QCOMPARE(entry.state, OutboxState::Deferred);
        QVERIFY(f.watch->accounts().isEmpty());
        const QDateTime at = entry.history.deferredSince().addSecs(45 * 60);
        QVERIFY(at > f.clock.now());
        f.clock.set(at.addSecs(-1));
        QVERIFY(f.watch->accounts().isEmpty());
        f.clock.set(at);
        QCOMPARE(f.watch->accounts(), QStringList{f.account.id});
        const QList<StuckMessage> stuck = f.watch->messages(f.account.id);
        QCOMPARE(StuckMailText::reason(stuck.first(), f.facts()), StuckMailText::Reason::TryLater);
        QVERIFY2(f.alert().text.contains(QLatin1String("keeps trying")),
                 qPrintable(f.alert().text));

        // Tried again (Try again requeues it): the alert ends at once, and it goes out.
        QVERIFY(f.box()->requeue(id));
        QVERIFY(f.watch->accounts().isEmpty());
        QCOMPARE(f.cycle().sent, 1);
        QVERIFY(f.watch->accounts().isEmpty());
    }

    void sendingAnOldFailureAgainStartsItsWaitAgain()
    {
        StuckFixture f;
        f.account.checkIntervalMinutes = 0;
        f.account.alertAfterMinutes = 30;
        f.make();
        f.refuseRecipient(1, "550 5.1.1 <bob@example.net>: Recipient address rejected: User "
                             "unknown in local recipient table");
        const QString id = f.queueTo(QStringLiteral("Old"));
        QCOMPARE(f.cycle().failed, 1);
        QCOMPARE(f.watch->messages(f.account.id).size(), 1);
        // Two hours later the user corrects it and sends it again: waiting starts now, it is
        // not "waiting for two hours" at once, and it is stuck again only after 30 minutes.
        f.clock.advance(2 * 3600 * 1000);
        QVERIFY(f.box()->requeue(id));
        QVERIFY(f.watch->accounts().isEmpty());
        const QDateTime again = f.clock.now();
        QCOMPARE(f.clock.nextDue(), again.addSecs(30 * 60));
        f.clock.set(again.addSecs(30 * 60 - 1));
        QVERIFY(f.watch->accounts().isEmpty());
        f.clock.set(again.addSecs(30 * 60));
        const QList<StuckMessage> stuck = f.watch->messages(f.account.id);
        QCOMPARE(stuck.size(), 1);
        QCOMPARE(stuck.first().state, OutboxState::Queued);
        QCOMPARE(stuck.first().since, again);
    }

    void eachStuckMessageIsToldOncePerState()
    {
        StuckMailNews news;
        StuckMessage waiting = stuckWith(OutboxState::Deferred, QStringLiteral("451 later"));
        QCOMPARE(news.takeNew(QStringLiteral("a"), {waiting}).size(), 1);
        QCOMPARE(news.takeNew(QStringLiteral("a"), {waiting}).size(), 0); // told already
        // Another account's messages are its own.
        QCOMPARE(news.takeNew(QStringLiteral("b"), {waiting}).size(), 1);
        // Deferred too long, then failed: told again.
        StuckMessage failed = waiting;
        failed.state = OutboxState::Failed;
        QCOMPARE(news.takeNew(QStringLiteral("a"), {failed}).size(), 1);
        // Dealt with, then stuck again: told again.
        QCOMPARE(news.takeNew(QStringLiteral("a"), {}).size(), 0);
        QCOMPARE(news.takeNew(QStringLiteral("a"), {failed}).size(), 1);
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
        // As Outpost keeps them: its own sentence, then the server's reply as it came.
        QTest::newRow("postfix user unknown")
            << failed
            << "The server refused the recipient a@b.jp: User unknown\n550 5.1.1 <a@b.jp>: "
               "Recipient address rejected: User unknown in local recipient table"
            << int(R::Recipient);
        QTest::newRow("exim no such user")
            << failed
            << "The server refused the recipient a@b.jp: No Such User Here\n550 No Such User Here"
            << int(R::Recipient);
        QTest::newRow("exchange mailbox unavailable")
            << failed
            << "The server refused the recipient a@b.jp\n550 5.1.10 "
               "RESOLVER.ADR.RecipientNotFound; "
               "Recipient not found by SMTP address lookup"
            << int(R::Recipient);
        QTest::newRow("postfix greylisting is not a wrong address")
            << deferred
            << "The server refused the recipient a@b.jp\n450 4.2.0 <a@b.jp>: Recipient address "
               "rejected: Greylisted, see http://postgrey.schweikert.ch/help/b.jp.html"
            << int(R::TryLater);
        QTest::newRow("postfix relay access denied")
            << failed << "The server refused to relay\n554 5.7.1 <a@b.jp>: Relay access denied"
            << int(R::Relay);
        QTest::newRow("relay refused after a login, quoted")
            << failed
            << "The server refused to relay even right after a POP login. The server said: 554 "
               "sorry, you must get POP/APOP authorization"
            << int(R::Relay);
        QTest::newRow("postfix sender not owned (Japanese ISPs)")
            << failed
            << "The server refused the sender me@isp.jp\n553 5.7.1 <me@isp.jp>: Sender address "
               "rejected: not owned by user taro"
            << int(R::Sender);
        QTest::newRow("sendmail sender domain")
            << failed
            << "The server refused the sender me@nowhere.invalid\n553 5.1.8 "
               "<me@nowhere.invalid>... "
               "Domain of sender address me@nowhere.invalid does not exist"
            << int(R::Sender);
        QTest::newRow("postfix auth failed")
            << failed
            << "The server refused the login\n535 5.7.8 Error: authentication failed: "
               "authentication failure"
            << int(R::Login);
        QTest::newRow("exchange client not authenticated")
            << failed << "The server refused it\n530 5.7.57 Client not authenticated to send mail"
            << int(R::Login);
        QTest::newRow("starttls first is a security setting, not a login")
            << failed << "The server refused it\n530 5.7.0 Must issue a STARTTLS command first"
            << int(R::Security);
        QTest::newRow("a spam rejection is not a login")
            << failed << "The server refused the message\n554 5.7.0 Reject, id=12345-01 - SPAM"
            << int(R::Other);
        QTest::newRow("postfix too large")
            << failed << "The server refused it\n552 5.3.4 Message size exceeds fixed limit"
            << int(R::TooLarge);
        QTest::newRow("mailbox full, transient")
            << deferred << "The server refused it\n452 4.2.2 <a@b.jp>: Mailbox full"
            << int(R::MailboxFull);
        QTest::newRow("mailbox full, permanent")
            << failed << "The server refused it\n552 5.2.2 <a@b.jp>: Over quota"
            << int(R::MailboxFull);
        QTest::newRow("postfix try later")
            << deferred << "The server refused it\n451 4.3.0 Error: queue file write error"
            << int(R::TryLater);
        QTest::newRow("closing") << deferred
                                 << "The server refused it\n421 4.3.2 Service shutting down"
                                 << int(R::TryLater);
        QTest::newRow("given up after trying")
            << failed
            << "Outpost gave up after trying for 72 hours. The last reply was: The server refused "
               "the recipient a@b.jp: Try again later\n451 4.3.0 Try again later"
            << int(R::GaveUp);
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

    void theAdviceFitsTheAccountAndTheProgram()
    {
        StuckMailFacts facts;
        facts.account.smtpAuth = SmtpAuth::None;
        QVERIFY(StuckMailText::advice(StuckMailText::Reason::Login, facts)
                    .contains(QLatin1String("Turn it on")));
        facts.account.smtpAuth = SmtpAuth::Auto;
        QVERIFY(StuckMailText::advice(StuckMailText::Reason::Login, facts)
                    .contains(QLatin1String("Check the user name and password")));
        facts.account.checkIntervalMinutes = 0;
        QVERIFY(StuckMailText::advice(StuckMailText::Reason::NotChecked, facts)
                    .contains(QLatin1String("press Send/Receive")));
        facts.commandLine = true;
        QVERIFY(StuckMailText::advice(StuckMailText::Reason::NotChecked, facts)
                    .contains(QLatin1String("outpost-cli send-receive")));
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
