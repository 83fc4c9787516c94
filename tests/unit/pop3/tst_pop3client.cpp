// Scripted POP3 conversations: logins, STLS, listing, streamed RETR, deletions at QUIT.
#include "ProtocolHarness.h"
#include "pop3/Pop3Client.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {

// RFC 1939 section 7's example: user mrose, secret tanstaaf.
const QByteArray rfcGreeting = "S: +OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>";
const QByteArray rfcApop = "C: APOP mrose c4c9334bac560ecc979e58001b3e22fb";

QByteArrayList capa(const QByteArrayList &capabilities)
{
    QByteArrayList script{"C: CAPA", "S: +OK capabilities follow"};
    for (const QByteArray &c : capabilities)
        script << "S: " + c;
    return script << "S: .";
}

QByteArrayList loginSequence(const QByteArrayList &capabilities = {"USER", "UIDL"})
{
    return QByteArrayList{rfcGreeting} + capa(capabilities) +
           QByteArrayList{rfcApop, "S: +OK mrose's maildrop has 2 messages"};
}

QByteArrayList quitSequence()
{
    return {"C: QUIT", "S: +OK bye", "X"};
}

/// One POP3 client (on the fake transport, or on a scripted server), with spies on
/// everything it reports.
struct Harness : ProtocolHarness<Pop3Client, Pop3Settings>
{
    Harness() { init(); }
    explicit Harness(const QByteArrayList &script)
        : ProtocolHarness(script)
    {
        init();
    }

    void init()
    {
        settings.user = QStringLiteral("mrose");
        settings.password = QStringLiteral("tanstaaf");
        QObject::connect(&client, &Pop3Client::finished, [this](const NetError &error) {
            order << "finished";
            recordError("finished", error);
        });
        QObject::connect(&client, &Pop3Client::requestFailed, [this](int, const NetError &error) {
            recordError("requestFailed", error);
        });
        QObject::connect(&client, &Pop3Client::deletionsCommitted,
                         [this] { order << "committed"; });
    }

    NetError error() const { return finished.at(0).at(0).value<NetError>(); }

    QSignalSpy loggedIn{&client, &Pop3Client::loggedIn};
    QSignalSpy stat{&client, &Pop3Client::statReceived};
    QSignalSpy uids{&client, &Pop3Client::uidsReceived};
    QSignalSpy sizes{&client, &Pop3Client::sizesReceived};
    QSignalSpy retrieved{&client, &Pop3Client::messageRetrieved};
    QSignalSpy marked{&client, &Pop3Client::markedForDeletion};
    QSignalSpy committed{&client, &Pop3Client::deletionsCommitted};
    QSignalSpy failedRequests{&client, &Pop3Client::requestFailed};
    QSignalSpy finished{&client, &Pop3Client::finished};
    QStringList order;
};

} // namespace

class TestPop3Client : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void apopLoginAndStat();
    void userPassPipelined();
    void userPassOneByOne();
    void saslPlain();
    void loginRefused_data();
    void loginRefused();
    void apopRequiredButNotOffered();
    void passwordNeverSentUnencrypted_data();
    void passwordNeverSentUnencrypted();
    void apopAllowedWithoutTls();
    void stlsNotOfferedSendsNoCredentials();
    void stlsThenCapaAgain();
    void stlsInjectionRefused();
    void downloadAndDelete();
    void deletionsNeedQuitOk();
    void serverWithoutUidl();
    void disconnectMidRetr();
    void retrieveError();
    void inactivityTimeout();
    // Deterministic transport behaviour, on the fake transport.
    void greetingSplitAcrossReads();
    void crlfSplitBetweenReads();
    void partialLineThenDisconnect();
    void pipelinedGroupInOddChunks_data();
    void pipelinedGroupInOddChunks();
    void disconnectMidMultiLineResponse();
    void disconnectMidRetrBlock();
    void twoResponsesInOneRead();
    void unsolicitedResponseInTheSameRead();
    void stlsGoAheadAndInjectionInOneRead();
    // Capabilities remembered from the last session (CapabilityCache).
    void knownCapabilitiesSkipCapa();
    void otherGreetingAsksAgain();
    void refusalAfterSkippingAsksAgain();
    void refusedLoginAfterSkippingIsReportedOnce();
    void knownCapabilitiesNeverAllowPlainText();
    void knownCapabilitiesNeverSkipStls();
    void cacheKeptInTheAccountFolder();
};

namespace {

const QByteArrayList pipelinedCapabilities{"USER", "PIPELINING", "UIDL"};

/// The cache key of the harness's server (the fake transport's settings).
QString keyOf(const Pop3Settings &settings)
{
    return CapabilityCache::key(QStringLiteral("pop3"), settings.connection.host,
                                settings.connection.port, settings.connection.security);
}

/// A cache that remembers the harness's server as greeting "+OK ready" with @p capabilities.
std::shared_ptr<CapabilityCache> knownServer(const Pop3Settings &settings,
                                             const QByteArrayList &capabilities)
{
    auto cache = std::make_shared<CapabilityCache>();
    cache->remember(keyOf(settings), {"+OK ready", capabilities});
    return cache;
}

} // namespace

void TestPop3Client::initTestCase()
{
    qRegisterMetaType<NetError>();
    qRegisterMetaType<QList<Pop3Uid>>();
}

void TestPop3Client::apopLoginAndStat()
{
    const QByteArrayList script =
        loginSequence() + QByteArrayList{"C: STAT", "S: +OK 2 320"} + quitSequence();
    Harness h;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    h.open();
    h.client.stat();
    h.client.quit();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.error().isError());
    QCOMPARE(h.loggedIn.count(), 1);
    const QDateTime when = h.loggedIn.at(0).at(0).toDateTime();
    QVERIFY(when >= before && when <= QDateTime::currentDateTimeUtc());
    QCOMPARE(h.client.loginTime(), when);
    QCOMPARE(h.client.loginMethod(), QByteArray("APOP"));
    QCOMPARE(h.stat.count(), 1);
    QCOMPARE(h.stat.at(0).at(0).toInt(), 2);
    QCOMPARE(h.stat.at(0).at(1).toLongLong(), 320);
    const QString transcript = h.transcript.join('\n');
    QVERIFY(transcript.contains(QLatin1String("C: APOP mrose ****")));
    QVERIFY(!transcript.contains(QLatin1String("c4c9334b")));
    QCOMPARE(h.finished.count(), 1);
}

void TestPop3Client::userPassPipelined()
{
    // RFC 2449 section 6.6: USER, PASS, STAT and QUIT in one group.
    const QByteArrayList script = {
        "S: +OK ready", "C: CAPA",          "S: +OK",           "S: USER",    "S: PIPELINING",
        "S: .",         "C: USER mrose",    "C: PASS tanstaaf", "C: STAT",    "C: QUIT",
        "S: +OK",       "S: +OK logged in", "S: +OK 0 0",       "S: +OK bye", "X"};
    Harness h;
    h.settings.allowPlainTextPassword = true; // chosen: the link has no TLS
    h.open();
    h.client.stat();
    h.client.quit();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.error().isError());
    QCOMPARE(h.loggedIn.count(), 1);
    QCOMPARE(h.stat.count(), 1);
    const QString transcript = h.transcript.join('\n');
    QVERIFY(transcript.contains(QLatin1String("C: PASS ****")));
    QVERIFY(!transcript.contains(QLatin1String("tanstaaf")));
}

void TestPop3Client::userPassOneByOne()
{
    const QByteArrayList script = {"S: +OK ready",     "C: CAPA",    "S: -ERR unknown command",
                                   "C: USER mrose",    "S: +OK",     "C: PASS tanstaaf",
                                   "S: +OK logged in", "C: STAT",    "S: +OK 0 0",
                                   "C: QUIT",          "S: +OK bye", "X"};
    Harness h;
    h.settings.allowPlainTextPassword = true; // chosen: the link has no TLS
    h.open();
    h.client.stat();
    h.client.quit();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.error().isError());
    QCOMPARE(h.client.loginMethod(), QByteArray("USER"));
}

void TestPop3Client::saslPlain()
{
    const QByteArray token = QByteArray("\0mrose\0tanstaaf", 15).toBase64();
    const QByteArrayList script = QByteArrayList{"S: +OK ready"} + capa({"SASL PLAIN", "USER"}) +
                                  QByteArrayList{"C: AUTH PLAIN " + token, "S: +OK welcome"} +
                                  quitSequence();
    Harness h;
    h.settings.allowPlainTextPassword = true; // chosen: the link has no TLS
    h.open();
    h.client.quit();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.loggedIn.count(), 1);
    QCOMPARE(h.client.loginMethod(), QByteArray("SASL PLAIN"));
    QVERIFY(h.transcript.join('\n').contains(QLatin1String("C: AUTH PLAIN ****")));
    QVERIFY(!h.transcript.join('\n').contains(QString::fromLatin1(token)));
}

void TestPop3Client::loginRefused_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("kind");
    QTest::newRow("wrong password")
        << QByteArray("-ERR [AUTH] invalid password") << int(NetError::Authentication);
    QTest::newRow("plain -ERR") << QByteArray("-ERR sorry") << int(NetError::Authentication);
    QTest::newRow("in use") << QByteArray("-ERR [IN-USE] mailbox locked")
                            << int(NetError::Transient);
    QTest::newRow("sys/temp") << QByteArray("-ERR [SYS/TEMP] try later")
                              << int(NetError::Transient);
}

void TestPop3Client::loginRefused()
{
    QFETCH(QByteArray, reply);
    QFETCH(int, kind);
    const QByteArrayList script =
        QByteArrayList{rfcGreeting} + capa({"USER"}) + QByteArrayList{rfcApop, "S: " + reply};
    Harness h;
    h.expectError(NetError::Kind(kind));
    h.open();
    h.client.stat();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(int(h.error().kind), kind);
    QCOMPARE(h.error().reply, reply);
    QCOMPARE(h.loggedIn.count(), 0);
    QCOMPARE(h.stat.count(), 0);
}

void TestPop3Client::apopRequiredButNotOffered()
{
    const QByteArrayList script = QByteArrayList{"S: +OK no timestamp here"} + capa({"USER"});
    Harness h;
    h.settings.login = PopLogin::Apop;
    h.expectError(NetError::Authentication);
    h.open();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.error().kind, NetError::Authentication);
}

void TestPop3Client::passwordNeverSentUnencrypted_data()
{
    // A "None" connection, plain text not allowed: whatever the server offers and whichever
    // login is chosen, no password form reaches the socket, and the error says what to do.
    QTest::addColumn<QByteArrayList>("capabilities");
    QTest::addColumn<int>("login");
    QTest::addColumn<bool>("stlsOffered");
    const QByteArrayList pipelined{"USER", "PIPELINING", "SASL PLAIN"};
    const QByteArrayList withStls{"USER", "STLS", "SASL PLAIN", "PIPELINING"};
    QTest::newRow("auto, USER") << QByteArrayList{"USER"} << int(PopLogin::Auto) << false;
    QTest::newRow("auto, SASL PLAIN") << pipelined << int(PopLogin::Auto) << false;
    QTest::newRow("auto, STLS offered") << withStls << int(PopLogin::Auto) << true;
    QTest::newRow("USER/PASS, pipelined") << pipelined << int(PopLogin::UserPass) << false;
    QTest::newRow("USER/PASS, STLS offered") << withStls << int(PopLogin::UserPass) << true;
    QTest::newRow("SASL PLAIN") << pipelined << int(PopLogin::SaslPlain) << false;
    QTest::newRow("SASL PLAIN, STLS offered") << withStls << int(PopLogin::SaslPlain) << true;
    QTest::newRow("no CAPA") << QByteArrayList{} << int(PopLogin::Auto) << false;
}

void TestPop3Client::passwordNeverSentUnencrypted()
{
    QFETCH(QByteArrayList, capabilities);
    QFETCH(int, login);
    QFETCH(bool, stlsOffered);
    // No timestamp in the greeting: APOP is impossible. The script ends after CAPA, so any
    // line the client sends after it fails the script too.
    QByteArrayList script{"S: +OK ready"};
    if (capabilities.isEmpty())
        script << "C: CAPA"
               << "S: -ERR unknown command";
    else
        script += capa(capabilities);
    Harness h;
    h.settings.login = PopLogin(login);
    QVERIFY(!h.settings.allowPlainTextPassword); // the default
    h.expectError(NetError::InsecureLogin);
    h.open();
    h.client.stat();
    h.client.quit();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY(!h.fake->isOpen()); // the client ended the connection
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!ScriptedServer::holdsPassword(h.written(), "mrose", "tanstaaf"));
    QVERIFY(!h.written().contains("USER"));
    QCOMPARE(h.error().kind, NetError::InsecureLogin);
    QCOMPARE(h.error().message.contains(QLatin1String("server offers encryption")), stlsOffered);
    QVERIFY(h.error().message.contains(QLatin1String("unencrypted")));
    QCOMPARE(h.loggedIn.count(), 0);
    QCOMPARE(h.stat.count(), 0);
    QCOMPARE(h.finished.count(), 1);
}

void TestPop3Client::apopAllowedWithoutTls()
{
    // APOP sends a digest, never the password: it logs in on a "None" connection without the
    // plain-text choice (docs/SECURITY.md), even when the server also offers STLS.
    const QByteArrayList script = QByteArrayList{rfcGreeting} + capa({"USER", "STLS"}) +
                                  QByteArrayList{rfcApop, "S: +OK maildrop ready"} + quitSequence();
    Harness h;
    h.open();
    h.client.quit();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.error().isError());
    QCOMPARE(h.client.loginMethod(), QByteArray("APOP"));
    QVERIFY(!ScriptedServer::holdsPassword(h.written(), "mrose", "tanstaaf"));
}

void TestPop3Client::stlsNotOfferedSendsNoCredentials()
{
    const QByteArrayList script = QByteArrayList{rfcGreeting} + capa({"USER", "UIDL"});
    Harness h;
    h.settings.connection.security = Security::StartTls;
    h.expectError(NetError::Tls);
    h.open();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.error().kind, NetError::Tls);
    QCOMPARE(h.loggedIn.count(), 0);
}

void TestPop3Client::stlsThenCapaAgain()
{
    OUTPOST_SKIP_WITHOUT_TLS_SERVER();
    Harness h(QByteArrayList{"S: +OK ready"} + capa({"STLS", "USER"}) +
              QByteArrayList{"C: STLS", "S: +OK begin TLS", "TLS"} + capa({"USER", "PIPELINING"}) +
              QByteArrayList{"C: USER mrose", "C: PASS tanstaaf", "C: QUIT", "S: +OK",
                             "S: +OK logged in", "S: +OK bye", "X"});
    h.settings.connection.security = Security::StartTls;
    h.settings.connection.extraCaCertificates = {TestTls::ca()};
    bool encryptedAtLogin = false;
    QObject::connect(&h.client, &Pop3Client::loggedIn,
                     [&] { encryptedAtLogin = h.client.isEncrypted(); });
    h.open();
    h.client.quit();
    QVERIFY(h.finished.wait(5000));
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.error().isError());
    QVERIFY(encryptedAtLogin);
    QVERIFY(!h.client.capabilities().contains("STLS")); // only the post-TLS list
}

void TestPop3Client::stlsInjectionRefused()
{
    Harness h(QByteArrayList{"S: +OK ready"} + capa({"STLS", "USER"}) +
              QByteArrayList{"C: STLS", "S: +OK begin TLS", "S: +OK injected"});
    h.settings.connection.security = Security::StartTls;
    h.expectError(NetError::Protocol);
    h.open();
    QVERIFY(h.finished.wait(5000));
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.error().kind, NetError::Protocol);
    QVERIFY(h.error().message.contains(QLatin1String("TLS"))); // refused as an injection
    QCOMPARE(h.loggedIn.count(), 0);
}

void TestPop3Client::downloadAndDelete()
{
    // With PIPELINING, UIDL and LIST follow the login without waiting.
    const QByteArrayList script = QByteArrayList{rfcGreeting} +
                                  capa({"USER", "UIDL", "PIPELINING"}) +
                                  QByteArrayList{rfcApop,
                                                 "C: UIDL",
                                                 "C: LIST",
                                                 "S: +OK maildrop has 2 messages",
                                                 "S: +OK",
                                                 "S: 1 whqtswO00WBw418f9t5JxYwZ",
                                                 "S: 2 QhdPYR:00WBw1Ph7x7",
                                                 "S: .",
                                                 "S: +OK 2 messages",
                                                 "S: 1 120",
                                                 "S: 2 200",
                                                 "S: ."};
    Harness h;
    h.open();
    h.client.listUids();
    h.client.listSizes();
    h.play(script);
    QCOMPARE(h.sizes.count(), 1);
    QCOMPARE(h.uids.count(), 1);
    const auto uids = h.uids.at(0).at(0).value<QList<Pop3Uid>>();
    QCOMPARE(uids.size(), 2);
    QCOMPARE(uids[1].number, 2);
    QCOMPARE(uids[1].uid, QByteArray("QhdPYR:00WBw1Ph7x7"));
    QVERIFY(h.uids.at(0).at(1).toBool());
    const auto sizes = h.sizes.at(0).at(0).value<QMap<int, qint64>>();
    QCOMPARE(sizes.value(2), 200);
    QVERIFY2(h.allUsed(), h.report().constData());
}

void TestPop3Client::deletionsNeedQuitOk()
{
    const QByteArrayList script = loginSequence() + QByteArrayList{"C: RETR 1",
                                                                   "S: +OK 40 octets",
                                                                   "S: Subject: hi",
                                                                   "S: ",
                                                                   "S: ..",
                                                                   "S: ...dots",
                                                                   "S: .",
                                                                   "C: DELE 1",
                                                                   "S: +OK message 1 deleted"} +
                                  quitSequence();
    Harness h;
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    h.open();
    h.client.retrieve(1, &sink);
    h.client.remove(1);
    h.client.quit();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.error().isError());
    QCOMPARE(sink.data(), QByteArray("Subject: hi\r\n\r\n.\r\n..dots\r\n"));
    QCOMPARE(h.retrieved.count(), 1);
    QCOMPARE(h.retrieved.at(0).at(1).toLongLong(), sink.data().size());
    QCOMPARE(h.marked.count(), 1);
    QCOMPARE(h.committed.count(), 1);
    QCOMPARE(h.committed.at(0).at(0).value<QList<int>>(), QList<int>{1});
    QCOMPARE(h.order, (QStringList{QStringLiteral("committed"), QStringLiteral("finished")}));
    // The message contents are summarised, not copied, in the transcript.
    QVERIFY(!h.transcript.join('\n').contains(QLatin1String("S: Subject: hi")));
}

void TestPop3Client::serverWithoutUidl()
{
    const QByteArrayList script = loginSequence({"USER"}) +
                                  QByteArrayList{"C: UIDL", "S: -ERR unknown command"} +
                                  quitSequence();
    Harness h;
    h.open();
    h.client.listUids();
    h.client.quit();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.uids.count(), 1);
    QVERIFY(h.uids.at(0).at(0).value<QList<Pop3Uid>>().isEmpty());
    QVERIFY(!h.uids.at(0).at(1).toBool());
    QVERIFY(!h.error().isError());
}

void TestPop3Client::disconnectMidRetr()
{
    const QByteArrayList script =
        loginSequence() + QByteArrayList{"C: DELE 2",        "S: +OK marked",  "C: RETR 1",
                                         "S: +OK 40 octets", "S: Subject: hi", "X"};
    Harness h;
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    h.expectError(NetError::Network);
    h.open();
    h.client.remove(2);
    h.client.retrieve(1, &sink);
    h.client.quit();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.error().kind, NetError::Network);
    QCOMPARE(h.retrieved.count(), 0);
    QCOMPARE(h.marked.count(), 1);
    QCOMPARE(h.committed.count(), 0); // no QUIT +OK: nothing was deleted
}

void TestPop3Client::retrieveError()
{
    const QByteArrayList script =
        loginSequence() + QByteArrayList{"C: RETR 9", "S: -ERR no such message"} + quitSequence();
    Harness h;
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    h.expectError(NetError::Permanent);
    h.open();
    h.client.retrieve(9, &sink);
    h.client.quit();
    h.play(script);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.failedRequests.count(), 1);
    QCOMPARE(h.failedRequests.at(0).at(0).toInt(), 9);
    QVERIFY(!h.error().isError());
}

void TestPop3Client::inactivityTimeout()
{
    Harness h({rfcGreeting, "C: CAPA"});
    h.settings.connection.commandTimeoutMs = 200;
    h.expectError(NetError::Timeout);
    h.open();
    QVERIFY(h.finished.wait(5000));
    QVERIFY2(h.allUsed(), h.report().constData());
    QCOMPARE(h.error().kind, NetError::Timeout);
}

void TestPop3Client::greetingSplitAcrossReads()
{
    // A line is complete only at its line end: no command before the whole greeting, and
    // the pieces join into one line (the APOP digest depends on every byte of the timestamp).
    Harness h;
    h.open();
    h.client.quit();
    h.fake->serverSends("+OK POP3 server ready <1896.6971");
    QVERIFY(h.fake->pending().isEmpty());
    h.fake->serverSends("70952@dbc.mtview.ca.us>\r\n");
    EXPECT_CLIENT(h, "CAPA\r\n");
    h.fake->serverSendsInPieces({"+OK capabilities follow\r\nUS", "ER\r\nUI", "DL\r\n.", "\r\n"});
    EXPECT_CLIENT(h, "APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n");
    QCOMPARE(h.client.capabilities(), (QByteArrayList{"USER", "UIDL"}));
    h.fake->serverSends("+OK maildrop ready\r\n");
    EXPECT_CLIENT(h, "QUIT\r\n");
    h.fake->serverSends("+OK bye\r\n");
    QVERIFY(h.fake->closeRequested());
    h.fake->serverDisconnects();
    QCOMPARE(h.finished.count(), 1);
    QVERIFY(!h.error().isError());
    QCOMPARE(h.loggedIn.count(), 1);
}

void TestPop3Client::crlfSplitBetweenReads()
{
    // CR at the end of one read, LF at the start of the next: one line end, no stray CR in
    // the line, no empty line (an empty line would end nothing, a "\r" in "." would hide the
    // end of the CAPA list).
    Harness h;
    h.open();
    h.fake->serverSends("+OK ready\r");
    QVERIFY(h.fake->pending().isEmpty());
    h.fake->serverSends("\n");
    EXPECT_CLIENT(h, "CAPA\r\n");
    h.fake->serverSendsInPieces({"+OK\r", "\nPIPELINING\r", "\nUSER\r", "\n.\r", "\n"});
    QCOMPARE(h.client.capabilities(), (QByteArrayList{"PIPELINING", "USER"}));
    // No timestamp and no plain-text choice: the login is refused before anything is sent.
    QCOMPARE(h.finished.count(), 1);
    h.expectError(NetError::InsecureLogin);
    QCOMPARE(h.error().kind, NetError::InsecureLogin);
    QVERIFY(!h.transcript.join('\n').contains(QLatin1Char('\r')));
}

void TestPop3Client::partialLineThenDisconnect()
{
    // The start of a response is not a response: a disconnect drops it.
    Harness h;
    h.expectError(NetError::Network);
    h.open();
    h.client.stat();
    h.play(loginSequence());
    EXPECT_CLIENT(h, "STAT\r\n");
    h.fake->serverSends("+OK 2 3");
    h.fake->serverSends("20");
    QCOMPARE(h.stat.count(), 0);
    h.fake->serverDisconnects();
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Network);
    QCOMPARE(h.stat.count(), 0);
}

void TestPop3Client::pipelinedGroupInOddChunks_data()
{
    QTest::addColumn<int>("piece");
    for (int piece : {1, 2, 3, 5, 7, 11, 64, 4096})
        QTest::addRow("%d bytes", piece) << piece;
}

void TestPop3Client::pipelinedGroupInOddChunks()
{
    // RFC 2449 section 6.6: the whole group's responses, single- and multi-line, arrive cut
    // anywhere; each goes to its own command, in order.
    QFETCH(int, piece);
    Harness h;
    h.settings.allowPlainTextPassword = true; // chosen: the link has no TLS
    h.open();
    h.client.stat();
    h.client.listUids();
    h.client.listSizes();
    h.client.remove(2);
    h.client.quit();
    h.fake->serverSends("+OK ready\r\n");
    EXPECT_CLIENT(h, "CAPA\r\n");
    h.fake->serverSendsInPieces("+OK\r\nUSER\r\nUIDL\r\nPIPELINING\r\n.\r\n", piece);
    EXPECT_CLIENT(h, "USER mrose\r\nPASS tanstaaf\r\nSTAT\r\nUIDL\r\nLIST\r\nDELE 2\r\nQUIT\r\n");
    h.fake->serverSendsInPieces("+OK\r\n+OK logged in\r\n+OK 2 320\r\n"
                                "+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n"
                                "+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n"
                                "+OK message 2 deleted\r\n+OK bye\r\n",
                                piece);
    QVERIFY(h.fake->closeRequested());
    h.fake->serverDisconnects();
    QCOMPARE(h.finished.count(), 1);
    QVERIFY(!h.error().isError());
    QCOMPARE(h.loggedIn.count(), 1);
    QCOMPARE(h.stat.count(), 1);
    QCOMPARE(h.stat.at(0).at(0).toInt(), 2);
    QCOMPARE(h.stat.at(0).at(1).toLongLong(), 320);
    QCOMPARE(h.uids.count(), 1);
    const auto uids = h.uids.at(0).at(0).value<QList<Pop3Uid>>();
    QCOMPARE(uids, (QList<Pop3Uid>{{1, "whqtswO00WBw418f9t5JxYwZ"}, {2, "QhdPYR:00WBw1Ph7x7"}}));
    QCOMPARE(h.sizes.count(), 1);
    using Sizes = QMap<int, qint64>;
    QCOMPARE(h.sizes.at(0).at(0).value<Sizes>(), (Sizes{{1, 120}, {2, 200}}));
    QCOMPARE(h.committed.count(), 1);
    QCOMPARE(h.committed.at(0).at(0).value<QList<int>>(), QList<int>{2});
    QCOMPARE(h.order, (QStringList{QStringLiteral("committed"), QStringLiteral("finished")}));
}

void TestPop3Client::disconnectMidMultiLineResponse()
{
    // A listing without its terminator is no listing.
    Harness h;
    h.expectError(NetError::Network);
    h.open();
    h.client.listUids();
    h.client.quit();
    h.play(loginSequence());
    EXPECT_CLIENT(h, "UIDL\r\n");
    h.fake->serverSends("+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR");
    h.fake->serverDisconnects();
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Network);
    QCOMPARE(h.uids.count(), 0);
    QCOMPARE(h.committed.count(), 0);
}

void TestPop3Client::disconnectMidRetrBlock()
{
    // RETR data is read in blocks; a block that ends the connection before ".\r\n" does not
    // make a message, and the message is not committed for deletion.
    Harness h;
    h.expectError(NetError::Network);
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    h.open();
    h.client.retrieve(1, &sink);
    h.client.remove(1);
    h.client.quit();
    h.play(loginSequence());
    EXPECT_CLIENT(h, "RETR 1\r\n");
    h.fake->serverSendsInPieces({"+OK 40 octets\r\nSubject: hi\r", "\n\r\n.", ".\r\nbody\r\n."});
    QCOMPARE(h.retrieved.count(), 0);
    QVERIFY(h.fake->pending().isEmpty()); // DELE waits for the end of the message
    h.fake->serverDisconnects();
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Network);
    QCOMPARE(h.retrieved.count(), 0);
    QCOMPARE(h.committed.count(), 0);
}

void TestPop3Client::twoResponsesInOneRead()
{
    // The end of a message and the next response in one read: the block reader stops at the
    // terminator and the rest is read as lines again.
    Harness h;
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    h.open();
    h.client.retrieve(1, &sink);
    h.client.quit();
    h.play(QByteArrayList{rfcGreeting} + capa({"USER", "PIPELINING"}) +
           QByteArrayList{rfcApop, "C: RETR 1", "C: QUIT"});
    h.fake->serverSends("+OK maildrop ready\r\n+OK\r\nSubject: hi\r\n\r\n..x\r\n.\r\n"
                        "+OK bye\r\n");
    h.fake->serverDisconnects();
    QCOMPARE(h.finished.count(), 1);
    QVERIFY(!h.error().isError());
    QCOMPARE(h.retrieved.count(), 1);
    QCOMPARE(sink.data(), QByteArray("Subject: hi\r\n\r\n.x\r\n"));
}

void TestPop3Client::unsolicitedResponseInTheSameRead()
{
    // A second response in the read that answers STAT, when nothing else was asked: a
    // protocol error, not the answer to whatever comes next.
    Harness h;
    h.expectError(NetError::Protocol);
    h.open();
    h.client.stat();
    h.play(loginSequence());
    EXPECT_CLIENT(h, "STAT\r\n");
    h.fake->serverSends("+OK 2 320\r\n+OK 0 0\r\n");
    QCOMPARE(h.stat.count(), 1);
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Protocol);
    QCOMPARE(h.error().reply, QByteArray("+OK 0 0"));
}

void TestPop3Client::stlsGoAheadAndInjectionInOneRead()
{
    // CVE-2011-0411 deterministically: the go-ahead and an injected response in one read.
    Harness h;
    h.settings.connection.security = Security::StartTls;
    h.expectError(NetError::Protocol);
    h.open();
    h.play(QByteArrayList{"S: +OK ready"} + capa({"STLS", "USER"}) + QByteArrayList{"C: STLS"});
    h.fake->serverSends("+OK begin TLS\r\n+OK injected\r\n");
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Protocol);
    QVERIFY(h.error().message.contains(QLatin1String("TLS")));
    QVERIFY(!h.fake->isEncrypted());
    QCOMPARE(h.loggedIn.count(), 0);
}

void TestPop3Client::knownCapabilitiesSkipCapa()
{
    auto cache = std::make_shared<CapabilityCache>();
    {
        // The first session asks and remembers.
        Harness h;
        h.settings.allowPlainTextPassword = true; // chosen: the link has no TLS
        h.settings.capabilityCache = cache;
        h.open();
        h.client.stat();
        h.client.quit();
        h.play(QByteArrayList{"S: +OK ready"} + capa(pipelinedCapabilities) +
               QByteArrayList{"C: USER mrose", "C: PASS tanstaaf", "C: STAT", "C: QUIT", "S: +OK",
                              "S: +OK logged in", "S: +OK 0 0", "S: +OK bye", "X"});
        QCOMPARE(h.finished.count(), 1);
        QVERIFY(!h.error().isError());
        QCOMPARE(cache->find(keyOf(h.settings)).capabilities, pipelinedCapabilities);
    }
    // The second: the same greeting, so the login group goes at once (no CAPA).
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.settings.capabilityCache = cache;
    h.open();
    h.client.stat();
    h.client.quit();
    h.play({"S: +OK ready", "C: USER mrose", "C: PASS tanstaaf", "C: STAT", "C: QUIT", "S: +OK",
            "S: +OK logged in", "S: +OK 0 0", "S: +OK bye", "X"});
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.error().isError());
    QCOMPARE(h.loggedIn.count(), 1);
    QCOMPARE(h.stat.count(), 1);
    QVERIFY(!h.written().contains("CAPA"));
    QCOMPARE(h.fake->opens(), 1);
}

void TestPop3Client::otherGreetingAsksAgain()
{
    // The APOP timestamp changes every session and does not count; other words do.
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.settings.capabilityCache = knownServer(h.settings, pipelinedCapabilities);
    h.open();
    h.client.quit();
    h.play(QByteArrayList{"S: +OK new server software ready"} + capa({"USER"}) +
           QByteArrayList{"C: USER mrose", "S: +OK", "C: PASS tanstaaf", "S: +OK logged in",
                          "C: QUIT", "S: +OK bye", "X"});
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.error().isError());
    const KnownServer now = h.settings.capabilityCache->find(keyOf(h.settings));
    QCOMPARE(now.greeting, QByteArray("+OK new server software ready"));
    QCOMPARE(now.capabilities, QByteArrayList{"USER"});

    // With a timestamp: the same server whatever the timestamp.
    Harness apop;
    apop.settings.capabilityCache = std::make_shared<CapabilityCache>();
    apop.settings.capabilityCache->remember(keyOf(apop.settings),
                                            {"+OK POP3 server ready <>", {"USER"}});
    apop.open();
    apop.client.quit();
    apop.play(QByteArrayList{rfcGreeting, rfcApop, "S: +OK maildrop ready"} + quitSequence());
    QCOMPARE(apop.finished.count(), 1);
    QVERIFY2(apop.allUsed(), apop.report().constData());
    QVERIFY(!apop.error().isError());
}

void TestPop3Client::refusalAfterSkippingAsksAgain()
{
    // The server no longer pipelines, or no longer knows USER: its refusal after a skipped
    // CAPA is a sign. The client forgets, connects again, asks, and logs in as told.
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.settings.capabilityCache = knownServer(h.settings, pipelinedCapabilities);
    h.open();
    h.client.stat();
    h.client.quit();
    h.play({"S: +OK ready", "C: USER mrose", "C: PASS tanstaaf", "C: STAT", "C: QUIT",
            "S: -ERR unknown command"});
    QCOMPARE(h.finished.count(), 0);
    QVERIFY(h.settings.capabilityCache->find(keyOf(h.settings)).isNull());
    QTRY_COMPARE(h.fake->opens(), 2);
    h.fake->acceptConnection();
    h.play(QByteArrayList{"S: +OK ready"} + capa({"SASL PLAIN"}) +
           QByteArrayList{"C: AUTH PLAIN " + QByteArray("\0mrose\0tanstaaf", 15).toBase64(),
                          "S: +OK welcome", "C: STAT", "S: +OK 3 300", "C: QUIT", "S: +OK bye",
                          "X"});
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.error().isError());
    QCOMPARE(h.loggedIn.count(), 1);
    QCOMPARE(h.stat.count(), 1); // the STAT of the first connection went again, once
    QCOMPARE(h.settings.capabilityCache->find(keyOf(h.settings)).capabilities,
             QByteArrayList{"SASL PLAIN"});
}

void TestPop3Client::refusedLoginAfterSkippingIsReportedOnce()
{
    // -ERR [AUTH] (RFC 3206) is the server's verdict on the credentials: reported at once, no
    // second try with the same password; the next session asks CAPA all the same.
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.settings.capabilityCache = knownServer(h.settings, pipelinedCapabilities);
    h.expectError(NetError::Authentication);
    h.open();
    h.client.quit();
    h.play({"S: +OK ready", "C: USER mrose", "C: PASS tanstaaf", "C: QUIT", "S: +OK",
            "S: -ERR [AUTH] Authentication failed."});
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Authentication);
    QCOMPARE(h.loggedIn.count(), 0);
    QVERIFY(h.settings.capabilityCache->find(keyOf(h.settings)).isNull());
    QCoreApplication::processEvents();
    QCOMPARE(h.fake->opens(), 1); // the password went once
    QCOMPARE(h.finished.count(), 1);
}

void TestPop3Client::knownCapabilitiesNeverAllowPlainText()
{
    // Whatever was remembered (STLS, SASL PLAIN, PIPELINING), a connection without TLS and
    // without the user's choice sends no password, no STLS and no CAPA, and does not try again.
    const QByteArrayList everything{"USER", "STLS", "SASL PLAIN", "PIPELINING"};
    for (const PopLogin login : {PopLogin::Auto, PopLogin::UserPass, PopLogin::SaslPlain}) {
        Harness h;
        h.settings.login = login;
        h.settings.capabilityCache = knownServer(h.settings, everything);
        h.expectError(NetError::InsecureLogin);
        h.open();
        h.client.stat();
        h.client.quit();
        h.play({"S: +OK ready"});
        QCOMPARE(h.finished.count(), 1);
        QCOMPARE(h.error().kind, NetError::InsecureLogin);
        QVERIFY2(h.written().isEmpty(), h.written().constData());
        QVERIFY(!ScriptedServer::holdsPassword(h.written(), "mrose", "tanstaaf"));
        QCoreApplication::processEvents();
        QCOMPARE(h.fake->opens(), 1);
    }
}

void TestPop3Client::knownCapabilitiesNeverSkipStls()
{
    // STARTTLS comes from the settings: STLS goes first even though the list remembered (the
    // one after TLS) does not name it, and nothing else goes before the handshake. After it,
    // the remembered list stands for the second CAPA.
    Harness h;
    h.settings.connection.security = Security::StartTls;
    h.settings.capabilityCache = knownServer(h.settings, pipelinedCapabilities);
    h.open();
    h.client.stat();
    h.client.quit();
    h.play({"S: +OK ready", "C: STLS"});
    QVERIFY2(h.fake->pending().isEmpty(), h.fake->pending().constData());
    h.play({"S: +OK begin TLS"});
    QVERIFY(h.fake->pending().isEmpty()); // nothing before the handshake
    h.fake->completeTls();
    h.play({"C: USER mrose", "C: PASS tanstaaf", "C: STAT", "C: QUIT", "S: +OK", "S: +OK logged in",
            "S: +OK 0 0", "S: +OK bye", "X"});
    QCOMPARE(h.finished.count(), 1);
    QVERIFY2(h.allUsed(), h.report().constData());
    QVERIFY(!h.error().isError());

    // STLS refused although remembered as working: asked again, and without STLS offered
    // the session ends before any credentials.
    Harness refused;
    refused.settings.connection.security = Security::StartTls;
    refused.settings.capabilityCache = knownServer(refused.settings, pipelinedCapabilities);
    refused.expectError(NetError::Tls);
    refused.open();
    refused.client.quit();
    refused.play({"S: +OK ready", "C: STLS", "S: -ERR not now"});
    QTRY_COMPARE(refused.fake->opens(), 2);
    refused.fake->acceptConnection();
    refused.play(QByteArrayList{"S: +OK ready"} + capa({"USER", "PIPELINING"}));
    QCOMPARE(refused.finished.count(), 1);
    QCOMPARE(refused.error().kind, NetError::Tls);
    QVERIFY(!refused.written().contains("USER"));
    QVERIFY(!ScriptedServer::holdsPassword(refused.written(), "mrose", "tanstaaf"));
}

void TestPop3Client::cacheKeptInTheAccountFolder()
{
    // Kept beside the account's other state, read again by the next program; no password.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = CapabilityCache::fileIn(dir.path());
    const QString key = CapabilityCache::key(QStringLiteral("pop3"), QStringLiteral("Mail.Example"),
                                             110, Security::StartTls);
    {
        CapabilityCache cache(file);
        cache.remember(key, {"+OK ready", {"USER", "PIPELINING"}});
    }
    QVERIFY(QFile::exists(file));
    CapabilityCache again(file);
    QCOMPARE(again
                 .find(CapabilityCache::key(QStringLiteral("pop3"), QStringLiteral("mail.example"),
                                            110, Security::StartTls))
                 .capabilities,
             (QByteArrayList{"USER", "PIPELINING"}));
    QVERIFY(again
                .find(CapabilityCache::key(QStringLiteral("pop3"), QStringLiteral("mail.example"),
                                           110, Security::None))
                .isNull()); // before TLS is another list
    again.forget(key);
    QVERIFY(CapabilityCache(file).find(key).isNull());
}

QTEST_GUILESS_MAIN(TestPop3Client)
#include "tst_pop3client.moc"
