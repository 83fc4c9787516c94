// The clients against the sandbox over real loopback TCP: the POP-before-SMTP policy,
// same-local-address connections, exact bytes both ways, and round trips.
#include "SandboxFixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Outpost;
using namespace SandboxFixture;

class TestSandboxRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void relayRefusedBeforePopLogin();
    void popLoginOpensWindowAndBytesArriveExactly();
    void windowAndLagFollowTheInjectedClock();
    void sameLocalAddressAsPop();
    void smtpAuthAllowsRelay();
    void heloOnlyServer();
    void wrongPopPasswordGrantsNothing();
    void downloadAndDelete();
    void authOnlyRoundTrips();
    void smtpRoundTrips_data();
    void smtpRoundTrips();

private:
    /// Logs in over POP (authenticate-only: STAT, QUIT); returns the local address used.
    QHostAddress popLogin(const QHostAddress &local = {});
    /// Sends @p m in one session; returns the result.
    SmtpResult sendOne(const SmtpSettings &settings, const SmtpMessage &m);

    SandboxServer *m_server = nullptr;
    qint64 m_clock = 1'000'000;
};

void TestSandboxRelay::initTestCase()
{
    qRegisterMetaType<NetError>();
    qRegisterMetaType<SmtpResult>();
    qRegisterMetaType<SmtpProbeResult>();
}

void TestSandboxRelay::init()
{
    m_server = new SandboxServer(this);
    setUp(*m_server);
    m_server->settings().clock = [this] { return m_clock; };
    QVERIFY(m_server->listen());
}

void TestSandboxRelay::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

QHostAddress TestSandboxRelay::popLogin(const QHostAddress &local)
{
    Pop3Client pop;
    Pop3Settings settings = popSettings(*m_server);
    settings.connection.localAddress = local;
    pop.setSettings(settings);
    QSignalSpy finished(&pop, &Pop3Client::finished);
    QSignalSpy loggedIn(&pop, &Pop3Client::loggedIn);
    pop.open();
    pop.stat();
    pop.quit();
    if (!finished.wait(5000) || loggedIn.count() != 1)
        return {};
    return pop.localAddress();
}

SmtpResult TestSandboxRelay::sendOne(const SmtpSettings &settings, const SmtpMessage &m)
{
    SmtpClient smtp;
    smtp.setSettings(settings);
    QSignalSpy finished(&smtp, &SmtpClient::messageFinished);
    QSignalSpy session(&smtp, &SmtpClient::sessionFinished);
    smtp.open();
    smtp.send(m);
    smtp.quit();
    if (!session.wait(5000) || finished.count() != 1)
        return {};
    return finished.at(0).at(0).value<SmtpResult>();
}

void TestSandboxRelay::relayRefusedBeforePopLogin()
{
    const SmtpResult result = sendOne(smtpSettings(*m_server), message(this, "hello\r\n"));
    QVERIFY(!result.sent);
    QCOMPARE(result.error.kind, NetError::RelayDenied);
    QCOMPARE(result.error.reply, QByteArray("554 5.7.1 <bob@example.net>: Relay access denied"));
    QVERIFY(m_server->deliveries().isEmpty());
}

void TestSandboxRelay::popLoginOpensWindowAndBytesArriveExactly()
{
    QVERIFY(!popLogin().isNull());
    const QByteArray body(".first line starts with a dot\r\n"
                          "Subject: x\r\n\r\n.\r\n..two\nbare lf\r\nno final newline");
    const SmtpResult result = sendOne(smtpSettings(*m_server), message(this, body));
    QVERIFY2(result.sent, qPrintable(result.error.message));
    QCOMPARE(m_server->deliveries().size(), 1);
    const SandboxDelivery delivery = m_server->deliveries().at(0);
    QCOMPARE(delivery.sender, QByteArray("alice@example.com"));
    QCOMPARE(delivery.recipients, QByteArrayList{"bob@example.net"});
    // Line ends normalised to CRLF, the last line ended; dots restored by the server.
    QCOMPARE(delivery.data, QByteArray(".first line starts with a dot\r\n"
                                       "Subject: x\r\n\r\n.\r\n..two\r\nbare lf\r\n"
                                       "no final newline\r\n"));
}

void TestSandboxRelay::windowAndLagFollowTheInjectedClock()
{
    m_server->settings().windowMs = 60'000;
    m_server->settings().grantLagMs = 2'000;
    QVERIFY(!popLogin().isNull());

    SmtpClient smtp;
    smtp.setSettings(smtpSettings(*m_server));
    QSignalSpy probes(&smtp, &SmtpClient::relayProbeFinished);
    QSignalSpy session(&smtp, &SmtpClient::sessionFinished);
    smtp.open();
    const auto probe = [&] {
        const int before = static_cast<int>(probes.count());
        smtp.probeRelay("alice@example.com", "postmaster@example.com");
        if (!QTest::qWaitFor([&] { return probes.count() > before; }, 5000))
            return SmtpProbeResult{};
        return probes.last().at(0).value<SmtpProbeResult>();
    };
    SmtpProbeResult r = probe();
    QVERIFY(!r.relayAllowed); // within the lag
    QCOMPARE(r.error.kind, NetError::RelayDenied);
    m_clock += 2'000;
    r = probe();
    QVERIFY(r.relayAllowed);
    QVERIFY(!r.error.isError());
    m_clock += 58'000; // the window has closed
    r = probe();
    QVERIFY(!r.relayAllowed);
    QCOMPARE(r.error.kind, NetError::RelayDenied);
    smtp.quit();
    QVERIFY(session.wait(5000));
    QVERIFY(m_server->deliveries().isEmpty()); // probes send no mail
}

void TestSandboxRelay::sameLocalAddressAsPop()
{
    const QHostAddress popAddress = popLogin(QHostAddress(QStringLiteral("127.0.0.2")));
    QCOMPARE(popAddress, QHostAddress(QStringLiteral("127.0.0.2")));

    SmtpSettings other = smtpSettings(*m_server);
    other.connection.localAddress = QHostAddress(QStringLiteral("127.0.0.3"));
    QCOMPARE(sendOne(other, message(this, "x\r\n")).error.kind, NetError::RelayDenied);

    SmtpSettings same = smtpSettings(*m_server);
    same.connection.localAddress = popAddress;
    const SmtpResult result = sendOne(same, message(this, "x\r\n"));
    QVERIFY2(result.sent, qPrintable(result.error.message));
    QCOMPARE(m_server->deliveries().at(0).client, popAddress);
}

void TestSandboxRelay::smtpAuthAllowsRelay()
{
    m_server->settings().smtpAuth = true;
    SmtpSettings settings = smtpSettings(*m_server);
    settings.auth = SmtpAuth::Plain;
    settings.allowPlainTextPassword = true;
    settings.user = QStringLiteral("alice");
    settings.password = QStringLiteral("wonderland");
    const SmtpResult result = sendOne(settings, message(this, "x\r\n"));
    QVERIFY2(result.sent, qPrintable(result.error.message));
    QCOMPARE(m_server->deliveries().at(0).authenticatedUser, QByteArray("alice"));

    settings.password = QStringLiteral("wrong");
    SmtpClient smtp;
    smtp.setSettings(settings);
    QSignalSpy session(&smtp, &SmtpClient::sessionFinished);
    smtp.open();
    QVERIFY(session.wait(5000));
    QCOMPARE(session.at(0).at(0).value<NetError>().kind, NetError::Authentication);
}

void TestSandboxRelay::heloOnlyServer()
{
    m_server->settings().ehlo = false;
    QVERIFY(!popLogin().isNull());
    const SmtpResult result = sendOne(smtpSettings(*m_server), message(this, ".x\r\n"));
    QVERIFY2(result.sent, qPrintable(result.error.message));
    QCOMPARE(m_server->deliveries().at(0).data, QByteArray(".x\r\n"));
}

void TestSandboxRelay::wrongPopPasswordGrantsNothing()
{
    Pop3Client pop;
    pop.setSettings(popSettings(*m_server, "alice", "wrong"));
    QSignalSpy finished(&pop, &Pop3Client::finished);
    pop.open();
    pop.quit();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).value<NetError>().kind, NetError::Authentication);
    QVERIFY(!m_server->relayAllowed(QHostAddress::LocalHost));
}

void TestSandboxRelay::downloadAndDelete()
{
    const QByteArray first("Subject: one\r\n\r\n.\r\n.leading dot\r\n");
    const QByteArray second("Subject: two\r\n\r\nbody\r\n");
    const QByteArray uid1 = m_server->addMessage("alice", first);
    const QByteArray uid2 = m_server->addMessage("alice", second);
    for (const PopLogin login : {PopLogin::Auto, PopLogin::UserPass, PopLogin::SaslPlain}) {
        Pop3Client pop;
        Pop3Settings settings = popSettings(*m_server);
        settings.login = login;
        settings.allowPlainTextPassword = true; // chosen: USER/PASS and SASL PLAIN without TLS
        pop.setSettings(settings);
        QSignalSpy uids(&pop, &Pop3Client::uidsReceived);
        QSignalSpy finished(&pop, &Pop3Client::finished);
        pop.open();
        pop.listUids();
        QVERIFY(uids.wait(5000));
        const auto list = uids.at(0).at(0).value<QList<Pop3Uid>>();
        QCOMPARE(list, (QList<Pop3Uid>{{1, uid1}, {2, uid2}}));
        QBuffer one;
        QBuffer two;
        one.open(QIODevice::WriteOnly);
        two.open(QIODevice::WriteOnly);
        pop.retrieve(1, &one);
        pop.retrieve(2, &two);
        pop.quit();
        QVERIFY(finished.wait(5000));
        QVERIFY(!finished.at(0).at(0).value<NetError>().isError());
        QCOMPARE(one.data(), first);
        QCOMPARE(two.data(), second);
    }
    QCOMPARE(m_server->mailboxSize("alice"), 2);

    Pop3Client pop;
    pop.setSettings(popSettings(*m_server));
    QSignalSpy committed(&pop, &Pop3Client::deletionsCommitted);
    QSignalSpy finished(&pop, &Pop3Client::finished);
    pop.open();
    pop.remove(1);
    pop.quit();
    QVERIFY(finished.wait(5000));
    QCOMPARE(committed.count(), 1);
    QCOMPARE(m_server->mailboxSize("alice"), 1);
}

void TestSandboxRelay::authOnlyRoundTrips()
{
    for (const bool pipelining : {true, false}) {
        m_server->settings().pipelining = pipelining;
        Pop3Client pop;
        Pop3Settings settings = popSettings(*m_server);
        settings.login = PopLogin::UserPass;
        settings.allowPlainTextPassword = true; // chosen: USER/PASS without TLS
        pop.setSettings(settings);
        QStringList transcript;
        connect(&pop, &Pop3Client::transcript, this,
                [&](const QString &line) { transcript << line; });
        QSignalSpy finished(&pop, &Pop3Client::finished);
        QSignalSpy stat(&pop, &Pop3Client::statReceived);
        QSignalSpy loggedIn(&pop, &Pop3Client::loggedIn);
        pop.authenticateOnly();
        QVERIFY(finished.wait(5000));
        QVERIFY(!finished.at(0).at(0).value<NetError>().isError());
        QCOMPARE(loggedIn.count(), 1);
        QCOMPARE(stat.count(), 1);
        const int trips = roundTrips(transcript);
        qInfo("POP3 USER/PASS login + STAT + QUIT, PIPELINING %s: %d round trips",
              pipelining ? "on" : "off", trips);
        // Greeting, CAPA, then USER+PASS+STAT+QUIT in one group; one by one: 4 more.
        QCOMPARE(trips, pipelining ? 3 : 6);
    }
}

void TestSandboxRelay::smtpRoundTrips_data()
{
    QTest::addColumn<int>("messages");
    QTest::addColumn<bool>("pipelining");
    QTest::addColumn<bool>("chunking");
    QTest::addColumn<int>("expected");
    // PIPELINING and CHUNKING: greeting, EHLO, then every message (MAIL, RCPT, BDAT ... LAST,
    // RSET before the next) and QUIT in one stream: 3 whatever the number of messages.
    // PIPELINING alone: greeting + EHLO + one group per message (MAIL/RCPT/DATA, the data
    // with the next envelope) + the last data with QUIT: N + 3. Neither: greeting, EHLO, then
    // MAIL, RCPT, DATA and the data for each message, and QUIT: 4N + 3.
    for (const int n : {1, 10}) {
        QTest::addRow("%d message(s), pipelining and chunking", n) << n << true << true << 3;
        QTest::addRow("%d message(s), pipelining", n) << n << true << false << n + 3;
        QTest::addRow("%d message(s), neither", n) << n << false << false << 4 * n + 3;
    }
}

void TestSandboxRelay::smtpRoundTrips()
{
    QFETCH(int, messages);
    QFETCH(bool, pipelining);
    QFETCH(bool, chunking);
    QFETCH(int, expected);
    m_server->settings().chunking = chunking;
    QVERIFY(!popLogin().isNull());
    m_server->settings().pipelining = pipelining;
    SmtpClient smtp;
    smtp.setSettings(smtpSettings(*m_server));
    QStringList transcript;
    connect(&smtp, &SmtpClient::transcript, this, [&](const QString &line) { transcript << line; });
    QSignalSpy finished(&smtp, &SmtpClient::messageFinished);
    QSignalSpy session(&smtp, &SmtpClient::sessionFinished);
    smtp.open();
    for (int i = 0; i < messages; ++i)
        smtp.send(message(this, "Subject: " + QByteArray::number(i) + "\r\n\r\nbody\r\n"));
    smtp.quit();
    QVERIFY(session.wait(5000));
    QCOMPARE(finished.count(), messages);
    for (const auto &args : std::as_const(finished))
        QVERIFY(args.at(0).value<SmtpResult>().sent);
    QCOMPARE(m_server->deliveries().size(), messages);
    const int trips = roundTrips(transcript);
    qInfo("SMTP session with %d message(s), PIPELINING %s, CHUNKING %s: %d round trips", messages,
          pipelining ? "on" : "off", chunking ? "on" : "off", trips);
    QCOMPARE(smtp.usesChunking(), chunking);
    QCOMPARE(trips, expected);
}

QTEST_GUILESS_MAIN(TestSandboxRelay)
#include "tst_sandbox_relay.moc"
