// Cycles with IMAP as the incoming protocol, against the sandbox's IMAP side: the login opens
// the relay window, new mail is downloaded without changing the server's mailbox, a second
// cycle downloads nothing, a UIDVALIDITY change downloads nothing twice.
#include "CycleFixture.h"

#include <QFile>
#include <QTest>

using namespace Outpost;

namespace {

QByteArray seeded(int n)
{
    return "From: Seeder <seed@example.org>\r\nTo: alice@example.com\r\nSubject: Seed " +
           QByteArray::number(n) + "\r\nMessage-ID: <seed" + QByteArray::number(n) +
           "@example.org>\r\n\r\nSeeded body " + QByteArray::number(n) + "\r\n";
}

/// An IMAP account on the sandbox: plain on loopback (the password allowed in clear, so that
/// the tests run where a TLS server cannot, see TestTls::serverUnavailable()), or over TLS
/// with the test certificate.
void useImap(CycleFixture &f, Security security = Security::None)
{
    SandboxFixture::setUp(f.server);
    f.server.settings().popSecurity = security;
    f.account.incoming = IncomingProtocol::Imap;
    f.account.popPort = f.server.imapPort();
    f.account.popSecurity = security;
    f.account.allowPlainTextAuth = security == Security::None;
    f.account.caFile = QStringLiteral(OUTPOST_TEST_DATA_DIR "/ca.pem");
}

QList<QByteArray> inboxContents(const InboxStore &inbox)
{
    QList<QByteArray> out;
    for (const InboxMessage &m : inbox.messages()) {
        QFile file(m.path());
        if (file.open(QIODevice::ReadOnly))
            out << file.readAll();
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestCycleImap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loginOpensTheRelayAndMailIsReceivedThenSent()
    {
        CycleFixture f;
        useImap(f);
        f.server.addMessage("alice", seeded(1));
        f.server.addMessage("alice", seeded(2));
        const QString id = f.queue();
        const CycleResult r = f.run();
        QVERIFY2(r.ok(), qPrintable(r.accountError.message + r.receiveError.message));
        QCOMPARE(r.received, 2);
        QCOMPARE(r.sent, 1);
        QCOMPARE(r.popLogins, 1);
        QCOMPARE(inboxContents(*f.inbox), (QList<QByteArray>{seeded(1), seeded(2)}));
        QCOMPARE(f.server.deliveries().size(), 1);
        QCOMPARE(f.server.deliveries().first().data, f.sentBytes(id));
        // Receive first, over IMAP; then send.
        const QString log = f.transcript.join(QLatin1Char('\n'));
        QVERIFY(log.indexOf(QLatin1String("IMAP C: a1 AUTHENTICATE PLAIN ****")) >= 0);
        QVERIFY(log.indexOf(QLatin1String("IMAP ")) < log.indexOf(QLatin1String("SMTP ")));
        QVERIFY(!log.contains(QLatin1String("wonderland")));
        // The server's mailbox is as it was: nothing removed, nothing marked \Seen.
        QCOMPARE(f.server.mailboxSize("alice"), 2);
        QVERIFY(!f.server.imapSeen("alice", 0));
        QVERIFY(!f.server.imapSeen("alice", 1));
        for (const QString &line : std::as_const(f.transcript)) {
            if (!line.startsWith(QLatin1String("IMAP C: ")))
                continue;
            for (const char *word :
                 {" STORE ", " EXPUNGE", " SELECT ", " BODY[]", " COPY ", " MOVE ", " DELETE "})
                QVERIFY2(!line.contains(QLatin1String(word)), qPrintable(line));
        }
        QVERIFY(log.contains(QLatin1String("EXAMINE")));
        QVERIFY(log.contains(QLatin1String("BODY.PEEK[]")));
    }

    void secondCycleDownloadsNothingAndTheThirdOnlyWhatIsNew()
    {
        CycleFixture f;
        useImap(f);
        f.server.addMessage("alice", seeded(1));
        QCOMPARE(f.run().received, 1);
        f.transcript.clear();
        const CycleResult again = f.run();
        QCOMPARE(again.received, 0);
        QCOMPARE(again.popLogins, 1);
        QVERIFY(!f.transcript.join(QLatin1Char('\n')).contains(QLatin1String("BODY.PEEK[]")));
        f.server.addMessage("alice", seeded(2));
        QCOMPARE(f.run().received, 1);
        QCOMPARE(inboxContents(*f.inbox), (QList<QByteArray>{seeded(1), seeded(2)}));
        // The state survives a restart of the program.
        f.reopenStores();
        QCOMPARE(f.run().received, 0);
        QCOMPARE(f.inbox->messages().size(), 2);
    }

    void uidValidityChangeDownloadsNothingTwice()
    {
        CycleFixture f;
        useImap(f);
        f.server.addMessage("alice", seeded(1));
        f.server.addMessage("alice", seeded(2));
        QCOMPARE(f.run().received, 2);
        f.server.settings().imapUidValidity = 77; // the server rebuilt its index
        const CycleResult r = f.run();
        QVERIFY2(r.ok(), qPrintable(r.receiveError.message));
        QCOMPARE(r.received, 0);
        QCOMPARE(f.inbox->messages().size(), 2);
        f.server.addMessage("alice", seeded(3));
        QCOMPARE(f.run().received, 1);
        QCOMPARE(f.run().received, 0);
        QCOMPARE(inboxContents(*f.inbox), (QList<QByteArray>{seeded(1), seeded(2), seeded(3)}));
    }

    void authenticateOnlyDownloadsNothing()
    {
        CycleFixture f;
        useImap(f);
        f.account.receiveMode = ReceiveMode::AuthOnly;
        f.server.addMessage("alice", seeded(1));
        f.queue();
        const CycleResult r = f.run();
        QCOMPARE(r.received, 0);
        QCOMPARE(r.popLogins, 1);
        QCOMPARE(r.sent, 1);
        QVERIFY(f.inbox->messages().isEmpty());
        const QString log = f.transcript.join(QLatin1Char('\n'));
        QVERIFY(!log.contains(QLatin1String("FETCH")));
        QVERIFY(!log.contains(QLatin1String("EXAMINE")));
        QVERIFY(log.contains(QLatin1String("LOGOUT")));
    }

    void relayRefusedMidBatchLogsInAgainOverImap()
    {
        // The same recovery as for POP3: the server forgets the login after the first
        // delivery; the refusal makes the cycle log in again (over IMAP) and carry on.
        CycleFixture f;
        useImap(f);
        const QStringList ids{f.queue(), f.queue(), f.queue()};
        bool cleared = false;
        QObject::connect(&f.server, &SandboxServer::delivered, &f.server, [&] {
            if (!cleared)
                f.server.clearGrants();
            cleared = true;
        });
        CycleOptions o = f.options();
        o.relayRetryDelaysMs = {};
        QObject::connect(&f.server, &SandboxServer::delivered, &f.server,
                         [&] { f.clock.advance(60000); });
        const CycleResult r = f.run(o);
        QCOMPARE(r.sent, 3);
        QCOMPARE(r.popLogins, 2);
        for (const QString &id : ids)
            QCOMPARE(f.stateOf(id), OutboxState::Sent);
        QCOMPARE(f.transcript.filter(QLatin1String("IMAP C: a1 AUTHENTICATE")).size(), 2);
        QVERIFY(f.transcript.filter(QLatin1String("POP3 ")).isEmpty());
    }

    void windowAboutToCloseLogsInAgainOverImap()
    {
        CycleFixture f;
        useImap(f);
        for (int i = 0; i < 4; ++i)
            f.queue();
        // Each message "takes" two minutes; the window is five.
        QObject::connect(&f.server, &SandboxServer::delivered, &f.server,
                         [&] { f.clock.advance(120000); });
        QSignalSpy notes(&f.server, &SandboxServer::popLoggedIn);
        const CycleResult r = f.run();
        QCOMPARE(r.sent, 4);
        QCOMPARE(r.popLogins, 2);
        QCOMPARE(notes.count(), 2);
    }

    void brokenDownloadIsFetchedNextTime()
    {
        CycleFixture f;
        useImap(f);
        f.server.addMessage("alice", seeded(1));
        SandboxFault fault;
        fault.protocol = SandboxFault::Imap;
        fault.command = "UID FETCH";
        fault.occurrence = 2; // the first lists, the second fetches the message
        fault.action = SandboxFault::Disconnect;
        f.server.addFault(fault);
        const CycleResult r = f.run();
        QCOMPARE(r.received, 0);
        QVERIFY(r.receiveError.isError());
        QVERIFY(f.inbox->messages().isEmpty());
        f.server.clearFaults();
        QCOMPARE(f.run().received, 1);
        QCOMPARE(inboxContents(*f.inbox), QList<QByteArray>{seeded(1)});
    }

    void startTlsRequiredButNotOfferedSendsNoPassword()
    {
        CycleFixture f;
        useImap(f, Security::StartTls);
        f.server.settings().offerStartTls = false; // what a stripping proxy leaves
        f.queue();
        const CycleResult r = f.run();
        QCOMPARE(r.popLogins, 0);
        QCOMPARE(r.sent, 0);
        QVERIFY(r.accountError.isError() || r.receiveError.isError());
        const QString log = f.transcript.join(QLatin1Char('\n'));
        QVERIFY(!log.contains(QLatin1String("LOGIN")));
        QVERIFY(!log.contains(QLatin1String("AUTHENTICATE")));
        QVERIFY(f.server.deliveries().isEmpty());
    }

    void implicitTls()
    {
        OUTPOST_SKIP_WITHOUT_TLS_SERVER();
        CycleFixture f;
        useImap(f, Security::Tls);
        f.server.addMessage("alice", seeded(1));
        f.queue();
        const CycleResult r = f.run();
        QVERIFY2(r.ok(), qPrintable(r.accountError.message + r.receiveError.message));
        QCOMPARE(r.received, 1);
        QCOMPARE(r.sent, 1);
    }

    void startTlsThenLogin()
    {
        OUTPOST_SKIP_WITHOUT_TLS_SERVER();
        CycleFixture f;
        useImap(f, Security::StartTls);
        f.server.addMessage("alice", seeded(1));
        const CycleResult r = f.run();
        QVERIFY2(r.ok(), qPrintable(r.accountError.message + r.receiveError.message));
        QCOMPARE(r.received, 1);
        QVERIFY(f.transcript.join(QLatin1Char('\n')).contains(QLatin1String("STARTTLS")));
    }
};

QTEST_MAIN(TestCycleImap)
#include "tst_cycle_imap.moc"
