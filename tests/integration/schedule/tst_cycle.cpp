// The receive-then-send cycle against the in-process POP-before-SMTP sandbox, over real
// loopback TCP, with an injected clock (no test waits for real time).
#include "CycleFixture.h"
#include "FileSizeLimit.h"

#include <QDirIterator>
#include <QFileInfo>

using namespace Outpost;

namespace {
#ifdef Q_OS_UNIX
// A copy of an account folder without its lock files (a copied lock would look held).
void copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(QLatin1String(".lock")))
            continue;
        const QString target = to + path.mid(from.size());
        QDir().mkpath(QFileInfo(target).path());
        QFile::copy(path, target);
    }
}
#endif

QByteArray seeded(int n)
{
    return "From: Seeder <seed@example.org>\r\nTo: alice@example.com\r\nSubject: Seed " +
           QByteArray::number(n) + "\r\nMessage-ID: <seed" + QByteArray::number(n) +
           "@example.org>\r\n\r\nSeeded body " + QByteArray::number(n) + "\r\n";
}
} // namespace

class TestCycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void receivesThenSendsTheExactBytes()
    {
        CycleFixture f;
        f.server.addMessage("alice", seeded(1));
        f.server.addMessage("alice", seeded(2));
        const QString id = f.queue();
        const CycleResult r = f.run();
        QVERIFY2(r.ok(), qPrintable(r.accountError.message));
        QCOMPARE(r.received, 2);
        QCOMPARE(r.sent, 1);
        QCOMPARE(r.popLogins, 1);
        QCOMPARE(f.inbox->messages().size(), 2);
        QCOMPARE(f.stateOf(id), OutboxState::Sent);
        const auto deliveries = f.server.deliveries();
        QCOMPARE(deliveries.size(), 1);
        QCOMPARE(deliveries.first().data, f.sentBytes(id));
        QCOMPARE(deliveries.first().recipients, QByteArrayList{"bob@example.net"});
        // Receive first, then send: the POP login comes before any SMTP line.
        auto first = [&](QLatin1String prefix) {
            for (qsizetype i = 0; i < f.transcript.size(); ++i)
                if (f.transcript.at(i).startsWith(prefix))
                    return int(i);
            return -1;
        };
        const int firstPop = first(QLatin1String("POP3 "));
        const int firstSmtp = first(QLatin1String("SMTP "));
        QVERIFY(firstPop >= 0);
        QVERIFY(firstSmtp > firstPop);
        // The password is masked in the transcript.
        QVERIFY(!f.transcript.join(QLatin1Char('\n')).contains(QLatin1String("wonderland")));
    }

    void smtpConnectionOverlapsThePopLogin()
    {
        CycleFixture f;
        f.server.settings().replyDelayMs = 40; // every reply takes a while, like a far server
        const QString id = f.queue();
        f.account.receiveMode = ReceiveMode::AuthOnly;
        const CycleResult r = f.run();
        QVERIFY2(r.ok(), qPrintable(r.accountError.message));
        QCOMPARE(r.sent, 1);
        QCOMPARE(f.stateOf(id), OutboxState::Sent);
        const auto index = [&](auto match) {
            for (qsizetype i = 0; i < f.transcript.size(); ++i)
                if (match(f.transcript.at(i)))
                    return int(i);
            return -1;
        };
        const int ehlo = index([](const QString &l) { return l.startsWith(u"SMTP C: EHLO"); });
        const int mail = index([](const QString &l) { return l.startsWith(u"SMTP C: MAIL"); });
        int popLast = -1;
        for (qsizetype i = 0; i < f.transcript.size(); ++i)
            if (f.transcript.at(i).startsWith(u"POP3 "))
                popLast = int(i);
        QVERIFY2(ehlo >= 0 && mail > ehlo, qPrintable(f.transcript.join(u'\n')));
        // The SMTP greeting and EHLO happen while the POP session is still going ...
        QVERIFY2(ehlo < popLast, qPrintable(f.transcript.join(u'\n')));
        // ... and no message goes before the receive has finished (the login opens the window).
        QVERIFY2(mail > popLast, qPrintable(f.transcript.join(u'\n')));
    }

    void messagesAfterTheFirstGoInOneGroup()
    {
        CycleFixture f;
        QStringList ids;
        for (int i = 0; i < 10; ++i)
            ids << f.queue(QStringLiteral("Batch %1").arg(i));
        const CycleResult r = f.run();
        QVERIFY2(r.ok(), qPrintable(r.accountError.message));
        QCOMPARE(r.sent, 10);
        QCOMPARE(r.popLogins, 1);
        const auto deliveries = f.server.deliveries();
        QCOMPARE(deliveries.size(), 10);
        for (int i = 0; i < 10; ++i) // oldest first, exact bytes
            QCOMPARE(deliveries.at(i).data, f.sentBytes(ids.at(i)));
        // The first message goes alone (it proves the relay); the other nine, and QUIT, are
        // written without waiting for any reply in between (PIPELINING with BDAT).
        QStringList smtp;
        for (const QString &line : std::as_const(f.transcript))
            if (line.startsWith(u"SMTP C: ") || line.startsWith(u"SMTP S: "))
                smtp << line;
        qsizetype secondMail = -1;
        int mails = 0;
        for (qsizetype i = 0; i < smtp.size() && secondMail < 0; ++i)
            if (smtp.at(i).startsWith(u"SMTP C: MAIL") && ++mails == 2)
                secondMail = i;
        QVERIFY2(secondMail > 0, qPrintable(smtp.join(u'\n')));
        int mailsInGroup = 1;
        bool quitInGroup = false;
        for (qsizetype i = secondMail + 1; i < smtp.size(); ++i) {
            if (smtp.at(i).startsWith(u"SMTP S: "))
                break;
            if (smtp.at(i).startsWith(u"SMTP C: MAIL"))
                ++mailsInGroup;
            if (smtp.at(i).startsWith(u"SMTP C: QUIT"))
                quitInGroup = true;
        }
        QCOMPARE(mailsInGroup, 9);
        QVERIFY(quitInGroup);
    }

    void leaveOnServerAndNothingNewTheSecondTime()
    {
        CycleFixture f;
        f.server.addMessage("alice", seeded(1));
        QCOMPARE(f.run().received, 1);
        QCOMPARE(f.server.mailboxSize("alice"), 1);
        const CycleResult again = f.run();
        QCOMPARE(again.received, 0);
        QCOMPARE(again.popLogins, 1);
        QCOMPARE(f.inbox->messages().size(), 1);
    }

    void deletesOnTheServerOnlyAfterStoring()
    {
        CycleFixture f;
        f.account.leaveOnServer = false;
        f.server.addMessage("alice", seeded(1));
        f.server.addMessage("alice", seeded(2));
        QCOMPARE(f.run().received, 2);
        QCOMPARE(f.server.mailboxSize("alice"), 0);
        QCOMPARE(f.inbox->messages().size(), 2);
    }

    void brokenDownloadKeepsTheServerCopy()
    {
        CycleFixture f;
        f.account.leaveOnServer = false;
        f.server.addMessage("alice", seeded(1));
        SandboxFault fault;
        fault.protocol = SandboxFault::Pop3;
        fault.command = "RETR";
        fault.action = SandboxFault::DisconnectMidData;
        fault.afterBytes = 20;
        f.server.addFault(fault);
        const CycleResult r = f.run();
        QCOMPARE(r.received, 0);
        QVERIFY(r.receiveError.isError());
        QCOMPARE(f.server.mailboxSize("alice"), 1);
        QVERIFY(f.inbox->messages().isEmpty());
        f.server.clearFaults();
        QCOMPARE(f.run().received, 1);
        QCOMPARE(f.server.mailboxSize("alice"), 0);
    }

    void authenticateOnlyDownloadsNothing()
    {
        CycleFixture f;
        f.account.receiveMode = ReceiveMode::AuthOnly;
        f.server.addMessage("alice", seeded(1));
        f.queue();
        const CycleResult r = f.run();
        QCOMPARE(r.received, 0);
        QCOMPARE(r.popLogins, 1);
        QCOMPARE(r.sent, 1);
        QVERIFY(f.inbox->messages().isEmpty());
        QVERIFY(!f.transcript.join(QLatin1Char('\n')).contains(QLatin1String("RETR")));
    }

    void wrongPasswordPausesTheQueue()
    {
        CycleFixture f;
        f.password = QStringLiteral("not-the-password");
        const QString a = f.queue(), b = f.queue();
        const CycleResult r = f.run();
        QCOMPARE(r.accountError.kind, NetError::Authentication);
        QCOMPARE(r.waiting, 2);
        QCOMPARE(r.sent + r.failed + r.deferred, 0);
        QCOMPARE(f.stateOf(a), OutboxState::Queued);
        QCOMPARE(f.stateOf(b), OutboxState::Queued);
        QVERIFY(f.server.deliveries().isEmpty());
    }

    void unencryptedPasswordRefusedKeepsTheMail()
    {
        // A "None" POP connection to a server with no APOP but STLS on offer, plain text not
        // allowed: the cycle stops before any password goes out, says why and what to do,
        // and keeps every message queued.
        CycleFixture f;
        f.server.settings().apop = false;
        f.server.settings().popSecurity = Security::StartTls; // offered, not required
        f.server.settings().certificate = TestTls::serverCertificate();
        f.server.settings().privateKey = TestTls::serverKey();
        f.account.allowPlainTextAuth = false;
        QSignalSpy logins(&f.server, &SandboxServer::popLoggedIn);
        const QString a = f.queue(), b = f.queue();
        const CycleResult r = f.run();
        QCOMPARE(r.accountError.kind, NetError::InsecureLogin);
        QVERIFY(r.accountError.message.contains(QLatin1String("STARTTLS")));
        QCOMPARE(r.waiting, 2);
        QCOMPARE(r.sent + r.failed + r.deferred, 0);
        QCOMPARE(f.stateOf(a), OutboxState::Queued);
        QCOMPARE(f.stateOf(b), OutboxState::Queued);
        QCOMPARE(logins.count(), 0);
        QVERIFY(f.server.deliveries().isEmpty());
        const QString transcript = f.transcript.join(QLatin1Char('\n'));
        QVERIFY(!transcript.contains(QLatin1String("C: USER")));
        QVERIFY(!transcript.contains(QLatin1String("C: AUTH")));

        // Switching to STARTTLS (what the message says) makes the same account work.
        OUTPOST_SKIP_WITHOUT_TLS_SERVER();
        f.account.popSecurity = Security::StartTls;
        f.account.caFile = QStringLiteral(OUTPOST_TEST_DATA_DIR "/ca.pem");
        const CycleResult again = f.run();
        QVERIFY2(again.ok(), qPrintable(again.accountError.message));
        QCOMPARE(again.sent, 2);
    }

    void failedJournalWriteLeavesTheMessageConsistent()
    {
#ifdef Q_OS_UNIX
        // The disk fills up right after the end of the data was journaled: the server's 250
        // cannot be recorded. The message must not stay "sending" in memory (undeletable
        // until a restart): it is what the journal says, "may have been sent", at once.
        CycleFixture f;
        const QString id = f.queue();
        // How far the journal grows for Sending and the end of data, measured on a copy.
        QTemporaryDir copy;
        copyTree(f.accountDirectory(), copy.path());
        qint64 limit = 0;
        {
            OutboxStore measure(copy.path());
            QVERIFY(measure.open());
            QVERIFY(!measure.isReadOnly());
            QVERIFY(measure.markSending(id));
            QVERIFY(measure.markDataComplete(id));
            limit = QFileInfo(copy.filePath(QStringLiteral("outbox.journal"))).size();
        }
        QVERIFY(limit > QFileInfo(f.accountDirectory() + QStringLiteral("/outbox.journal")).size());
        f.account.receiveMode = ReceiveMode::AuthOnly; // nothing else is written
        CycleResult r;
        {
            FileSizeLimit full{rlim_t(limit)}; // the markSent line no longer fits
            r = f.run();
        }
        QVERIFY2(r.storeError.isError(), "the store's failure is reported");
        QCOMPARE(r.sent, 0);
        QCOMPARE(r.mayHaveBeenSent, 1);
        QCOMPARE(f.server.deliveries().size(), 1); // the server did take it
        QCOMPARE(f.stateOf(id), OutboxState::MayHaveBeenSent);
        // What memory says is what the disk says.
        f.reopenStores();
        QCOMPARE(f.stateOf(id), OutboxState::MayHaveBeenSent);
        QVERIFY(f.outbox->remove(id)); // and the user can act on it
#else
        QSKIP("needs RLIMIT_FSIZE");
#endif
    }

    void closedWindowMidBatchLogsInAgain()
    {
        CycleFixture f;
        const QStringList ids{f.queue(), f.queue(), f.queue()};
        // The server forgets the login after the first delivery, as if its window expired.
        bool cleared = false;
        QObject::connect(&f.server, &SandboxServer::delivered, &f.server, [&] {
            if (!cleared)
                f.server.clearGrants();
            cleared = true;
        });
        f.clock.advance(0);
        CycleOptions o = f.options();
        o.relayRetryDelaysMs = {};
        // The refusal comes long after the login: no lag waits, log in again at once.
        QObject::connect(&f.server, &SandboxServer::delivered, &f.server,
                         [&] { f.clock.advance(60000); });
        const CycleResult r = f.run(o);
        QCOMPARE(r.sent, 3);
        QCOMPARE(r.popLogins, 2);
        QCOMPARE(f.server.deliveries().size(), 3);
        for (const QString &id : ids)
            QCOMPARE(f.stateOf(id), OutboxState::Sent);
    }

    void windowAboutToCloseLogsInBeforeTheNextMessage()
    {
        CycleFixture f;
        for (int i = 0; i < 4; ++i)
            f.queue();
        // Each message "takes" two minutes; the window is five.
        QObject::connect(&f.server, &SandboxServer::delivered, &f.server,
                         [&] { f.clock.advance(120000); });
        const CycleResult r = f.run();
        QCOMPARE(r.sent, 4);
        QCOMPARE(r.popLogins, 2);
        QCOMPARE(f.server.deliveries().size(), 4);
    }

    void lateGrantIsWaitedFor()
    {
        CycleFixture f;
        f.server.settings().grantLagMs = 3000; // relaying starts 3 s after the POP login
        const QString id = f.queue();
        auto cycle = f.makeCycle(f.options());
        QSignalSpy finished(cycle.get(), &Cycle::finished);
        cycle->start();
        QTRY_COMPARE_WITH_TIMEOUT(cycle->phase(), Cycle::Phase::WaitingForRelay, 10000);
        QVERIFY(f.server.deliveries().isEmpty());
        f.clock.advance(4000); // the first short wait
        QVERIFY(finished.wait(10000));
        const CycleResult r = finished.first().first().value<CycleResult>();
        QCOMPARE(r.sent, 1);
        QCOMPARE(r.popLogins, 1); // the short wait sufficed; no second login
        QCOMPARE(f.stateOf(id), OutboxState::Sent);
    }

    void refusedAgainAfterLoginFailsWithGuidance()
    {
        CycleFixture f;
        f.server.settings().windowMs = 0; // this server never relays for POP logins
        const QString first = f.queue(), second = f.queue();
        CycleOptions o = f.options();
        o.relayRetryDelaysMs = {};
        const CycleResult r = f.run(o);
        QCOMPARE(r.failed, 1);
        QCOMPARE(r.popLogins, 2);
        QCOMPARE(r.accountError.kind, NetError::RelayDenied);
        QCOMPARE(r.waiting, 1);
        QCOMPARE(f.stateOf(first), OutboxState::Failed);
        QCOMPARE(f.stateOf(second), OutboxState::Queued);
        const QString words = f.outbox->message(first)->lastReply;
        QVERIFY2(words.contains(QLatin1String("POP before SMTP")), qPrintable(words));
        QVERIFY2(words.contains(QLatin1String("Relay access denied")), qPrintable(words));
    }

    void transientReplyDefersWithBackoff()
    {
        CycleFixture f;
        const QString id = f.queue();
        SandboxFault fault;
        fault.command = "RCPT";
        fault.reply = "451 4.3.0 Temporary local problem - please try later";
        f.server.addFault(fault);
        const CycleResult r = f.run();
        QCOMPARE(r.deferred, 1);
        const OutboxEntry e = *f.outbox->message(id);
        QCOMPARE(e.state, OutboxState::Deferred);
        QCOMPARE(e.attempts, 1);
        QCOMPARE(f.clock.now().msecsTo(e.nextAttempt), qint64(60000));
        QVERIFY2(e.lastReply.contains(QLatin1String("451")), qPrintable(e.lastReply));
    }

    void permanentReplyFailsWithTheServersWords()
    {
        CycleFixture f;
        const QString id = f.queue();
        SandboxFault fault;
        fault.command = "DATAEND";
        fault.reply = "554 5.6.0 Message rejected as spam";
        f.server.addFault(fault);
        const CycleResult r = f.run();
        QCOMPARE(r.failed, 1);
        QCOMPARE(f.stateOf(id), OutboxState::Failed);
        QVERIFY(f.outbox->message(id)->lastReply.contains(QLatin1String("rejected as spam")));
    }

    void eightBitMailIsNeverSentBrokenToAServerWithout8BitMime()
    {
        // A message another program handed over with raw 8-bit text (no MIME encoding).
        CycleFixture f;
        f.server.settings().eightBitMime = false;
        Envelope smtp;
        smtp.sender = QStringLiteral("alice@example.com");
        smtp.recipients = {QStringLiteral("bob@example.net")};
        const QByteArray data = "From: alice@example.com\r\nSubject: raw\r\n\r\n"
                                "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\r\n";
        const QString id = *f.outbox->queueSubmission(data, smtp);
        QVERIFY(f.outbox->message(id)->envelope.needs8BitMime);
        const CycleResult r = f.run();
        QCOMPARE(r.failed, 1);
        QCOMPARE(f.stateOf(id), OutboxState::Failed);
        QVERIFY(f.outbox->message(id)->lastReply.contains(QLatin1String("8BITMIME")));
        QVERIFY(f.server.deliveries().isEmpty());

        // The server's SIZE limit is learned for the local relay.
        QCOMPARE(r.serverMaxSize, f.server.settings().maxSize);
        QCOMPARE(r.serverAccepts8Bit, std::optional<bool>(false)); // and its lack of 8BITMIME

        // The same to a server that takes 8-bit mail: sent with BODY=8BITMIME.
        f.server.settings().eightBitMime = true;
        const QString again = *f.outbox->queueSubmission(data, smtp);
        const CycleResult second = f.run();
        QCOMPARE(second.sent, 1);
        QCOMPARE(second.serverAccepts8Bit, std::optional<bool>(true));
        QCOMPARE(f.stateOf(again), OutboxState::Sent);
        QVERIFY(f.transcript.join(QLatin1Char('\n')).contains(QLatin1String("BODY=8BITMIME")));
    }

    void disconnectMidDataDefers_data()
    {
        QTest::addColumn<bool>("chunking");
        QTest::newRow("DATA") << false;
        QTest::newRow("BDAT") << true;
    }
    void disconnectMidDataDefers()
    {
        QFETCH(bool, chunking);
        CycleFixture f;
        f.server.settings().chunking = chunking;
        // Large enough that the connection breaks while the data is still going out.
        QString body;
        for (int i = 0; i < 200000; ++i)
            body += QStringLiteral("Line %1 of a long message.\n").arg(i);
        const QString id = f.queue(QStringLiteral("Long"), body);
        SandboxFault fault;
        fault.command = chunking ? "BDAT" : "DATA";
        fault.action = SandboxFault::DisconnectMidData;
        fault.afterBytes = 10;
        f.server.addFault(fault);
        const CycleResult r = f.run();
        QCOMPARE(r.sent, 0);
        QCOMPARE(r.deferred, 1);
        QCOMPARE(r.mayHaveBeenSent, 0);
        QCOMPARE(f.stateOf(id), OutboxState::Deferred);
    }

    void disconnectAfterTheDataMayHaveSent()
    {
        CycleFixture f;
        const QString id = f.queue();
        SandboxFault fault;
        fault.command = "DATAEND";
        fault.action = SandboxFault::Disconnect;
        f.server.addFault(fault);
        const CycleResult r = f.run();
        QCOMPARE(r.mayHaveBeenSent, 1);
        QCOMPARE(f.stateOf(id), OutboxState::MayHaveBeenSent);
        // Never resent on its own.
        f.server.clearFaults();
        QCOMPARE(f.run().sent, 0);
        QCOMPARE(f.stateOf(id), OutboxState::MayHaveBeenSent);
    }

    void oldMessageGivesUp()
    {
        CycleFixture f;
        f.account.giveUpAfterHours = 1;
        const QString id = f.queue();
        f.clock.advance(2 * 3600 * 1000);
        SandboxFault fault;
        fault.command = "RCPT";
        fault.reply = "450 4.2.0 Mailbox busy";
        f.server.addFault(fault);
        const CycleResult r = f.run();
        QCOMPARE(r.failed, 1);
        QCOMPARE(f.stateOf(id), OutboxState::Failed);
        QVERIFY(f.outbox->message(id)->lastReply.contains(QLatin1String("gave up")));
    }

    void delayAfterPopIsObserved()
    {
        CycleFixture f;
        f.account.delayAfterPopMs = 2000;
        f.queue();
        auto cycle = f.makeCycle(f.options());
        QSignalSpy finished(cycle.get(), &Cycle::finished);
        cycle->start();
        QTRY_COMPARE_WITH_TIMEOUT(cycle->phase(), Cycle::Phase::WaitingAfterPop, 10000);
        QVERIFY(f.server.deliveries().isEmpty());
        f.clock.advance(2000);
        QVERIFY(finished.wait(10000));
        QCOMPARE(f.server.deliveries().size(), 1);
    }

    void sendOnlyLogsInWhenTheWindowIsClosed()
    {
        CycleFixture f;
        f.queue();
        CycleOptions o = f.options();
        o.receive = false;
        CycleResult r = f.run(o); // no login yet: the window is closed
        QCOMPARE(r.popLogins, 1);
        QCOMPARE(r.sent, 1);
        f.queue();
        r = f.run(o); // the window is still open: straight to SMTP
        QCOMPARE(r.popLogins, 0);
        QCOMPARE(r.sent, 1);
    }
};

QTEST_GUILESS_MAIN(TestCycle)
#include "tst_cycle.moc"
