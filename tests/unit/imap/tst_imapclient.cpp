// Scripted IMAP conversations: logins (SASL-IR, LOGIN, literals), STARTTLS and what it
// refuses, authenticate-only in one round trip, EXAMINE and streamed UID FETCH, and the
// server's surprises (BYE, EXISTS during a command, expunged messages).
#include "ProtocolHarness.h"
#include "imap/ImapClient.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

using namespace Outpost;

namespace {

const QByteArray plainToken = QByteArray("\0mrose\0tanstaaf", 15).toBase64();

/// One IMAP client on the fake transport, with spies on everything it reports.
struct Harness : ProtocolHarness<ImapClient, ImapSettings>
{
    Harness()
    {
        settings.user = QStringLiteral("mrose");
        settings.password = QStringLiteral("tanstaaf");
        QObject::connect(&client, &ImapClient::finished,
                         [this](const NetError &error) { recordError("finished", error); });
        QObject::connect(&client, &ImapClient::fetchFailed,
                         [this](quint64, const NetError &e) { recordError("fetchFailed", e); });
        QObject::connect(&client, &ImapClient::mailboxFailed,
                         [this](const NetError &e) { recordError("mailboxFailed", e); });
    }

    NetError error() const { return finished.at(0).at(0).value<NetError>(); }
    /// The client wrote exactly @p lines (each with CRLF) since the last check.
    bool wrote(const QByteArrayList &lines)
    {
        QByteArray bytes;
        for (const QByteArray &l : lines)
            bytes += l + "\r\n";
        return fake->expectClient(bytes);
    }
    void server(const QByteArrayList &lines)
    {
        QByteArray bytes;
        for (const QByteArray &l : lines)
            bytes += l + "\r\n";
        fake->serverSends(bytes);
    }

    QSignalSpy loggedIn{&client, &ImapClient::loggedIn};
    QSignalSpy opened{&client, &ImapClient::mailboxOpened};
    QSignalSpy listed{&client, &ImapClient::messagesListed};
    QSignalSpy fetched{&client, &ImapClient::messageFetched};
    QSignalSpy fetchFailed{&client, &ImapClient::fetchFailed};
    QSignalSpy mailboxFailed{&client, &ImapClient::mailboxFailed};
    QSignalSpy alerts{&client, &ImapClient::alert};
    QSignalSpy finished{&client, &ImapClient::finished};
};

#define WROTE(h, ...) QVERIFY2((h).wrote(__VA_ARGS__), (h).fake->report().constData())

/// A sink that remembers the largest single write (to prove a message is never whole in
/// memory) and can refuse writes (a full disk).
class RecordingSink : public QIODevice
{
public:
    RecordingSink() { open(QIODevice::WriteOnly); }
    QByteArray data;
    qint64 largestWrite = 0;
    bool full = false;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *bytes, qint64 size) override
    {
        if (full)
            return -1;
        largestWrite = qMax(largestWrite, size);
        data.append(bytes, size);
        return size;
    }
};

} // namespace

class TestImapClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void authenticateOnlyInOneRoundTrip();
    void capabilityWhenTheGreetingHasNone();
    void loginQuotesAndEscapes();
    void loginWithSynchronisingLiterals();
    void loginWithNonSynchronisingLiterals();
    void authenticatePlainWithoutSaslIr();
    void loginRefused_data();
    void loginRefused();
    void passwordNeverSentUnencrypted_data();
    void passwordNeverSentUnencrypted();
    void loginDisabled();
    void startTlsThenCapabilityAgain();
    void startTlsNotOfferedSendsNoCredentials();
    void startTlsRefused();
    void preauthRefusedWhenStartTlsIsRequired();
    void preauthAcceptedOverImplicitTls();
    void byeInsteadOfGreeting();
    void examineListAndFetch();
    void fetchStreamsInChunks();
    void untaggedExistsDuringFetch();
    void byeDuringFetch();
    void expungedMessage();
    void diskFullDuringFetch();
    void unrequestedLargeLiteralRefused();
    void alertIsReported();
    void tagThatWasNeverSent();
    void noPipeliningWaitsForEachAnswer();
};

void TestImapClient::initTestCase()
{
    qRegisterMetaType<NetError>();
    qRegisterMetaType<ImapMailboxStatus>();
    qRegisterMetaType<QList<ImapMessageInfo>>();
}

void TestImapClient::authenticateOnlyInOneRoundTrip()
{
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.open();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] Dovecot ready."});
    // The login and LOGOUT leave together: one round trip after the greeting.
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 LOGOUT"});
    h.server({"a1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in", "* BYE Logging out",
              "a2 OK Logout completed."});
    h.fake->serverDisconnects();
    QCOMPARE(h.loggedIn.count(), 1);
    QCOMPARE(h.finished.count(), 1);
    QVERIFY(!h.error().isError());
    QCOMPARE(h.client.loginMethod(), QByteArray("AUTHENTICATE PLAIN"));
    const QString transcript = h.transcript.join('\n');
    QVERIFY(transcript.contains(QLatin1String("C: a1 AUTHENTICATE PLAIN ****")));
    QVERIFY(!transcript.contains(QString::fromLatin1(plainToken)));
    QVERIFY(!transcript.contains(QLatin1String("tanstaaf")));
}

void TestImapClient::capabilityWhenTheGreetingHasNone()
{
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.open();
    h.client.logout();
    h.server({"* OK IMAP4rev1 server ready"});
    WROTE(h, {"a1 CAPABILITY"});
    h.server({"* CAPABILITY IMAP4rev1", "a1 OK done"});
    WROTE(h, {"a2 LOGIN \"mrose\" \"tanstaaf\"", "a3 LOGOUT"});
    h.server({"a2 OK LOGIN completed", "* BYE", "a3 OK bye"});
    h.fake->serverDisconnects();
    QCOMPARE(h.loggedIn.count(), 1);
    QVERIFY(!h.error().isError());
    QCOMPARE(h.client.loginMethod(), QByteArray("LOGIN"));
    QVERIFY(h.transcript.join('\n').contains(QLatin1String("C: a2 LOGIN \"mrose\" ****")));
}

void TestImapClient::loginQuotesAndEscapes()
{
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.settings.password = QStringLiteral("a\"b\\c d");
    h.open();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1] ready"});
    WROTE(h, {"a1 LOGIN \"mrose\" \"a\\\"b\\\\c d\"", "a2 LOGOUT"});
    h.server({"a1 OK", "a2 OK"});
    h.fake->serverDisconnects();
    QVERIFY(!h.error().isError());
}

void TestImapClient::loginWithSynchronisingLiterals()
{
    // A password beyond 7-bit ASCII goes as a literal; each waits for the server's "+".
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.settings.user = QStringLiteral("山田");
    h.settings.password = QStringLiteral("パス");
    const QByteArray user = QStringLiteral("山田").toUtf8();
    const QByteArray password = QStringLiteral("パス").toUtf8();
    h.open();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1] ready"});
    WROTE(h, {"a1 LOGIN {6}"});
    h.server({"+ Ready for literal data"});
    WROTE(h, {user + " {6}"});
    h.server({"+ Ready for literal data"});
    // The rest of the command, then the LOGOUT that waited behind it.
    WROTE(h, {password, "a2 LOGOUT"});
    h.server({"a1 OK Logged in", "a2 OK"});
    h.fake->serverDisconnects();
    QCOMPARE(h.loggedIn.count(), 1);
    QVERIFY(!h.error().isError());
    const QString transcript = h.transcript.join('\n');
    QVERIFY(!transcript.contains(QStringLiteral("パス")));
}

void TestImapClient::loginWithNonSynchronisingLiterals()
{
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.settings.password = QStringLiteral("パス");
    const QByteArray password = QStringLiteral("パス").toUtf8();
    h.open();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 LITERAL+] ready"});
    WROTE(h, {"a1 LOGIN \"mrose\" {6+}", password, "a2 LOGOUT"});
    h.server({"a1 OK", "a2 OK"});
    h.fake->serverDisconnects();
    QVERIFY(!h.error().isError());
    QVERIFY(!h.transcript.join('\n').contains(QStringLiteral("パス")));
}

void TestImapClient::authenticatePlainWithoutSaslIr()
{
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.open();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN"});
    h.server({"+ "});
    WROTE(h, {plainToken, "a2 LOGOUT"});
    h.server({"a1 OK", "a2 OK"});
    h.fake->serverDisconnects();
    QVERIFY(!h.error().isError());
    QVERIFY(!h.transcript.join('\n').contains(QString::fromLatin1(plainToken)));
}

void TestImapClient::loginRefused_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("kind");
    QTest::newRow("wrong password")
        << QByteArray("a1 NO [AUTHENTICATIONFAILED] Authentication failed.")
        << int(NetError::Authentication);
    QTest::newRow("plain NO") << QByteArray("a1 NO sorry") << int(NetError::Authentication);
    QTest::newRow("unavailable") << QByteArray("a1 NO [UNAVAILABLE] try later")
                                 << int(NetError::Transient);
    QTest::newRow("BAD") << QByteArray("a1 BAD what") << int(NetError::Authentication);
}

void TestImapClient::loginRefused()
{
    QFETCH(QByteArray, reply);
    QFETCH(int, kind);
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.expectError(NetError::Kind(kind));
    h.open();
    h.client.examine();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 EXAMINE \"INBOX\""});
    h.server({reply});
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(int(h.error().kind), kind);
    QVERIFY(h.error().reply.contains(reply.mid(3)));
    QCOMPARE(h.loggedIn.count(), 0);
    QCOMPARE(h.opened.count(), 0);
}

void TestImapClient::passwordNeverSentUnencrypted_data()
{
    QTest::addColumn<QByteArray>("greeting");
    QTest::addColumn<bool>("startTlsOffered");
    QTest::newRow("nothing offered") << QByteArray("* OK [CAPABILITY IMAP4rev1] hi") << false;
    QTest::newRow("plain offered")
        << QByteArray("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] hi") << false;
    QTest::newRow("STARTTLS offered")
        << QByteArray("* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] hi") << true;
}

void TestImapClient::passwordNeverSentUnencrypted()
{
    QFETCH(QByteArray, greeting);
    QFETCH(bool, startTlsOffered);
    Harness h; // security None, plain text not allowed
    h.expectError(NetError::InsecureLogin);
    h.open();
    h.client.logout();
    h.server({greeting});
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::InsecureLogin);
    QCOMPARE(h.error().message.contains(QLatin1String("STARTTLS")), startTlsOffered);
    QVERIFY(!h.fake->written().contains("tanstaaf"));
    QVERIFY(!h.fake->written().contains(plainToken));
    QVERIFY(!h.fake->written().contains("LOGIN"));
    QVERIFY(!h.fake->written().contains("AUTHENTICATE"));
}

void TestImapClient::loginDisabled()
{
    Harness h;
    h.settings.allowPlainTextPassword = true;
    h.expectError(NetError::Authentication);
    h.open();
    h.server({"* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] hi"});
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Authentication);
    QVERIFY(h.error().message.contains(QLatin1String("LOGINDISABLED")));
    QVERIFY(h.fake->written().isEmpty());
}

void TestImapClient::startTlsThenCapabilityAgain()
{
    Harness h;
    h.settings.connection.security = Security::StartTls;
    h.open();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready"});
    WROTE(h, {"a1 STARTTLS"});
    h.server({"a1 OK Begin TLS negotiation now."});
    h.fake->completeTls();
    // What the server said before TLS is forgotten (RFC 3501 section 6.2.1).
    WROTE(h, {"a2 CAPABILITY"});
    h.server({"* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR", "a2 OK"});
    WROTE(h, {"a3 AUTHENTICATE PLAIN " + plainToken, "a4 LOGOUT"});
    h.server({"a3 OK", "a4 OK"});
    h.fake->serverDisconnects();
    QVERIFY(!h.error().isError());
    QVERIFY(h.client.isEncrypted());
    QVERIFY(!h.client.capabilities().contains("STARTTLS"));
}

void TestImapClient::startTlsNotOfferedSendsNoCredentials()
{
    // What a proxy that strips STARTTLS makes of the conversation: it fails closed.
    Harness h;
    h.settings.connection.security = Security::StartTls;
    h.settings.allowPlainTextPassword = true; // even then
    h.expectError(NetError::Tls);
    h.open();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready"});
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Tls);
    QVERIFY(h.fake->written().isEmpty());
}

void TestImapClient::startTlsRefused()
{
    Harness h;
    h.settings.connection.security = Security::StartTls;
    h.expectError(NetError::Tls);
    h.open();
    h.server({"* OK [CAPABILITY IMAP4rev1 STARTTLS] ready"});
    WROTE(h, {"a1 STARTTLS"});
    h.server({"a1 BAD not now"});
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Tls);
    QVERIFY(!h.fake->written().contains("LOGIN"));
}

void TestImapClient::preauthRefusedWhenStartTlsIsRequired()
{
    Harness h;
    h.settings.connection.security = Security::StartTls;
    h.expectError(NetError::Tls);
    h.open();
    h.client.examine();
    h.server({"* PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] logged in as mrose"});
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Tls);
    QVERIFY(h.error().message.contains(QLatin1String("PREAUTH")));
    QCOMPARE(h.loggedIn.count(), 0);
    QVERIFY(h.fake->written().isEmpty());
}

void TestImapClient::preauthAcceptedOverImplicitTls()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    h.open();
    h.client.logout();
    h.server({"* PREAUTH [CAPABILITY IMAP4rev1] hello"});
    WROTE(h, {"a1 LOGOUT"});
    h.server({"a1 OK"});
    h.fake->serverDisconnects();
    QCOMPARE(h.loggedIn.count(), 1);
    QCOMPARE(h.client.loginMethod(), QByteArray("PREAUTH"));
    QVERIFY(!h.error().isError());
}

void TestImapClient::byeInsteadOfGreeting()
{
    Harness h;
    h.expectError(NetError::Transient);
    h.open();
    h.server({"* BYE Too many connections from your IP"});
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Transient);
    QVERIFY(h.error().message.contains(QLatin1String("Too many connections")));
}

void TestImapClient::examineListAndFetch()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    const QByteArray one = "From: a@example.jp\r\nSubject: one\r\n\r\nfirst\r\n";
    const QByteArray two = "From: b@example.jp\r\nSubject: two\r\n\r\n* 3 EXISTS\r\na9 OK\r\n";
    RecordingSink sink1, sink2;
    QList<ImapMessageInfo> listing;
    QObject::connect(&h.client, &ImapClient::messagesListed, [&](const QList<ImapMessageInfo> &l) {
        listing = l;
        for (const ImapMessageInfo &m : l)
            h.client.fetchMessage(m.uid, m.uid == 41 ? &sink1 : &sink2);
        h.client.logout();
    });
    h.open();
    h.client.examine();
    h.client.listMessages(41, true);
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 EXAMINE \"INBOX\"",
              "a3 UID FETCH 41:* (UID RFC822.SIZE "
              "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)])"});
    const QByteArray id = "Message-ID: <1@x>\r\n\r\n";
    h.server(
        {"a1 OK Logged in", "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", "* 3 EXISTS",
         "* 0 RECENT", "* OK [UIDVALIDITY 1700000000] UIDs valid",
         "* OK [UIDNEXT 43] Predicted next UID", "a2 OK [READ-ONLY] Examine completed",
         // 40 is below 41: "41:*" names the last message too when nothing is newer.
         "* 1 FETCH (UID 40 RFC822.SIZE 10 BODY[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)] {2}",
         "", ")",
         "* 2 FETCH (UID 41 RFC822.SIZE " + QByteArray::number(one.size()) +
             " BODY[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)] {" +
             QByteArray::number(id.size()) + "}",
         id.chopped(2), ")",
         "* 3 FETCH (UID 42 RFC822.SIZE 99 BODY[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)] {2}",
         "", ")", "a3 OK Fetch completed"});
    QCOMPARE(h.opened.count(), 1);
    const auto status = h.opened.at(0).at(0).value<ImapMailboxStatus>();
    QCOMPARE(status.uidValidity, quint64(1700000000));
    QCOMPARE(status.uidNext, quint64(43));
    QCOMPARE(status.exists, quint64(3));
    QVERIFY(status.readOnly);
    QCOMPARE(listing.size(), 2);
    QCOMPARE(listing[0].uid, quint64(41));
    QCOMPARE(listing[0].size, one.size());
    QCOMPARE(listing[0].identity, id);
    QCOMPARE(listing[1].uid, quint64(42));
    WROTE(h, {"a4 UID FETCH 41 BODY.PEEK[]", "a5 UID FETCH 42 BODY.PEEK[]", "a6 LOGOUT"});
    h.fake->serverSends("* 2 FETCH (UID 41 BODY[] {" + QByteArray::number(one.size()) + "}\r\n" +
                        one + ")\r\na4 OK\r\n* 3 FETCH (BODY[] {" + QByteArray::number(two.size()) +
                        "}\r\n" + two + " UID 42)\r\na5 OK\r\n* BYE\r\na6 OK\r\n");
    h.fake->serverDisconnects();
    QCOMPARE(sink1.data, one);
    QCOMPARE(sink2.data, two);
    QCOMPARE(h.fetched.count(), 2);
    QCOMPARE(h.fetched.at(0).at(0).value<quint64>(), quint64(41));
    QCOMPARE(h.fetched.at(0).at(1).toLongLong(), one.size());
    QVERIFY(!h.error().isError());
    // Nothing that changes the mailbox was sent.
    for (const char *word : {"STORE", "EXPUNGE", "SELECT", "COPY", "MOVE", "DELETE", "BODY[]"})
        QVERIFY2(!h.fake->written().contains(word), word);
}

void TestImapClient::fetchStreamsInChunks()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    QByteArray message;
    for (int i = 0; message.size() < 3 * 1024 * 1024; ++i)
        message +=
            "Line " + QByteArray::number(i) + " of a large message, with {5} and ) in it\r\n";
    RecordingSink sink;
    QSignalSpy progress(&h.client, &ImapClient::fetchProgress);
    h.open();
    h.client.fetchMessage(7, &sink);
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 UID FETCH 7 BODY.PEEK[]", "a3 LOGOUT"});
    h.server({"a1 OK"});
    const QByteArray wire = "* 1 FETCH (UID 7 BODY[] {" + QByteArray::number(message.size()) +
                            "}\r\n" + message + ")\r\na2 OK\r\na3 OK\r\n";
    h.fake->serverSendsInPieces(wire, 8191);
    h.fake->serverDisconnects();
    QCOMPARE(h.fetched.count(), 1);
    QCOMPARE(sink.data.size(), message.size());
    QVERIFY(sink.data == message);
    QVERIFY2(sink.largestWrite <= 64 * 1024 + 8192, "written in pieces, never whole");
    QVERIFY(progress.count() > 10);
    // The message itself does not go into the transcript.
    QVERIFY(!h.transcript.join('\n').contains(QLatin1String("of a large message")));
}

void TestImapClient::untaggedExistsDuringFetch()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    RecordingSink sink;
    h.open();
    h.client.fetchMessage(5, &sink);
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 UID FETCH 5 BODY.PEEK[]", "a3 LOGOUT"});
    h.server({"a1 OK", "* 4 EXISTS", "* 1 FETCH (FLAGS (\\Seen))", "* 2 FETCH (UID 5 BODY[] {3}"});
    h.fake->serverSends("abc");
    h.server({")", "* 5 EXISTS", "* 1 RECENT", "a2 OK", "a3 OK"});
    h.fake->serverDisconnects();
    QCOMPARE(h.fetched.count(), 1);
    QCOMPARE(sink.data, QByteArray("abc"));
    QVERIFY(!h.error().isError());
}

void TestImapClient::byeDuringFetch()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    h.expectError(NetError::Transient);
    RecordingSink sink;
    h.open();
    h.client.fetchMessage(5, &sink);
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 UID FETCH 5 BODY.PEEK[]", "a3 LOGOUT"});
    h.server({"a1 OK", "* BYE Server shutting down"});
    h.fake->serverDisconnects();
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Transient);
    QVERIFY(h.error().message.contains(QLatin1String("Server shutting down")));
    QCOMPARE(h.fetched.count(), 0);
}

void TestImapClient::expungedMessage()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    h.expectError(NetError::Transient);
    RecordingSink sink;
    h.open();
    h.client.fetchMessage(5, &sink);
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 UID FETCH 5 BODY.PEEK[]", "a3 LOGOUT"});
    h.server({"a1 OK", "a2 OK Fetch completed (no messages)", "a3 OK"});
    h.fake->serverDisconnects();
    QCOMPARE(h.fetchFailed.count(), 1);
    QCOMPARE(h.fetched.count(), 0);
    QVERIFY(!h.error().isError());
}

void TestImapClient::diskFullDuringFetch()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    h.expectError(NetError::Permanent);
    RecordingSink sink;
    sink.full = true;
    h.open();
    h.client.fetchMessage(5, &sink);
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 UID FETCH 5 BODY.PEEK[]", "a3 LOGOUT"});
    h.fake->serverSends("a1 OK\r\n* 1 FETCH (UID 5 BODY[] {4}\r\nabcd)\r\na2 OK\r\na3 OK\r\n");
    h.fake->serverDisconnects();
    QCOMPARE(h.fetchFailed.count(), 1);
    QCOMPARE(h.fetchFailed.at(0).at(1).value<NetError>().kind, NetError::Permanent);
    QVERIFY(!h.error().isError()); // the session itself ended well
}

void TestImapClient::unrequestedLargeLiteralRefused()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    h.expectError(NetError::Protocol);
    h.open();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 LOGOUT"});
    h.server({"* 1 FETCH (BODY[] {999999999}"});
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Protocol);
}

void TestImapClient::alertIsReported()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    h.open();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 LOGOUT"});
    h.server({"* OK [ALERT] Your mailbox is almost full", "a1 OK", "a2 OK"});
    h.fake->serverDisconnects();
    QCOMPARE(h.alerts.count(), 1);
    QCOMPARE(h.alerts.at(0).at(0).toString(), QStringLiteral("Your mailbox is almost full"));
}

void TestImapClient::tagThatWasNeverSent()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    h.expectError(NetError::Protocol);
    h.open();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken, "a2 LOGOUT"});
    h.server({"a7 OK what"});
    QCOMPARE(h.finished.count(), 1);
    QCOMPARE(h.error().kind, NetError::Protocol);
}

void TestImapClient::noPipeliningWaitsForEachAnswer()
{
    Harness h;
    h.settings.connection.security = Security::Tls;
    h.settings.usePipelining = false;
    h.open();
    h.client.examine();
    h.client.logout();
    h.server({"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready"});
    WROTE(h, {"a1 AUTHENTICATE PLAIN " + plainToken});
    h.server({"a1 OK"});
    WROTE(h, {"a2 EXAMINE \"INBOX\""});
    h.server({"a2 OK [READ-ONLY] done"});
    WROTE(h, {"a3 LOGOUT"});
    h.server({"a3 OK"});
    h.fake->serverDisconnects();
    QVERIFY(!h.error().isError());
    QCOMPARE(h.opened.count(), 1);
}

QTEST_MAIN(TestImapClient)
#include "tst_imapclient.moc"
