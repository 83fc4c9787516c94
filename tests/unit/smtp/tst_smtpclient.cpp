// Scripted SMTP conversations: every line the client sends is checked, every line of each
// script must be used, and nothing may be sent before the reply the client has to wait for.
#include "ProtocolHarness.h"
#include "smtp/SmtpClient.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

using namespace Outpost;

namespace {

QByteArrayList ehloLines(const QByteArrayList &capabilities)
{
    QByteArrayList script{"C: EHLO [127.0.0.1]"};
    if (capabilities.isEmpty())
        return script << "S: 250 fake.example";
    script << "S: 250-fake.example";
    for (qsizetype i = 0; i < capabilities.size(); ++i)
        script << (i + 1 < capabilities.size() ? "S: 250-" : "S: 250 ") + capabilities[i];
    return script;
}

QByteArrayList greetingAndEhlo(const QByteArrayList &capabilities = {"SIZE 1000000", "8BITMIME"})
{
    return QByteArrayList{"S: 220 fake.example ESMTP"} + ehloLines(capabilities);
}

QByteArrayList bye()
{
    return {"C: QUIT", "S: 221 2.0.0 Bye", "X"};
}

/// One SMTP client (on the fake transport, or on a scripted server), with spies on
/// everything it reports.
struct Harness : ProtocolHarness<SmtpClient, SmtpSettings>
{
    Harness() { init(); }
    explicit Harness(const QByteArrayList &script)
        : ProtocolHarness(script)
    {
        init();
    }

    void init()
    {
        QObject::connect(&client, &SmtpClient::sessionFinished,
                         [this](const NetError &error) { recordError("sessionFinished", error); });
        QObject::connect(&client, &SmtpClient::messageFinished, [this](const SmtpResult &result) {
            recordError("messageFinished", result.error);
        });
        QObject::connect(&client, &SmtpClient::relayProbeFinished,
                         [this](const SmtpProbeResult &result) {
                             recordError("relayProbeFinished", result.error);
                         });
    }

    int send(const QByteArray &from, const QByteArrayList &to, const QByteArray &body)
    {
        auto *buffer = new QBuffer(&client);
        buffer->setData(body);
        buffer->open(QIODevice::ReadOnly);
        SmtpMessage message;
        message.sender = from;
        message.recipients = to;
        message.body = buffer;
        return client.send(message);
    }

    NetError sessionError() const { return session.at(0).at(0).value<NetError>(); }
    SmtpResult result(int i) const { return finished.at(i).at(0).value<SmtpResult>(); }

    QSignalSpy ready{&client, &SmtpClient::ready};
    QSignalSpy dataSent{&client, &SmtpClient::messageDataSent};
    QSignalSpy finished{&client, &SmtpClient::messageFinished};
    QSignalSpy probes{&client, &SmtpClient::relayProbeFinished};
    QSignalSpy session{&client, &SmtpClient::sessionFinished};
};

} // namespace

class TestSmtpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resultFolds();
    void oneMessageWithoutPipelining();
    void pipelinedMessages();
    void chunkedMessagesNeverWait();
    void chunkedRefusalDoesNotSpill();
    void chunkedSenderRefused();
    void ehloFallsBackToHelo();
    void greetingRefused_data();
    void greetingRefused();
    void startTlsNotOfferedSendsNoCredentials();
    void startTlsThenEhloAgain();
    void startTlsInjectionRefused();
    void authLoginMasked();
    void authCramMd5();
    void plainPasswordNotSentUnencrypted_data();
    void plainPasswordNotSentUnencrypted();
    void authOfferedOnlyAfterStartTls_data();
    void authOfferedOnlyAfterStartTls();
    void authRefused();
    void someRecipientsRefused();
    void relayDeniedThenRset();
    void pipelinedRelayDenied();
    void sizeRefusedBeforeUpload();
    void dataRefused();
    void serverClosing421();
    void quitReplyInPlaceOfTheDataReply();
    void disconnectAfterData();
    void inactivityTimeout();
    void relayProbe();
    void garbageReply();
    // Deterministic transport behaviour, on the fake transport.
    void ehloReplySplitAcrossReads();
    void crlfSplitBetweenReads();
    void partialReplyThenDisconnect();
    void pipelinedGroupInOddChunks_data();
    void pipelinedGroupInOddChunks();
    void disconnectMidMultiLineReply();
    void twoRepliesInOneRead();
    void startTlsGoAheadAndInjectionInOneRead();
};

void TestSmtpClient::initTestCase()
{
    qRegisterMetaType<NetError>();
    qRegisterMetaType<SmtpResult>();
    qRegisterMetaType<SmtpProbeResult>();
}

void TestSmtpClient::resultFolds()
{
    SmtpResult result;
    QVERIFY(!result.anyRecipientAccepted());
    QVERIFY(!result.firstRecipientError().isError());
    QVERIFY(!result.envelopeError().isError());

    SmtpRecipientResult taken;
    taken.address = "a@example.jp";
    taken.accepted = true;
    SmtpRecipientResult first;
    first.address = "b@example.jp";
    first.error = NetError::make(NetError::Permanent, QStringLiteral("b refused"));
    SmtpRecipientResult second;
    second.address = "c@example.jp";
    second.error = NetError::make(NetError::Transient, QStringLiteral("c refused"));
    result.recipients = {first, taken, second};
    QVERIFY(result.anyRecipientAccepted());
    QCOMPARE(result.firstRecipientError().message, QStringLiteral("b refused"));
    QCOMPARE(result.envelopeError().message, QStringLiteral("b refused"));

    // The sender's refusal comes before any recipient's.
    result.error = NetError::make(NetError::Permanent, QStringLiteral("sender refused"));
    QCOMPARE(result.envelopeError().message, QStringLiteral("sender refused"));
    result.recipients = {first, second};
    QVERIFY(!result.anyRecipientAccepted());
}

void TestSmtpClient::oneMessageWithoutPipelining()
{
    const QByteArray body("Subject: t\r\n\r\n.hidden\nline\r\n.\r\n");
    const QByteArrayList script =
        greetingAndEhlo() +
        QByteArrayList{"C: MAIL FROM:<a@example.com> SIZE=" + QByteArray::number(body.size()),
                       "S: 250 2.1.0 Ok",
                       "C: RCPT TO:<b@example.net>",
                       "S: 250 2.1.5 Ok",
                       "C: DATA",
                       "S: 354 go ahead",
                       "C: Subject: t",
                       "C: ",
                       "C: ..hidden",
                       "C: line",
                       "C: ..",
                       "C: .",
                       "S: 250 2.0.0 Ok: queued as 1"} +
        bye();
    Harness h;
    QSignalSpy progress(&h.client, &SmtpClient::messageProgress);
    h.open();
    const int id = h.send("a@example.com", {"b@example.net"}, body);
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY(progress.count() >= 1);
    QCOMPARE(progress.last().at(0).toInt(), id);
    QCOMPARE(progress.last().at(1).toLongLong(), body.size());
    QCOMPARE(progress.last().at(2).toLongLong(), body.size());
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.ready.count(), 1);
    QCOMPARE(h.dataSent.count(), 1);
    QCOMPARE(h.dataSent.at(0).at(0).toInt(), id);
    QCOMPARE(h.finished.count(), 1);
    const SmtpResult result = h.result(0);
    QCOMPARE(result.id, id);
    QVERIFY(result.sent);
    QVERIFY(result.dataWritten);
    QVERIFY(!result.error.isError());
    QCOMPARE(result.dataReply.code, 250);
    QCOMPARE(result.recipients.size(), 1);
    QVERIFY(result.recipients[0].accepted);
    QCOMPARE(h.session.count(), 1);
    QVERIFY(!h.sessionError().isError());
    QVERIFY(!h.client.capabilities().pipelining);
}

void TestSmtpClient::pipelinedMessages()
{
    const QByteArrayList script =
        greetingAndEhlo({"PIPELINING", "SIZE 1000000", "8BITMIME"}) +
        QByteArrayList{"C: MAIL FROM:<a@example.com> SIZE=6", "C: RCPT TO:<b@example.net>",
                       "C: RCPT TO:<c@example.net>", "C: DATA", "S: 250 2.1.0 Ok",
                       "S: 250 2.1.5 Ok", "S: 250 2.1.5 Ok", "S: 354 go ahead", "C: first", "C: .",
                       // RFC 2920: the next envelope follows the data at once.
                       "C: MAIL FROM:<a@example.com> SIZE=6 BODY=8BITMIME",
                       "C: RCPT TO:<d@example.net>", "C: DATA", "S: 250 2.0.0 queued 1",
                       "S: 250 2.1.0 Ok", "S: 250 2.1.5 Ok", "S: 354 go ahead", "C: secnd", "C: .",
                       "C: QUIT", "S: 250 2.0.0 queued 2", "S: 221 2.0.0 Bye", "X"};
    Harness h;
    h.open();
    h.send("a@example.com", {"b@example.net", "c@example.net"}, "first\n");
    auto *buffer = new QBuffer(&h.client);
    buffer->setData("secnd\n");
    buffer->open(QIODevice::ReadOnly);
    SmtpMessage second;
    second.sender = "a@example.com";
    second.recipients = {"d@example.net"};
    second.body = buffer;
    second.eightBit = true;
    h.client.send(second);
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.finished.count(), 2);
    QVERIFY(h.result(0).sent);
    QCOMPARE(h.result(0).dataReply.text(), QByteArray("2.0.0 queued 1"));
    QVERIFY(h.result(1).sent);
    QCOMPARE(h.result(1).dataReply.text(), QByteArray("2.0.0 queued 2"));
    QVERIFY(!h.sessionError().isError());
}

void TestSmtpClient::chunkedMessagesNeverWait()
{
    // RFC 3030 with RFC 2920: everything after EHLO goes without waiting; no dot-stuffing.
    const QByteArrayList script = greetingAndEhlo({"PIPELINING", "CHUNKING", "SIZE 1000"}) +
                                  QByteArrayList{"C: MAIL FROM:<a@example.com> SIZE=7",
                                                 "C: RCPT TO:<b@example.net>",
                                                 "C: BDAT 8 LAST",
                                                 "C: .first",
                                                 "C: RSET",
                                                 "C: MAIL FROM:<a@example.com> SIZE=6",
                                                 "C: RCPT TO:<c@example.net>",
                                                 "C: BDAT 8 LAST",
                                                 "C: second",
                                                 "C: QUIT",
                                                 "S: 250 2.1.0 Ok",
                                                 "S: 250 2.1.5 Ok",
                                                 "S: 250 2.0.0 queued 1",
                                                 "S: 250 2.0.0 Ok",
                                                 "S: 250 2.1.0 Ok",
                                                 "S: 250 2.1.5 Ok",
                                                 "S: 250 2.0.0 queued 2",
                                                 "S: 221 bye",
                                                 "X"};
    Harness h;
    h.open();
    h.send("a@example.com", {"b@example.net"}, ".first\n");
    h.send("a@example.com", {"c@example.net"}, "second");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(h.client.usesChunking());
    QCOMPARE(h.finished.count(), 2);
    QVERIFY(h.result(0).sent);
    QCOMPARE(h.result(0).dataReply.text(), QByteArray("2.0.0 queued 1"));
    QVERIFY(h.result(1).sent);
    QCOMPARE(h.dataSent.count(), 2);
    QVERIFY(!h.sessionError().isError());
}

void TestSmtpClient::quitReplyInPlaceOfTheDataReply()
{
    // QUIT follows the data in the same group; a server that skips the data's reply and
    // answers QUIT must not make the message look sent: it may have been, nobody knows.
    const QByteArrayList script =
        greetingAndEhlo({"PIPELINING", "CHUNKING"}) + QByteArrayList{"C: MAIL FROM:<a@example.com>",
                                                                     "C: RCPT TO:<b@example.net>",
                                                                     "C: BDAT 5 LAST",
                                                                     "C: one",
                                                                     "C: QUIT",
                                                                     "S: 250 Ok",
                                                                     "S: 250 Ok",
                                                                     "S: 221 bye",
                                                                     "X"};
    Harness h;
    h.expectError(NetError::Network);
    h.open();
    h.send("a@example.com", {"b@example.net"}, "one");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.finished.count(), 1);
    QVERIFY(!h.result(0).sent);
    QVERIFY(h.result(0).dataWritten);
    QCOMPARE(h.result(0).error.kind, NetError::Network);
    QCOMPARE(h.sessionError().kind, NetError::Network);
}

void TestSmtpClient::chunkedRefusalDoesNotSpill()
{
    const QByteArrayList script =
        greetingAndEhlo({"PIPELINING", "CHUNKING"}) +
        QByteArrayList{"C: MAIL FROM:<a@example.com>",
                       "C: RCPT TO:<b@example.net>",
                       "C: BDAT 5 LAST",
                       "C: one",
                       "C: RSET",
                       "C: MAIL FROM:<a@example.com>",
                       "C: RCPT TO:<c@example.net>",
                       "C: BDAT 5 LAST",
                       "C: two",
                       "C: QUIT",
                       "S: 250 Ok",
                       "S: 554 5.7.1 <b@example.net>: Relay access denied",
                       "S: 554 5.5.1 Error: no valid recipients",
                       "S: 250 Ok",
                       "S: 250 Ok",
                       "S: 250 Ok",
                       "S: 250 queued",
                       "S: 221 bye",
                       "X"};
    Harness h;
    h.expectError(NetError::RelayDenied);
    h.open();
    h.send("a@example.com", {"b@example.net"}, "one");
    h.send("a@example.com", {"c@example.net"}, "two");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.finished.count(), 2);
    QCOMPARE(h.result(0).error.kind, NetError::RelayDenied);
    QVERIFY(!h.result(0).sent);
    QVERIFY(h.result(1).sent);
    QVERIFY(!h.sessionError().isError());
}

void TestSmtpClient::chunkedSenderRefused()
{
    // nifty refuses at MAIL; the RCPT and BDAT replies that follow must not hide that.
    const QByteArrayList script =
        greetingAndEhlo({"PIPELINING", "CHUNKING"}) +
        QByteArrayList{"C: MAIL FROM:<a@example.com>",
                       "C: RCPT TO:<b@example.net>",
                       "C: BDAT 5 LAST",
                       "C: one",
                       "C: QUIT",
                       "S: 554 sorry, you must get POP/APOP authorization",
                       "S: 503 5.5.1 Error: need MAIL command",
                       "S: 503 5.5.1 Error: need MAIL command",
                       "S: 221 bye",
                       "X"};
    Harness h;
    h.expectError(NetError::RelayDenied);
    h.open();
    h.send("a@example.com", {"b@example.net"}, "one");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.result(0).error.kind, NetError::RelayDenied);
    QCOMPARE(h.result(0).error.replyCode, 554);
}

void TestSmtpClient::ehloFallsBackToHelo()
{
    const QByteArrayList script = {"S: 220 old.example",
                                   "C: EHLO [127.0.0.1]",
                                   "S: 502 5.5.2 unknown command",
                                   "C: HELO [127.0.0.1]",
                                   "S: 250 old.example",
                                   "C: MAIL FROM:<a@example.com>",
                                   "S: 250 ok",
                                   "C: RCPT TO:<b@example.net>",
                                   "S: 250 ok",
                                   "C: DATA",
                                   "S: 354 go",
                                   "C: x",
                                   "C: .",
                                   "S: 250 ok",
                                   "C: QUIT",
                                   "S: 221 bye",
                                   "X"};
    Harness h;
    h.open();
    h.send("a@example.com", {"b@example.net"}, "x");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.client.capabilities().extended);
    QVERIFY(h.result(0).sent);
}

void TestSmtpClient::greetingRefused_data()
{
    QTest::addColumn<QByteArray>("greeting");
    QTest::addColumn<int>("kind");
    QTest::newRow("554") << QByteArray("554 5.7.1 no service for you") << int(NetError::Permanent);
    QTest::newRow("421") << QByteArray("421 4.3.2 busy, try later") << int(NetError::Transient);
}

void TestSmtpClient::greetingRefused()
{
    QFETCH(QByteArray, greeting);
    QFETCH(int, kind);
    const QByteArrayList script = {"S: " + greeting};
    Harness h;
    h.expectError(NetError::Kind(kind));
    h.open();
    h.send("a@example.com", {"b@example.net"}, "x");
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(int(h.sessionError().kind), kind);
    QCOMPARE(h.sessionError().reply, greeting);
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(int(h.result(0).error.kind), kind);
    QVERIFY(!h.result(0).dataWritten);
    QCOMPARE(h.ready.count(), 0);
}

void TestSmtpClient::startTlsNotOfferedSendsNoCredentials()
{
    const QByteArrayList script = greetingAndEhlo({"AUTH PLAIN LOGIN", "SIZE 1000"});
    Harness h;
    h.settings.connection.security = Security::StartTls;
    h.settings.auth = SmtpAuth::Plain;
    h.settings.user = QStringLiteral("user");
    h.settings.password = QStringLiteral("s3cret");
    h.settings.allowPlainTextPassword = true; // even so: STARTTLS was asked for
    h.expectError(NetError::Tls);
    h.open();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.sessionError().kind, NetError::Tls);
    QVERIFY(!h.transcript.join('\n').contains(QLatin1String("C: AUTH")));
}

void TestSmtpClient::startTlsThenEhloAgain()
{
    OUTPOST_SKIP_WITHOUT_TLS_SERVER();
    const QByteArray token = QByteArray("\0user\0s3cret", 12).toBase64();
    Harness h(greetingAndEhlo({"STARTTLS", "SIZE 999", "AUTH LOGIN"}) +
              QByteArrayList{"C: STARTTLS", "S: 220 2.0.0 go ahead", "TLS"} +
              ehloLines({"AUTH PLAIN", "PIPELINING"}) +
              QByteArrayList{"C: AUTH PLAIN " + token, "S: 235 2.7.0 ok"} + bye());
    h.settings.connection.security = Security::StartTls;
    h.settings.connection.extraCaCertificates = {TestTls::ca()};
    h.settings.auth = SmtpAuth::Auto;
    h.settings.user = QStringLiteral("user");
    h.settings.password = QStringLiteral("s3cret");
    h.open();
    QVERIFY(h.ready.wait(5000));
    QVERIFY(h.client.isEncrypted());
    // The capabilities are those announced over TLS only.
    QVERIFY(!h.client.capabilities().startTls);
    QCOMPARE(h.client.capabilities().maxSize, 0);
    QVERIFY(h.client.capabilities().pipelining);
    QCOMPARE(h.client.authMechanism(), QByteArray("PLAIN"));
    h.client.quit();
    QVERIFY(h.session.wait(5000));
    QVERIFY2(h.allUsed(), h.report().constData());
    const QString transcript = h.transcript.join('\n');
    QVERIFY(transcript.contains(QLatin1String("C: AUTH PLAIN ****")));
    QVERIFY(!transcript.contains(QString::fromLatin1(token)));
    QVERIFY(!transcript.contains(QLatin1String("s3cret")));
}

void TestSmtpClient::startTlsInjectionRefused()
{
    // A line sent in plain text after the go-ahead would be read as if it came over TLS
    // (CVE-2011-0411): the client must refuse it rather than start TLS.
    Harness h(greetingAndEhlo({"STARTTLS"}) +
              QByteArrayList{"C: STARTTLS", "S: 220 2.0.0 go ahead", "S: 250-injected"});
    h.settings.connection.security = Security::StartTls;
    h.expectError(NetError::Protocol);
    h.open();
    QVERIFY(h.session.wait(5000));
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.sessionError().kind, NetError::Protocol);
}

void TestSmtpClient::authLoginMasked()
{
    const QByteArrayList script = greetingAndEhlo({"AUTH LOGIN"}) +
                                  QByteArrayList{"C: AUTH LOGIN", "S: 334 VXNlcm5hbWU6",
                                                 "C: dXNlcg==",   "S: 334 UGFzc3dvcmQ6",
                                                 "C: czNjcmV0",   "S: 235 2.7.0 ok"} +
                                  bye();
    Harness h;
    h.settings.auth = SmtpAuth::Login;
    h.settings.user = QStringLiteral("user");
    h.settings.password = QStringLiteral("s3cret");
    h.settings.allowPlainTextPassword = true;
    h.open();
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.sessionError().isError());
    const QString transcript = h.transcript.join('\n');
    QCOMPARE(transcript.count(QLatin1String("C: ****")), 2);
    QVERIFY(!transcript.contains(QLatin1String("czNjcmV0")));
}

void TestSmtpClient::authCramMd5()
{
    // RFC 2195 section 2's example exchange.
    const QByteArrayList script =
        greetingAndEhlo({"AUTH PLAIN CRAM-MD5"}) +
        QByteArrayList{"C: AUTH CRAM-MD5",
                       "S: 334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+",
                       "C: dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw", "S: 235 2.7.0 ok"} +
        bye();
    Harness h;
    h.settings.auth = SmtpAuth::Auto; // CRAM-MD5 is the strongest offered
    h.settings.user = QStringLiteral("tim");
    h.settings.password = QStringLiteral("tanstaaftanstaaf");
    h.open();
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.sessionError().isError());
    QCOMPARE(h.client.authMechanism(), QByteArray("CRAM-MD5"));
    QVERIFY(!h.transcript.join('\n').contains(QLatin1String("dGlt")));
}

void TestSmtpClient::plainPasswordNotSentUnencrypted_data()
{
    QTest::addColumn<int>("auth");
    QTest::addColumn<bool>("startTlsOffered");
    QTest::newRow("plain") << int(SmtpAuth::Plain) << false;
    QTest::newRow("login") << int(SmtpAuth::Login) << false;
    QTest::newRow("auto") << int(SmtpAuth::Auto) << false;
    QTest::newRow("plain, STARTTLS offered") << int(SmtpAuth::Plain) << true;
    QTest::newRow("login, STARTTLS offered") << int(SmtpAuth::Login) << true;
    QTest::newRow("auto, STARTTLS offered") << int(SmtpAuth::Auto) << true;
}

void TestSmtpClient::plainPasswordNotSentUnencrypted()
{
    QFETCH(int, auth);
    QFETCH(bool, startTlsOffered);
    const QByteArrayList script =
        greetingAndEhlo(startTlsOffered ? QByteArrayList{"STARTTLS", "AUTH PLAIN LOGIN"}
                                        : QByteArrayList{"AUTH PLAIN LOGIN"});
    Harness h;
    h.settings.auth = SmtpAuth(auth);
    h.settings.user = QStringLiteral("user");
    h.settings.password = QStringLiteral("s3cret");
    QVERIFY(!h.settings.allowPlainTextPassword); // the default
    h.expectError(NetError::InsecureLogin);
    h.open();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY(!h.fake->isOpen()); // the client ended the connection
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!ScriptedServer::holdsPassword(h.written(), "user", "s3cret"));
    QVERIFY(!h.written().contains("AUTH"));
    QCOMPARE(h.sessionError().kind, NetError::InsecureLogin);
    QCOMPARE(h.sessionError().message.contains(QLatin1String("server offers encryption")),
             startTlsOffered);
    QCOMPARE(h.ready.count(), 0);
}

void TestSmtpClient::authOfferedOnlyAfterStartTls_data()
{
    QTest::addColumn<int>("auth");
    QTest::addColumn<bool>("plainTextAllowed");
    QTest::newRow("auto") << int(SmtpAuth::Auto) << false;
    QTest::newRow("plain, allowed") << int(SmtpAuth::Plain) << true;
}

void TestSmtpClient::authOfferedOnlyAfterStartTls()
{
    // A submission port that lists AUTH only after STARTTLS: the advice is STARTTLS, not
    // "no authentication method", and nothing of the password goes out.
    QFETCH(int, auth);
    QFETCH(bool, plainTextAllowed);
    const QByteArrayList script = greetingAndEhlo({"STARTTLS", "PIPELINING"});
    Harness h;
    h.settings.auth = SmtpAuth(auth);
    h.settings.allowPlainTextPassword = plainTextAllowed;
    h.settings.user = QStringLiteral("user");
    h.settings.password = QStringLiteral("s3cret");
    h.expectError(NetError::InsecureLogin);
    h.open();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY(!h.fake->isOpen()); // the client ended the connection
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!ScriptedServer::holdsPassword(h.written(), "user", "s3cret"));
    QCOMPARE(h.sessionError().kind, NetError::InsecureLogin);
    QVERIFY(h.sessionError().message.contains(QLatin1String("server offers encryption")));
}

void TestSmtpClient::authRefused()
{
    const QByteArray token = QByteArray("\0user\0wrong", 11).toBase64();
    const QByteArrayList script =
        greetingAndEhlo({"AUTH PLAIN"}) +
        QByteArrayList{"C: AUTH PLAIN " + token, "S: 535 5.7.8 Error: authentication failed"};
    Harness h;
    h.settings.auth = SmtpAuth::Plain;
    h.settings.user = QStringLiteral("user");
    h.settings.password = QStringLiteral("wrong");
    h.settings.allowPlainTextPassword = true;
    h.expectError(NetError::Authentication);
    h.open();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.sessionError().kind, NetError::Authentication);
    QCOMPARE(h.sessionError().replyCode, 535);
    QCOMPARE(h.sessionError().enhancedCode, QByteArray("5.7.8"));
}

void TestSmtpClient::someRecipientsRefused()
{
    const QByteArrayList script = greetingAndEhlo({"PIPELINING"}) +
                                  QByteArrayList{"C: MAIL FROM:<a@example.com>",
                                                 "C: RCPT TO:<b@example.net>",
                                                 "C: RCPT TO:<nobody@example.net>",
                                                 "C: DATA",
                                                 "S: 250 ok",
                                                 "S: 250 ok",
                                                 "S: 550 5.1.1 <nobody@example.net>: user unknown",
                                                 "S: 354 go",
                                                 "C: x",
                                                 "C: .",
                                                 "C: QUIT",
                                                 "S: 250 ok",
                                                 "S: 221 bye",
                                                 "X"};
    Harness h;
    h.expectError(NetError::Permanent);
    h.open();
    h.send("a@example.com", {"b@example.net", "nobody@example.net"}, "x");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    const SmtpResult result = h.result(0);
    QVERIFY(result.sent);
    QVERIFY(result.recipients[0].accepted);
    QVERIFY(!result.recipients[1].accepted);
    QCOMPARE(result.recipients[1].reply.code, 550);
    QCOMPARE(result.recipients[1].error.kind, NetError::Permanent);
    QCOMPARE(result.error.kind, NetError::Permanent);
}

void TestSmtpClient::relayDeniedThenRset()
{
    const QByteArrayList script =
        greetingAndEhlo() +
        QByteArrayList{"C: MAIL FROM:<a@example.com> SIZE=1",
                       "S: 250 ok",
                       "C: RCPT TO:<b@example.net>",
                       "S: 554 5.7.1 <b@example.net>: Relay access denied",
                       "C: RSET",
                       "S: 250 ok"} +
        bye();
    Harness h;
    h.expectError(NetError::RelayDenied);
    h.open();
    h.send("a@example.com", {"b@example.net"}, "x");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    const SmtpResult result = h.result(0);
    QVERIFY(!result.sent);
    QVERIFY(!result.dataWritten);
    QCOMPARE(result.error.kind, NetError::RelayDenied);
    QCOMPARE(result.error.replyCode, 554);
    QCOMPARE(result.error.enhancedCode, QByteArray("5.7.1"));
    QCOMPARE(result.error.reply, QByteArray("554 5.7.1 <b@example.net>: Relay access denied"));
    QVERIFY(!result.error.message.isEmpty());
    QVERIFY(!h.sessionError().isError());
}

void TestSmtpClient::pipelinedRelayDenied()
{
    const QByteArrayList script =
        greetingAndEhlo({"PIPELINING"}) +
        QByteArrayList{"C: MAIL FROM:<a@example.com>",
                       "C: RCPT TO:<b@example.net>",
                       "C: DATA",
                       "S: 250 ok",
                       "S: 553 sorry, that domain isn't in my list of allowed rcpthosts "
                       "(#5.7.1)",
                       "S: 554 5.5.1 Error: no valid recipients",
                       "C: RSET",
                       "C: QUIT",
                       "S: 250 ok",
                       "S: 221 bye",
                       "X"};
    Harness h;
    h.expectError(NetError::RelayDenied);
    h.open();
    h.send("a@example.com", {"b@example.net"}, "x");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.result(0).error.kind, NetError::RelayDenied);
    QCOMPARE(h.result(0).error.replyCode, 553);
}

void TestSmtpClient::sizeRefusedBeforeUpload()
{
    const QByteArrayList script = greetingAndEhlo({"SIZE 10"}) +
                                  QByteArrayList{"C: MAIL FROM:<a@example.com> SIZE=5",
                                                 "S: 250 ok",
                                                 "C: RCPT TO:<b@example.net>",
                                                 "S: 250 ok",
                                                 "C: DATA",
                                                 "S: 354 go",
                                                 "C: small",
                                                 "C: .",
                                                 "S: 250 ok"} +
                                  bye();
    Harness h;
    h.expectError(NetError::Permanent);
    h.open();
    h.send("a@example.com", {"b@example.net"}, QByteArray(100, 'x'));
    h.send("a@example.com", {"b@example.net"}, QByteArray(11, 'y'));
    h.send("a@example.com", {"b@example.net"}, "small");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.finished.count(), 3);
    QCOMPARE(h.result(0).error.kind, NetError::Permanent);
    QVERIFY(h.result(0).error.message.contains(QLatin1String("100")));
    QCOMPARE(h.result(1).error.kind, NetError::Permanent);
    QVERIFY(h.result(2).sent);
    QCOMPARE(h.dataSent.count(), 1);
}

void TestSmtpClient::dataRefused()
{
    const QByteArrayList script = greetingAndEhlo({}) +
                                  QByteArrayList{"C: MAIL FROM:<a@example.com>",
                                                 "S: 250 ok",
                                                 "C: RCPT TO:<b@example.net>",
                                                 "S: 250 ok",
                                                 "C: DATA",
                                                 "S: 354 go",
                                                 "C: x",
                                                 "C: .",
                                                 "S: 554 5.7.1 Message rejected as spam"} +
                                  bye();
    Harness h;
    h.expectError(NetError::Permanent);
    h.open();
    h.send("a@example.com", {"b@example.net"}, "x");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.result(0).error.kind, NetError::Permanent);
    QVERIFY(h.result(0).dataWritten);
    QVERIFY(!h.result(0).sent);
}

void TestSmtpClient::serverClosing421()
{
    const QByteArrayList script =
        greetingAndEhlo({}) +
        QByteArrayList{"C: MAIL FROM:<a@example.com>", "S: 421 4.3.2 shutting down", "X"};
    Harness h;
    h.expectError(NetError::Transient);
    h.open();
    h.send("a@example.com", {"b@example.net"}, "x");
    h.send("a@example.com", {"c@example.net"}, "y");
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.session.count(), 1);
    QCOMPARE(h.sessionError().kind, NetError::Transient);
    QCOMPARE(h.finished.count(), 2);
    QCOMPARE(h.result(0).error.kind, NetError::Transient);
    QCOMPARE(h.result(1).error.kind, NetError::Transient);
}

void TestSmtpClient::disconnectAfterData()
{
    const QByteArrayList script =
        greetingAndEhlo({}) + QByteArrayList{"C: MAIL FROM:<a@example.com>",
                                             "S: 250 ok",
                                             "C: RCPT TO:<b@example.net>",
                                             "S: 250 ok",
                                             "C: DATA",
                                             "S: 354 go",
                                             "C: x",
                                             "C: .",
                                             "X"};
    Harness h;
    h.expectError(NetError::Network);
    h.open();
    h.send("a@example.com", {"b@example.net"}, "x");
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.session.count(), 1);
    QCOMPARE(h.sessionError().kind, NetError::Network);
    QCOMPARE(h.dataSent.count(), 1);
    QVERIFY(h.result(0).dataWritten); // may have been delivered: the outbox must know
    QVERIFY(!h.result(0).sent);
}

void TestSmtpClient::inactivityTimeout()
{
    Harness h({"S: 220 fake.example", "C: EHLO [127.0.0.1]"});
    h.settings.connection.commandTimeoutMs = 200;
    h.expectError(NetError::Timeout);
    h.open();
    QVERIFY(h.session.wait(5000));
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.sessionError().kind, NetError::Timeout);
}

void TestSmtpClient::relayProbe()
{
    const QByteArrayList script =
        greetingAndEhlo({"PIPELINING"}) +
        QByteArrayList{"C: MAIL FROM:<a@example.com>",
                       "C: RCPT TO:<postmaster@example.com>",
                       "C: RSET",
                       "S: 250 ok",
                       "S: 554 5.7.1 <postmaster@example.com>: Relay access denied",
                       "S: 250 ok"} +
        bye();
    Harness h;
    h.expectError(NetError::RelayDenied);
    h.open();
    const int id = h.client.probeRelay("a@example.com", "postmaster@example.com");
    h.client.quit();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.probes.count(), 1);
    const auto probe = h.probes.at(0).at(0).value<SmtpProbeResult>();
    QCOMPARE(probe.id, id);
    QVERIFY(!probe.relayAllowed);
    QCOMPARE(probe.error.kind, NetError::RelayDenied);
    QCOMPARE(probe.rcptReply.code, 554);
    QCOMPARE(h.finished.count(), 0);
}

void TestSmtpClient::garbageReply()
{
    const QByteArrayList script = {"S: 220 fake.example", "C: EHLO [127.0.0.1]", "S: hello there"};
    Harness h;
    h.expectError(NetError::Protocol);
    h.open();
    h.play(script);
    QCOMPARE(h.session.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.sessionError().kind, NetError::Protocol);
}

void TestSmtpClient::ehloReplySplitAcrossReads()
{
    // A multi-line reply cut inside its lines: nothing is sent before its last line, and the
    // capabilities are read whole.
    Harness h;
    h.open();
    h.client.quit();
    h.fake->serverSendsInPieces({"220 fake.ex", "ample ESMTP\r\n"});
    EXPECT_CLIENT(h, "EHLO [127.0.0.1]\r\n");
    h.fake->serverSendsInPieces(
        {"250-fake.example\r\n250-SI", "ZE 1000", "\r\n250-PIPELI", "NING\r\n250 8BIT"});
    QVERIFY(h.fake->pending().isEmpty());
    QCOMPARE(h.ready.count(), 0);
    h.fake->serverSends("MIME\r\n");
    QCOMPARE(h.ready.count(), 1);
    QCOMPARE(h.client.capabilities().maxSize, 1000);
    QVERIFY(h.client.capabilities().pipelining);
    QVERIFY(h.client.capabilities().eightBitMime);
    h.play(bye());
    QCOMPARE(h.session.count(), 1);
    QVERIFY(!h.sessionError().isError());
}

void TestSmtpClient::crlfSplitBetweenReads()
{
    // CR ending one read, LF starting the next: one line end, and no CR left in the reply.
    Harness h;
    h.open();
    h.client.quit();
    h.fake->serverSends("220 fake.example\r");
    QVERIFY(h.fake->pending().isEmpty());
    h.fake->serverSends("\n");
    EXPECT_CLIENT(h, "EHLO [127.0.0.1]\r\n");
    h.fake->serverSendsInPieces({"250-fake.example\r", "\n250 SIZE 2000\r", "\n"});
    QCOMPARE(h.ready.count(), 1);
    QCOMPARE(h.client.capabilities().maxSize, 2000); // "2000\r" would not parse
    EXPECT_CLIENT(h, "QUIT\r\n");
    h.fake->serverSendsInPieces({"221 bye\r", "\n"});
    h.fake->serverDisconnects();
    QCOMPARE(h.session.count(), 1);
    QVERIFY(!h.sessionError().isError());
    QVERIFY(!h.transcript.join('\n').contains(QLatin1Char('\r')));
}

void TestSmtpClient::partialReplyThenDisconnect()
{
    // The start of a reply is not a reply: the message was not accepted.
    Harness h;
    h.expectError(NetError::Network);
    h.open();
    h.send("a@example.com", {"b@example.net"}, "x");
    h.play(greetingAndEhlo({}) + QByteArrayList{"C: MAIL FROM:<a@example.com>", "S: 250 ok",
                                                "C: RCPT TO:<b@example.net>", "S: 250 ok",
                                                "C: DATA", "S: 354 go", "C: x", "C: ."});
    h.fake->serverSends("250 2.0.0 Ok: que");
    QCOMPARE(h.finished.count(), 0);
    h.fake->serverDisconnects();
    QCOMPARE(h.session.count(), 1);
    QCOMPARE(h.sessionError().kind, NetError::Network);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY(!h.result(0).sent);
    QVERIFY(h.result(0).dataWritten);
}

void TestSmtpClient::pipelinedGroupInOddChunks_data()
{
    QTest::addColumn<int>("piece");
    for (int piece : {1, 2, 3, 5, 7, 11, 64, 4096})
        QTest::addRow("%d bytes", piece) << piece;
}

void TestSmtpClient::pipelinedGroupInOddChunks()
{
    // RFC 2920: the replies to a group, one a multi-line one, arrive cut anywhere; each goes
    // to its own command, in order.
    QFETCH(int, piece);
    Harness h;
    h.open();
    h.send("a@example.com", {"b@example.net", "c@example.net"}, "first\n");
    h.client.quit();
    h.fake->serverSendsInPieces("220 fake.example ESMTP\r\n", piece);
    EXPECT_CLIENT(h, "EHLO [127.0.0.1]\r\n");
    h.fake->serverSendsInPieces("250-fake.example\r\n250-PIPELINING\r\n250 SIZE 1000\r\n", piece);
    EXPECT_CLIENT(h, "MAIL FROM:<a@example.com> SIZE=6\r\nRCPT TO:<b@example.net>\r\n"
                     "RCPT TO:<c@example.net>\r\nDATA\r\n");
    h.fake->serverSendsInPieces("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n"
                                "550-5.1.1 <c@example.net>: no such user\r\n550 5.1.1 sorry\r\n"
                                "354 go ahead\r\n",
                                piece);
    EXPECT_CLIENT(h, "first\r\n.\r\nQUIT\r\n");
    h.fake->serverSendsInPieces("250 2.0.0 queued 1\r\n221 2.0.0 Bye\r\n", piece);
    h.fake->serverDisconnects();
    h.expectError(NetError::Permanent); // c@example.net was refused
    QCOMPARE(h.session.count(), 1);
    QVERIFY(!h.sessionError().isError());
    QCOMPARE(h.finished.count(), 1);
    const SmtpResult result = h.result(0);
    QVERIFY(result.sent);
    QCOMPARE(result.dataReply.text(), QByteArray("2.0.0 queued 1"));
    QCOMPARE(result.recipients.size(), 2);
    QVERIFY(result.recipients[0].accepted);
    QVERIFY(!result.recipients[1].accepted);
    QCOMPARE(result.recipients[1].reply.code, 550);
    QCOMPARE(result.recipients[1].reply.lines.size(), 2);
}

void TestSmtpClient::disconnectMidMultiLineReply()
{
    // The EHLO reply lost after its first lines: no session, and nothing sent after EHLO.
    Harness h;
    h.expectError(NetError::Network);
    h.open();
    h.send("a@example.com", {"b@example.net"}, "x");
    h.fake->serverSends("220 fake.example ESMTP\r\n");
    EXPECT_CLIENT(h, "EHLO [127.0.0.1]\r\n");
    h.fake->serverSends("250-fake.example\r\n250-PIPELINING\r\n250-SI");
    h.fake->serverDisconnects();
    QCOMPARE(h.ready.count(), 0);
    QCOMPARE(h.session.count(), 1);
    QCOMPARE(h.sessionError().kind, NetError::Network);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY(!h.result(0).dataWritten);
    QCOMPARE(h.written(), QByteArray("EHLO [127.0.0.1]\r\n"));
}

void TestSmtpClient::twoRepliesInOneRead()
{
    // A server that answers MAIL and RCPT in one read: both replies are used, in order.
    Harness h;
    h.open();
    h.send("a@example.com", {"b@example.net"}, "x");
    h.client.quit();
    h.play(greetingAndEhlo({"PIPELINING"}) +
           QByteArrayList{"C: MAIL FROM:<a@example.com>", "C: RCPT TO:<b@example.net>", "C: DATA"});
    h.fake->serverSends("250 sender ok\r\n250 rcpt ok\r\n354 go\r\n");
    h.play({"C: x", "C: .", "C: QUIT"});
    h.fake->serverSends("250 queued\r\n221 bye\r\n");
    h.fake->serverDisconnects();
    QCOMPARE(h.session.count(), 1);
    QVERIFY(!h.sessionError().isError());
    QVERIFY(h.result(0).sent);
    QCOMPARE(h.result(0).recipients[0].reply.text(), QByteArray("rcpt ok"));
    QCOMPARE(h.result(0).dataReply.text(), QByteArray("queued"));
}

void TestSmtpClient::startTlsGoAheadAndInjectionInOneRead()
{
    // CVE-2011-0411 deterministically: the go-ahead and an injected reply in one read.
    Harness h;
    h.settings.connection.security = Security::StartTls;
    h.expectError(NetError::Protocol);
    h.open();
    h.play(greetingAndEhlo({"STARTTLS"}) + QByteArrayList{"C: STARTTLS"});
    h.fake->serverSends("220 2.0.0 go ahead\r\n250-injected\r\n");
    QCOMPARE(h.session.count(), 1);
    QCOMPARE(h.sessionError().kind, NetError::Protocol);
    QVERIFY(!h.fake->isEncrypted());
}

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
