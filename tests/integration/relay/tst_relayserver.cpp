// The local relay's SMTP listener, driven by scripted clients over loopback: pipelining,
// authentication, limits, timeouts, hostile data and many clients at once. The target is a
// fake that records what would be queued.
#include "relay/RelayServer.h"

#include "TestTls.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace Outpost;

namespace {

class FakeTarget : public RelayTarget
{
public:
    QString accountForUser(const QString &user) const override
    {
        return user.compare(QStringLiteral("Home"), Qt::CaseInsensitive) == 0 ||
                       user == QStringLiteral("taro@example.jp")
                   ? QStringLiteral("home")
                   : QString();
    }
    QString accountForSender(const QString &sender) const override
    {
        return sender == QStringLiteral("taro@example.jp") ? QStringLiteral("home") : QString();
    }
    bool checkPassword(const QByteArray &password) const override
    {
        return password == "relay-secret";
    }
    void queue(const Submission &submission,
               std::function<void(const Outcome &outcome)> done) override
    {
        Outcome outcome{{}, refusal};
        if (refusal.isEmpty()) {
            queued.push_back(submission);
            outcome = {QStringLiteral("id%1").arg(queued.size()), {}};
        }
        if (holdAnswers) {
            // As when the disk is slow: the answer comes when the test releases it.
            held.push_back([done = std::move(done), outcome] { done(outcome); });
            return;
        }
        done(outcome);
    }
    void releaseHeld()
    {
        auto answers = std::move(held);
        held.clear();
        for (auto &answer : answers)
            answer();
    }

    qint64 sizeLimit(const QString &) const override { return serverLimit; }
    bool refuses8Bit(const QString &) const override { return serverRefuses8Bit; }

    std::vector<Submission> queued;
    QByteArray refusal;
    qint64 serverLimit = 0;
    bool serverRefuses8Bit = false;
    bool holdAnswers = false;
    std::vector<std::function<void()>> held;
};

// A client that writes exactly what a test gives it and reads whole replies.
class Client
{
public:
    explicit Client(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    /// The next complete reply (all its lines), e.g. "250-a\r\n250 b"; empty on close.
    QByteArray reply(int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (true) {
            const qsizetype end = replyEnd();
            if (end >= 0) {
                const QByteArray out = m_buffer.left(end - 2);
                m_buffer.remove(0, end);
                return out;
            }
            if (m_socket.state() != QAbstractSocket::ConnectedState &&
                m_socket.state() != QAbstractSocket::ConnectingState && !m_socket.bytesAvailable())
                return {};
            if (timer.elapsed() > timeoutMs)
                return "(no reply)";
            QTest::qWait(5);
            m_buffer += m_socket.readAll();
        }
    }
    /// The code of the next reply.
    int code(int timeoutMs = 10000) { return reply(timeoutMs).left(3).toInt(); }
    bool closedByServer(int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs)
            QTest::qWait(5);
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }
    QTcpSocket &socket() { return m_socket; }
    /// After the server's 220 to STARTTLS: the handshake, trusting only @p trusted.
    bool startTls(const QSslCertificate &trusted)
    {
        QSslConfiguration tls = m_socket.sslConfiguration();
        tls.setCaCertificates({trusted});
        m_socket.setSslConfiguration(tls);
        m_socket.setPeerVerifyName(QStringLiteral("localhost"));
        m_socket.startClientEncryption();
        QElapsedTimer timer;
        timer.start();
        while (!m_socket.isEncrypted() && m_socket.state() == QAbstractSocket::ConnectedState &&
               timer.elapsed() < 10000)
            QTest::qWait(5);
        return m_socket.isEncrypted();
    }

private:
    // The end (after CRLF) of the first complete reply in the buffer, or -1.
    qsizetype replyEnd() const
    {
        qsizetype start = 0;
        while (true) {
            const qsizetype end = m_buffer.indexOf("\r\n", start);
            if (end < 0)
                return -1;
            if (end - start >= 4 && m_buffer.at(start + 3) == ' ')
                return end + 2;
            if (end - start == 3)
                return end + 2;
            start = end + 2;
        }
    }
    QSslSocket m_socket; // unencrypted until startTls()
    QByteArray m_buffer;
};

const QByteArray plainAuth = "AUTH PLAIN " + QByteArray("\0Home\0relay-secret", 18).toBase64();

} // namespace

class TestRelayServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeTarget> m_target;
    std::unique_ptr<RelayServer> m_server;

    void startServer(RelayLimits limits = {}, const QSslConfiguration &tls = {},
                     bool clientsAreLocal = true)
    {
        m_target = std::make_unique<FakeTarget>();
        m_server = std::make_unique<RelayServer>(m_target.get());
        limits.authFailureDelayMs = qMin(limits.authFailureDelayMs, 200);
        m_server->setLimits(limits);
        m_server->setTls(tls);
        if (!clientsAreLocal)
            m_server->setLocalClients([](const QHostAddress &) { return false; });
        QString error;
        QVERIFY2(m_server->listen(0, {QHostAddress(QHostAddress::LocalHost)}, &error),
                 qPrintable(error));
    }
    // MAIL, RCPT and DATA for one recipient, each accepted: the client may send the data.
    void openData(Client &c)
    {
        c.send("MAIL FROM:<taro@example.jp>\r\nRCPT TO:<hanako@example.jp>\r\nDATA\r\n");
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 354);
    }
    // Greeting, EHLO and sign-in.
    void signIn(Client &c)
    {
        QCOMPARE(c.code(), 220);
        c.send("EHLO client.example\r\n");
        QCOMPARE(c.code(), 250);
        c.send(plainAuth + "\r\n");
        QCOMPARE(c.code(), 235);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_server.reset();
        m_target.reset();
    }

    void offersWhatItImplements()
    {
        startServer();
        Client c(m_server->port());
        QCOMPARE(c.code(), 220);
        c.send("EHLO client.example\r\n");
        const QByteArray ehlo = c.reply();
        QVERIFY(ehlo.startsWith("250-"));
        for (const char *word :
             {"PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "AUTH PLAIN LOGIN"})
            QVERIFY2(ehlo.contains(word), word);
        QVERIFY(ehlo.contains("SIZE " + QByteArray::number(RelayLimits().maxMessageSize)));
        QVERIFY(!ehlo.contains("CHUNKING"));
        QVERIFY(!ehlo.contains("STARTTLS"));
        c.send("STARTTLS\r\n");
        QCOMPARE(c.code(), 502); // without a certificate: this computer only, no TLS
        c.send("QUIT\r\n");
        QCOMPARE(c.code(), 221);
        QVERIFY(c.closedByServer());
    }

    void pipelinedSubmissionIsQueuedOnce()
    {
        startServer();
        Client c(m_server->port());
        // Everything in one write, as a PIPELINING client may (RFC 2920).
        c.send("EHLO client.example\r\n" + plainAuth +
               "\r\nMAIL FROM:<taro@example.jp> SIZE=40 BODY=8BITMIME\r\n"
               "RCPT TO:<hanako@example.jp>\r\nRCPT TO:<jiro@example.jp>\r\nDATA\r\n"
               "Subject: hi\r\n\r\n..dot\r\nbody\r\n.\r\nQUIT\r\n");
        QCOMPARE(c.code(), 220);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 235);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 354);
        const QByteArray queued = c.reply();
        QVERIFY2(queued.startsWith("250 2.0.0 "), queued.constData());
        QVERIFY(queued.contains("id1"));
        QCOMPARE(c.code(), 221);
        QCOMPARE(m_target->queued.size(), size_t(1));
        const RelayTarget::Submission &s = m_target->queued.front();
        QCOMPARE(s.accountId, QStringLiteral("home"));
        QCOMPARE(s.sender, QStringLiteral("taro@example.jp"));
        QCOMPARE(s.recipients, QStringList({QStringLiteral("hanako@example.jp"),
                                            QStringLiteral("jiro@example.jp")}));
        QCOMPARE(s.data, QByteArray("Subject: hi\r\n\r\n.dot\r\nbody\r\n"));
        QCOMPARE(s.clientName, QStringLiteral("client.example"));
        QCOMPARE(m_server->relayedCount(), 1);
    }

    void futureReleaseKeepsAMessageForLater()
    {
        // RFC 4865: any program can send later through Outpost, HOLDFOR or HOLDUNTIL.
        startServer();
        Client c(m_server->port());
        QCOMPARE(c.code(), 220);
        c.send("EHLO client.example\r\n");
        const QByteArray ehlo = c.reply();
        QVERIFY2(ehlo.contains("FUTURERELEASE " + QByteArray::number(RelayLimits().maxHoldSeconds) +
                               ' '),
                 ehlo.constData());
        c.send(plainAuth + "\r\n");
        QCOMPARE(c.code(), 235);
        const auto submit = [&c](const QByteArray &parameter) {
            c.send("MAIL FROM:<taro@example.jp> " + parameter + "\r\n");
            const QByteArray answer = c.reply();
            if (!answer.startsWith("250"))
                return answer;
            c.send("RCPT TO:<hanako@example.jp>\r\nDATA\r\nSubject: later\r\n\r\nx\r\n.\r\n");
            c.reply();
            c.reply();
            return c.reply();
        };
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY(submit("HOLDFOR=3600").startsWith("250 2.0.0"));
        QCOMPARE(m_target->queued.size(), size_t(1));
        const qint64 held = before.secsTo(m_target->queued.back().notBefore);
        QVERIFY2(held >= 3599 && held <= 3601, qPrintable(QString::number(held)));
        QVERIFY(submit("HOLDUNTIL=2099-12-24t09:00:00+09:00").startsWith("501 5.5.4")); // > 1 year
        QVERIFY(submit("HOLDFOR=9223372036854775807").startsWith("501 5.5.4"));
        QVERIFY(submit("HOLDUNTIL=9999-12-31T23:59:59Z").startsWith("501 5.5.4"));
        const QByteArray until =
            before.addDays(30).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toLatin1();
        QVERIFY(submit("HOLDUNTIL=" + until).startsWith("250 2.0.0"));
        QCOMPARE(m_target->queued.back().notBefore,
                 QDateTime::fromString(QString::fromLatin1(until), Qt::ISODate));
        // A time already past: released at once.
        QVERIFY(submit("HOLDUNTIL=2001-01-01T00:00:00Z").startsWith("250 2.0.0"));
        QVERIFY(!m_target->queued.back().notBefore.isValid());
        // Bad forms and both at once: refused, nothing queued.
        for (const QByteArray &bad :
             {QByteArray("HOLDFOR=-5"), QByteArray("HOLDFOR=soon"),
              QByteArray("HOLDUNTIL=2026-12-24 09:00"), QByteArray("HOLDUNTIL=2026-12-24T09:00:00"),
              QByteArray("HOLDFOR=60 HOLDUNTIL=") + until})
            QVERIFY2(submit(bad).startsWith("501 5.5.4"), bad.constData());
        QCOMPARE(m_target->queued.size(), size_t(3));
        // Without a hold the message is not planned.
        QVERIFY(submit("").startsWith("250 2.0.0"));
        QVERIFY(!m_target->queued.back().notBefore.isValid());
    }

    void commandsAfterTheDataWaitForItsAnswer()
    {
        // The answer to the data comes only once the message is on the disk (here: when the
        // test says so); what the client pipelined behind it is answered after it, in order.
        startServer();
        m_target->holdAnswers = true;
        Client c(m_server->port());
        signIn(c);
        openData(c);
        c.send("Subject: one\r\n\r\none\r\n.\r\nMAIL FROM:<taro@example.jp>\r\nNOOP\r\n");
        QTRY_COMPARE(m_target->held.size(), size_t(1));
        m_target->releaseHeld();
        const QByteArray queued = c.reply();
        QVERIFY2(queued.startsWith("250 2.0.0 ") && queued.contains("id1"), queued.constData());
        const QByteArray mail = c.reply();
        QVERIFY2(mail.startsWith("250 2.1.0"), mail.constData());
        QCOMPARE(c.code(), 250); // NOOP
    }

    void aClientGoneBeforeTheAnswerLeavesTheMessageQueued()
    {
        // The data was complete: like any SMTP server, the message stays queued although its
        // 250 can no longer be given.
        startServer();
        m_target->holdAnswers = true;
        {
            Client c(m_server->port());
            signIn(c);
            openData(c);
            c.send("Subject: gone\r\n\r\ngone\r\n.\r\n");
            QTRY_COMPARE(m_target->held.size(), size_t(1));
            c.socket().abort();
        }
        QTRY_COMPARE(m_server->clientCount(), 0);
        m_target->releaseHeld(); // the session is gone: nothing to answer, nothing crashes
        QCOMPARE(m_target->queued.size(), size_t(1));
        QCOMPARE(m_server->relayedCount(), 0);
    }

    void smugglingSequencesStayInsideTheMessage_data()
    {
        QTest::addColumn<QByteArray>("separator");
        QTest::newRow("LF.LF") << QByteArray("\n.\n");
        QTest::newRow("LF.CRLF") << QByteArray("\n.\r\n");
        QTest::newRow("CRLF.LF") << QByteArray("\r\n.\n");
        QTest::newRow("CR.CR") << QByteArray("\r.\r");
        QTest::newRow("CR.CRLF") << QByteArray("\r.\r\n");
        QTest::newRow("CRLF.CR") << QByteArray("\r\n.\r");
    }

    void smugglingSequencesStayInsideTheMessage()
    {
        QFETCH(QByteArray, separator);
        startServer();
        Client c(m_server->port());
        signIn(c);
        openData(c);
        c.send("Subject: first\r\n\r\nfirst" + separator +
               "MAIL FROM:<admin@bank.example>\r\nRCPT TO:<victim@example.jp>\r\nDATA\r\n"
               "Subject: smuggled\r\n\r\nsmuggled\r\n.\r\n");
        QVERIFY(c.reply().startsWith("250 2.0.0"));
        c.send("NOOP\r\n");
        QCOMPARE(c.code(), 250); // no stray replies in between: one message, one reply
        QCOMPARE(m_target->queued.size(), size_t(1));
        const QByteArray data = m_target->queued.front().data;
        QVERIFY(data.contains("smuggled"));
        QVERIFY(data.contains("MAIL FROM:<admin@bank.example>"));
        QCOMPARE(m_target->queued.front().recipients,
                 QStringList{QStringLiteral("hanako@example.jp")});
        // Only CRLF line ends in what is kept: no bare CR or LF for another server to read.
        QVERIFY(!data.contains("\r\r"));
        QCOMPARE(data.count('\n'), data.count("\r\n"));
        QCOMPARE(data.count('\r'), data.count("\r\n"));
    }

    void mailBeforeAuthIsRefused()
    {
        startServer();
        Client c(m_server->port());
        QCOMPARE(c.code(), 220);
        c.send("EHLO client.example\r\nMAIL FROM:<taro@example.jp>\r\n");
        QCOMPARE(c.code(), 250);
        const QByteArray refused = c.reply();
        QVERIFY2(refused.startsWith("530 5.7.0"), refused.constData());
        c.send("RCPT TO:<hanako@example.jp>\r\nDATA\r\n");
        QCOMPARE(c.code(), 503);
        QCOMPARE(c.code(), 503);
        QVERIFY(m_target->queued.empty());
    }

    void wrongPasswordIsAnsweredLateThenTheClientIsDropped()
    {
        RelayLimits limits;
        limits.authFailureDelayMs = 150;
        startServer(limits);
        Client c(m_server->port());
        QCOMPARE(c.code(), 220);
        c.send("EHLO client.example\r\n");
        QCOMPARE(c.code(), 250);
        const QByteArray wrong =
            "AUTH PLAIN " + QByteArray("\0Home\0guess", 11).toBase64() + "\r\n";
        QElapsedTimer timer;
        timer.start();
        // Pipelined behind the wrong password: answered after it, in order.
        c.send(wrong + "NOOP\r\n");
        const QByteArray refused = c.reply();
        QVERIFY2(refused.startsWith("535 5.7.8"), refused.constData());
        // (A coarse QTimer may fire up to 5 % early.)
        QVERIFY2(timer.elapsed() >= 142, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(c.code(), 250);
        // AUTH LOGIN, the user unknown: refused the same way.
        c.send("AUTH LOGIN\r\n");
        QCOMPARE(c.code(), 334);
        c.send(QByteArray("nobody").toBase64() + "\r\n");
        QCOMPARE(c.code(), 334);
        c.send(QByteArray("relay-secret").toBase64() + "\r\n");
        QCOMPARE(c.code(), 535);
        c.send(wrong);
        QCOMPARE(c.code(), 421); // the third failure
        QVERIFY(c.closedByServer());
    }

    void authLoginWorks()
    {
        startServer();
        Client c(m_server->port());
        QCOMPARE(c.code(), 220);
        c.send("EHLO client.example\r\nAUTH LOGIN\r\n");
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.reply(), QByteArray("334 VXNlcm5hbWU6"));
        c.send(QByteArray("taro@example.jp").toBase64() + "\r\n");
        QCOMPARE(c.reply(), QByteArray("334 UGFzc3dvcmQ6"));
        c.send(QByteArray("relay-secret").toBase64() + "\r\n");
        QCOMPARE(c.code(), 235);
        c.send("AUTH LOGIN\r\n");
        QCOMPARE(c.code(), 503);
    }

    void withoutAuthTheSenderChoosesTheAccount()
    {
        RelayLimits limits;
        limits.requireAuth = false;
        startServer(limits);
        Client c(m_server->port());
        QCOMPARE(c.code(), 220);
        c.send("HELO scanner\r\nMAIL FROM:<someone@else.example>\r\n");
        QCOMPARE(c.code(), 250);
        const QByteArray refused = c.reply();
        QVERIFY2(refused.startsWith("550 5.7.1 <someone@else.example>"), refused.constData());
        c.send("MAIL FROM:<taro@example.jp>\r\nRCPT TO:<hanako@example.jp>\r\nDATA\r\n"
               "scan\r\n.\r\n");
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 354);
        QCOMPARE(c.code(), 250);
        QCOMPARE(m_target->queued.size(), size_t(1));
        QCOMPARE(m_target->queued.front().accountId, QStringLiteral("home"));
    }

    void limitsAreAnsweredWithTheRightCodes()
    {
        RelayLimits limits;
        limits.maxRecipients = 3;
        limits.maxMessageSize = 1000;
        limits.maxCommandLine = 100;
        startServer(limits);
        Client c(m_server->port());
        signIn(c);
        // SIZE over the limit, announced.
        c.send("MAIL FROM:<taro@example.jp> SIZE=5000\r\n");
        QVERIFY(c.reply().startsWith("552 5.3.4"));
        // An unknown parameter.
        c.send("MAIL FROM:<taro@example.jp> XFOO=1\r\n");
        QVERIFY(c.reply().startsWith("555 5.5.4"));
        // A command line over the limit: refused, and the session goes on.
        c.send("NOOP " + QByteArray(300, 'x') + "\r\nNOOP\r\n");
        QVERIFY(c.reply().startsWith("500 5.5.2"));
        QCOMPARE(c.code(), 250);
        // Too many recipients.
        c.send("MAIL FROM:<taro@example.jp>\r\n");
        QCOMPARE(c.code(), 250);
        for (int i = 0; i < 3; ++i) {
            c.send("RCPT TO:<r" + QByteArray::number(i) + "@example.jp>\r\n");
            QCOMPARE(c.code(), 250);
        }
        c.send("RCPT TO:<r9@example.jp>\r\n");
        QVERIFY(c.reply().startsWith("452 4.5.3"));
        // A message bigger than announced: refused after its end; nothing queued.
        c.send("DATA\r\n");
        QCOMPARE(c.code(), 354);
        QByteArray big;
        for (int i = 0; i < 50; ++i)
            big += QByteArray(70, 'y') + "\r\n";
        c.send(big + ".\r\n");
        QVERIFY(c.reply().startsWith("552 5.3.4"));
        QVERIFY(m_target->queued.empty());
        // Bad addresses.
        c.send("MAIL FROM:taro@example.jp\r\n");
        QVERIFY(c.reply().startsWith("501 5.5.4"));
        c.send("MAIL FROM:<taro>\r\n");
        QVERIFY(c.reply().startsWith("501 5.1.7"));
        c.send("MAIL FROM:<taro@example.jp>\r\nRCPT TO:<a b@example.jp>\r\nDATA\r\n");
        QCOMPARE(c.code(), 250);
        QVERIFY(c.reply().startsWith("501 5.1.3"));
        QVERIFY(c.reply().startsWith("554 5.5.1"));
    }

    void theAccountServersSizeLimitIsHeldAtSubmission()
    {
        startServer();
        m_target->serverLimit = 2 * 1024 * 1024; // learned from the server's EHLO
        Client c(m_server->port());
        signIn(c);
        c.send("MAIL FROM:<taro@example.jp> SIZE=3000000\r\n");
        const QByteArray refused = c.reply();
        QVERIFY2(refused.startsWith("552 5.3.4"), refused.constData());
        QVERIFY(refused.contains("2 MB the account's mail server accepts"));
        // Not announced, and bigger than the server takes: refused after the data.
        c.send("MAIL FROM:<taro@example.jp>\r\nRCPT TO:<h@example.jp>\r\nDATA\r\n");
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 354);
        const QByteArray line = QByteArray(998, 'z') + "\r\n";
        QByteArray big;
        while (big.size() < 2 * 1024 * 1024 + 1000)
            big += line;
        c.send(big + ".\r\n");
        QVERIFY(c.reply(30000).startsWith("552 5.3.4"));
        QVERIFY(m_target->queued.empty());
        // Within the limit: accepted.
        c.send("MAIL FROM:<taro@example.jp> SIZE=1000\r\nRCPT TO:<h@example.jp>\r\nDATA\r\n"
               "small\r\n.\r\n");
        for (int expected : {250, 250, 354, 250})
            QCOMPARE(c.code(), expected);
        QCOMPARE(m_target->queued.size(), size_t(1));
    }

    void eightBitMailForAServerWithout8BitMimeIsRefusedAtSubmission()
    {
        startServer();
        m_target->serverRefuses8Bit = true; // learned by the account's last cycle
        Client c(m_server->port());
        signIn(c);
        const QByteArray envelope =
            "MAIL FROM:<taro@example.jp> BODY=8BITMIME\r\nRCPT TO:<hanako@example.jp>\r\nDATA\r\n";
        c.send(envelope);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 354);
        c.send("Subject: raw\r\n\r\n\xe6\x97\xa5\xe6\x9c\xac\r\n.\r\n");
        const QByteArray refusal = c.reply();
        QVERIFY2(refusal.startsWith("554 5.6.3 "), refusal.constData());
        QVERIFY(refusal.contains("8BITMIME"));
        QVERIFY(m_target->queued.empty());
        // 7-bit mail (the same text encoded) goes through.
        c.send(envelope);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 354);
        c.send("Subject: encoded\r\nContent-Transfer-Encoding: base64\r\n\r\n5pel5pys\r\n.\r\n");
        QCOMPARE(c.code(), 250);
        QCOMPARE(m_target->queued.size(), size_t(1));
    }

    void theTargetsRefusalReachesTheClient()
    {
        startServer();
        m_target->refusal = "452 4.3.1 The disk is full: Outpost cannot keep the message";
        Client c(m_server->port());
        signIn(c);
        c.send("MAIL FROM:<taro@example.jp>\r\nRCPT TO:<hanako@example.jp>\r\nDATA\r\nx\r\n.\r\n");
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 354);
        QCOMPARE(c.reply(), m_target->refusal);
        // The transaction is over: a new one may start.
        c.send("MAIL FROM:<taro@example.jp>\r\n");
        QCOMPARE(c.code(), 250);
    }

    void aClientThatLeavesDuringDataLeavesNothing()
    {
        startServer();
        {
            Client c(m_server->port());
            signIn(c);
            openData(c);
            c.send("Subject: half\r\n\r\nhalf a message");
            QTRY_VERIFY(m_server->clientCount() == 1);
            c.socket().abort();
        }
        QTRY_COMPARE(m_server->clientCount(), 0);
        QVERIFY(m_target->queued.empty());
    }

    void idleAndSlowClientsAreTimedOut()
    {
        RelayLimits limits;
        limits.commandTimeoutMs = 200;
        limits.dataIdleTimeoutMs = 200;
        startServer(limits);
        // Says nothing at all.
        Client idle(m_server->port());
        QCOMPARE(idle.code(), 220);
        QVERIFY(idle.reply().startsWith("421 4.4.2"));
        QVERIFY(idle.closedByServer());
        // Sends a command a little at a time, never finishing it.
        Client slow(m_server->port());
        QCOMPARE(slow.code(), 220);
        QElapsedTimer timer;
        timer.start();
        while (slow.socket().state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
            slow.send("N");
            QTest::qWait(20);
        }
        QVERIFY(slow.reply().startsWith("421 4.4.2"));
        // Stops in the middle of the data.
        Client stalled(m_server->port());
        signIn(stalled);
        stalled.send("MAIL FROM:<taro@example.jp>\r\nRCPT TO:<h@example.jp>\r\nDATA\r\nSub");
        QCOMPARE(stalled.code(), 250);
        QCOMPARE(stalled.code(), 250);
        QCOMPARE(stalled.code(), 354);
        QVERIFY(stalled.reply().startsWith("421 4.4.2"));
        QVERIFY(stalled.closedByServer());
        QVERIFY(m_target->queued.empty());
    }

    void aClientSendingOctetByOctetIsServed()
    {
        startServer();
        Client c(m_server->port());
        QCOMPARE(c.code(), 220);
        const QByteArray script = "EHLO c\r\n" + plainAuth +
                                  "\r\nMAIL FROM:<taro@example.jp>\r\nRCPT TO:<h@example.jp>\r\n"
                                  "DATA\r\nA: b\r\n\r\n..x\r\n.\r\nQUIT\r\n";
        for (const char octet : script) {
            c.send(QByteArray(1, octet));
            c.socket().flush();
            QTest::qWait(0);
        }
        for (int expected : {250, 235, 250, 250, 354, 250, 221})
            QCOMPARE(c.code(), expected);
        QCOMPARE(m_target->queued.size(), size_t(1));
        QCOMPARE(m_target->queued.front().data, QByteArray("A: b\r\n\r\n.x\r\n"));
    }

    void fiftyClientsAtOnce()
    {
        startServer();
        const int count = 50;
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < count; ++i)
            clients.push_back(std::make_unique<Client>(m_server->port()));
        // All connected before any finishes: each writes its whole session pipelined.
        for (int i = 0; i < count; ++i)
            clients[i]->send("EHLO c" + QByteArray::number(i) + "\r\n" + plainAuth +
                             "\r\nMAIL FROM:<taro@example.jp>\r\nRCPT TO:<h@example.jp>\r\n"
                             "DATA\r\nSubject: " +
                             QByteArray::number(i) + "\r\n\r\nbody\r\n.\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_server->clientCount(), count, 10000);
        for (int i = 0; i < count; ++i)
            for (int expected : {220, 250, 235, 250, 250, 354, 250})
                QCOMPARE(clients[i]->code(), expected);
        QCOMPARE(m_target->queued.size(), size_t(count));
        QSet<QByteArray> subjects;
        for (const auto &s : m_target->queued)
            subjects.insert(s.data);
        QCOMPARE(subjects.size(), count);
    }

    void tooManyClientsAreToldToComeBack()
    {
        startServer();
        m_server->setMaxClients(2);
        Client a(m_server->port());
        Client b(m_server->port());
        QCOMPARE(a.code(), 220);
        QCOMPARE(b.code(), 220);
        Client c(m_server->port());
        QVERIFY(c.reply().startsWith("421 4.7.0"));
        QVERIFY(c.closedByServer());
    }

    static QSslConfiguration serverTls()
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(TestTls::selfSigned());
        tls.setPrivateKey(TestTls::selfSignedKey());
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        return tls;
    }

    void startTlsEncryptsAndTheClientStartsAfresh()
    {
        if (const QString why = TestTls::serverUnavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        startServer({}, serverTls());
        Client c(m_server->port());
        signIn(c); // from this computer, signing in needs no TLS
        c.send("EHLO client.example\r\n");
        QVERIFY(c.reply().contains("STARTTLS"));
        c.send("STARTTLS\r\n");
        QCOMPARE(c.code(), 220);
        QVERIFY(c.startTls(TestTls::selfSigned()));
        // RFC 3207 4.2: nothing from before counts; EHLO and sign-in again.
        c.send("MAIL FROM:<taro@example.jp>\r\n");
        QCOMPARE(c.code(), 503);
        c.send("EHLO client.example\r\n");
        const QByteArray ehlo = c.reply();
        QVERIFY(!ehlo.contains("STARTTLS"));
        QVERIFY(ehlo.contains("AUTH PLAIN LOGIN"));
        c.send("STARTTLS\r\n");
        QCOMPARE(c.code(), 503);
        c.send("MAIL FROM:<taro@example.jp>\r\n");
        QCOMPARE(c.code(), 530);
        c.send(plainAuth + "\r\nMAIL FROM:<taro@example.jp>\r\nRCPT TO:<hanako@example.jp>\r\n"
                           "DATA\r\n");
        QCOMPARE(c.code(), 235);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 354);
        c.send("Subject: over TLS\r\n\r\nHello.\r\n.\r\n");
        QCOMPARE(c.code(), 250);
        QCOMPARE(m_target->queued.size(), size_t(1));
        QCOMPARE(m_target->queued[0].data, QByteArray("Subject: over TLS\r\n\r\nHello.\r\n"));
    }

    void aClientFromAnotherComputerMustUseTlsAndSignIn()
    {
        if (const QString why = TestTls::serverUnavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        RelayLimits open;
        open.requireAuth = false; // "without the password from this computer": not for others
        startServer(open, serverTls(), false);
        Client c(m_server->port());
        QCOMPARE(c.code(), 220);
        c.send("EHLO laptop.example\r\n");
        const QByteArray ehlo = c.reply();
        QVERIFY(ehlo.contains("STARTTLS"));
        QVERIFY2(!ehlo.contains("AUTH"), "no password is asked for in the clear");
        c.send(plainAuth + "\r\n");
        QCOMPARE(c.code(), 530);
        c.send("MAIL FROM:<taro@example.jp>\r\n");
        QCOMPARE(c.code(), 530);
        QVERIFY(m_target->queued.empty());
        c.send("STARTTLS\r\n");
        QCOMPARE(c.code(), 220);
        QVERIFY(c.startTls(TestTls::selfSigned()));
        c.send("EHLO laptop.example\r\n");
        QVERIFY(c.reply().contains("AUTH PLAIN LOGIN"));
        c.send("MAIL FROM:<taro@example.jp>\r\n");
        QCOMPARE(c.code(), 530); // the sender's address is not enough from elsewhere
        c.send(plainAuth + "\r\nMAIL FROM:<taro@example.jp>\r\n");
        QCOMPARE(c.code(), 235);
        QCOMPARE(c.code(), 250);
    }

    void commandsSentInTheClearAfterStartTlsAreDropped()
    {
        if (const QString why = TestTls::serverUnavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        startServer({}, serverTls());
        Client c(m_server->port());
        QCOMPARE(c.code(), 220);
        // A man in the middle appends commands to STARTTLS (CVE-2011-0411).
        c.send("EHLO client.example\r\nSTARTTLS\r\n" + plainAuth +
               "\r\nMAIL FROM:<taro@example.jp>\r\n");
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 220);
        QVERIFY(c.startTls(TestTls::selfSigned()));
        c.send("NOOP\r\n");
        QCOMPARE(c.reply(), QByteArray("250 2.0.0 Ok")); // the first reply over TLS is to NOOP
        c.send("EHLO client.example\r\nMAIL FROM:<taro@example.jp>\r\n");
        QCOMPARE(c.code(), 250);
        QCOMPARE(c.code(), 530); // the injected sign-in did not count
    }

    void aBrokenHandshakeEndsTheSession()
    {
        if (const QString why = TestTls::serverUnavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        RelayLimits quick;
        quick.commandTimeoutMs = 300;
        startServer(quick, serverTls());
        Client garbage(m_server->port());
        QCOMPARE(garbage.code(), 220);
        garbage.send("STARTTLS\r\n");
        QCOMPARE(garbage.code(), 220);
        garbage.send("this is not a TLS ClientHello\r\n");
        QVERIFY(garbage.closedByServer());
        Client silent(m_server->port()); // never starts the handshake: timed out
        QCOMPARE(silent.code(), 220);
        silent.send("STARTTLS\r\n");
        QCOMPARE(silent.code(), 220);
        QVERIFY(silent.closedByServer());
        QTRY_COMPARE(m_server->clientCount(), 0);
    }

    void aPortInUseIsExplained()
    {
        startServer();
        FakeTarget other;
        RelayServer second(&other);
        QString error;
        QVERIFY(!second.listen(m_server->port(), {QHostAddress(QHostAddress::LocalHost)}, &error));
        QVERIFY2(error.contains(QString::number(m_server->port())), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("another program")));
    }

    void theTranscriptMasksCredentials()
    {
        startServer();
        QStringList lines;
        connect(m_server.get(), &RelayServer::transcript, this,
                [&](const QString &line) { lines << line; });
        Client c(m_server->port());
        signIn(c);
        c.send("AUTH LOGIN\r\n");
        QCOMPARE(c.code(), 503);
        const QString all = lines.join(QLatin1Char('\n'));
        QVERIFY(all.contains(QStringLiteral("AUTH PLAIN")));
        QVERIFY(!all.contains(QStringLiteral("relay-secret")));
        QVERIFY(!all.contains(QString::fromLatin1(plainAuth.mid(11))));
    }
};

QTEST_GUILESS_MAIN(TestRelayServer)
#include "tst_relayserver.moc"
