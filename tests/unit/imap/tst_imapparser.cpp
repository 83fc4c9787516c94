// The IMAP response parser and reader: every response shape Outpost meets (RFC 3501 section 7,
// RFC 9051), literals (also inside FETCH and non-synchronising ones), and what it refuses.
#include "imap/ImapResponse.h"

#include <QTest>

using namespace Outpost;

namespace {

using Status = ImapResponse::Status;
using Type = ImapResponse::Type;

/// Feeds @p lines (a literal's bytes as one entry after its announcing line) to a reader and
/// returns the response, failing the test on anything but one complete response.
std::optional<ImapResponse> read(const QByteArrayList &lines, QString *error = nullptr)
{
    ImapResponseReader reader;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const ImapResponseReader::Result r = reader.addLine(lines[i]);
        if (r == ImapResponseReader::Result::Error) {
            if (error)
                *error = reader.error();
            return std::nullopt;
        }
        if (r == ImapResponseReader::Result::Complete) {
            if (i + 1 != lines.size())
                return std::nullopt;
            return reader.take();
        }
        if (r == ImapResponseReader::Result::NeedLiteral) {
            if (++i >= lines.size())
                return std::nullopt;
            if (reader.addLiteral(lines[i]) != ImapResponseReader::Result::Incomplete) {
                if (error)
                    *error = reader.error();
                return std::nullopt;
            }
        }
    }
    return std::nullopt;
}

} // namespace

class TestImapParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void taggedStatus_data();
    void taggedStatus();
    void greetingCapabilities();
    void preauthAndBye();
    void untaggedStatusCodes_data();
    void untaggedStatusCodes();
    void capabilityData();
    void numberedData_data();
    void numberedData();
    void continuation_data();
    void continuation();
    void fetchWithLiteralBody();
    void fetchWithHeaderFieldsLiteral();
    void nonSynchronisingLiteral();
    void emptyLiteral();
    void quotedStringsAndNil();
    void listResponse();
    void literalInStatusTextIsText();
    void streamedLiteral();
    void literalIsMessageBody_data();
    void literalIsMessageBody();
    void refused_data();
    void refused();
    void oversizedLiteralAnnouncement();
    void tooLong();
};

void TestImapParser::taggedStatus_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("ok") << QByteArray("a1 OK LOGIN completed") << int(Status::Ok) << QByteArray()
                        << QByteArray("LOGIN completed");
    QTest::newRow("lower case") << QByteArray("a1 ok done") << int(Status::Ok) << QByteArray()
                                << QByteArray("done");
    QTest::newRow("no with code") << QByteArray(
                                         "a2 NO [AUTHENTICATIONFAILED] Authentication failed.")
                                  << int(Status::No) << QByteArray("AUTHENTICATIONFAILED")
                                  << QByteArray("Authentication failed.");
    QTest::newRow("bad") << QByteArray("a3 BAD Error in IMAP command") << int(Status::Bad)
                         << QByteArray() << QByteArray("Error in IMAP command");
    QTest::newRow("read-only") << QByteArray("a4 OK [READ-ONLY] Examine completed (0.001 secs).")
                               << int(Status::Ok) << QByteArray("READ-ONLY")
                               << QByteArray("Examine completed (0.001 secs).");
    QTest::newRow("no text") << QByteArray("a5 OK") << int(Status::Ok) << QByteArray()
                             << QByteArray();
    QTest::newRow("code, no text") << QByteArray("a6 NO [UNAVAILABLE]") << int(Status::No)
                                   << QByteArray("UNAVAILABLE") << QByteArray();
}

void TestImapParser::taggedStatus()
{
    QFETCH(QByteArray, line);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, text);
    const std::optional<ImapResponse> r = read({line});
    QVERIFY(r);
    QCOMPARE(r->type, Type::Tagged);
    QCOMPARE(r->tag, line.left(2));
    QCOMPARE(int(r->status), status);
    QCOMPARE(r->code, code);
    QCOMPARE(r->text, text);
}

void TestImapParser::greetingCapabilities()
{
    const std::optional<ImapResponse> r =
        read({"* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ "
              "STARTTLS AUTH=PLAIN] Dovecot (Debian) ready."});
    QVERIFY(r);
    QCOMPARE(r->type, Type::Untagged);
    QCOMPARE(r->status, Status::Ok);
    QCOMPARE(r->code, QByteArray("CAPABILITY"));
    QCOMPARE(r->capabilities(),
             (QByteArrayList{"IMAP4REV1", "SASL-IR", "LOGIN-REFERRALS", "ID", "ENABLE", "IDLE",
                             "LITERAL+", "STARTTLS", "AUTH=PLAIN"}));
    QCOMPARE(r->text, QByteArray("Dovecot (Debian) ready."));
}

void TestImapParser::preauthAndBye()
{
    std::optional<ImapResponse> r = read({"* PREAUTH [CAPABILITY IMAP4rev2] welcome, ben"});
    QVERIFY(r);
    QCOMPARE(r->status, Status::PreAuth);
    QCOMPARE(r->capabilities(), QByteArrayList{"IMAP4REV2"});
    r = read({"* BYE Autologout; idle for too long"});
    QVERIFY(r);
    QCOMPARE(r->status, Status::Bye);
    QCOMPARE(r->text, QByteArray("Autologout; idle for too long"));
    r = read({"* BYE [UNAVAILABLE] Server shutting down"});
    QVERIFY(r);
    QCOMPARE(r->status, Status::Bye);
    QCOMPARE(r->code, QByteArray("UNAVAILABLE"));
}

void TestImapParser::untaggedStatusCodes_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QList<ImapValue>>("data");
    QTest::newRow("uidvalidity") << QByteArray("* OK [UIDVALIDITY 3857529045] UIDs valid")
                                 << QByteArray("UIDVALIDITY")
                                 << QList<ImapValue>{ImapValue::num(3857529045ULL)};
    QTest::newRow("uidnext") << QByteArray("* OK [UIDNEXT 4392] Predicted next UID")
                             << QByteArray("UIDNEXT") << QList<ImapValue>{ImapValue::num(4392)};
    QTest::newRow("permanentflags")
        << QByteArray("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited")
        << QByteArray("PERMANENTFLAGS")
        << QList<ImapValue>{ImapValue::list(
               {ImapValue::atom("\\Deleted"), ImapValue::atom("\\Seen"), ImapValue::atom("\\*")})};
    QTest::newRow("free text code") << QByteArray("* NO [ALERT] System shutdown in 10 minutes")
                                    << QByteArray("ALERT") << QList<ImapValue>{};
    QTest::newRow("unknown code with text")
        << QByteArray("* OK [XPROVIDER some \"odd text] hello") << QByteArray("XPROVIDER")
        << QList<ImapValue>{ImapValue::atom("some \"odd text")};
}

void TestImapParser::untaggedStatusCodes()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, code);
    QFETCH(QList<ImapValue>, data);
    const std::optional<ImapResponse> r = read({line});
    QVERIFY(r);
    QCOMPARE(r->type, Type::Untagged);
    QVERIFY(r->isStatus());
    QCOMPARE(r->code, code);
    QCOMPARE(r->codeData, data);
}

void TestImapParser::capabilityData()
{
    const std::optional<ImapResponse> r = read({"* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED"});
    QVERIFY(r);
    QVERIFY(!r->isStatus());
    QCOMPARE(r->name, QByteArray("CAPABILITY"));
    QCOMPARE(r->capabilities(), (QByteArrayList{"IMAP4REV1", "STARTTLS", "LOGINDISABLED"}));
}

void TestImapParser::numberedData_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<quint64>("number");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("exists") << QByteArray("* 172 EXISTS") << quint64(172) << QByteArray("EXISTS");
    QTest::newRow("recent") << QByteArray("* 1 RECENT") << quint64(1) << QByteArray("RECENT");
    QTest::newRow("expunge") << QByteArray("* 44 EXPUNGE") << quint64(44) << QByteArray("EXPUNGE");
    QTest::newRow("lower case") << QByteArray("* 3 exists") << quint64(3) << QByteArray("EXISTS");
}

void TestImapParser::numberedData()
{
    QFETCH(QByteArray, line);
    QFETCH(quint64, number);
    QFETCH(QByteArray, name);
    const std::optional<ImapResponse> r = read({line});
    QVERIFY(r);
    QVERIFY(r->number);
    QCOMPARE(*r->number, number);
    QCOMPARE(r->name, name);
    QVERIFY(!r->isStatus());
}

void TestImapParser::continuation_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("go ahead") << QByteArray("+ Ready for literal data")
                              << QByteArray("Ready for literal data");
    QTest::newRow("empty challenge") << QByteArray("+ ") << QByteArray();
    QTest::newRow("bare plus") << QByteArray("+") << QByteArray();
    QTest::newRow("base64") << QByteArray("+ YGgGCSqGSIb3EgECAgIBAAD/////")
                            << QByteArray("YGgGCSqGSIb3EgECAgIBAAD/////");
}

void TestImapParser::continuation()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, text);
    const std::optional<ImapResponse> r = read({line});
    QVERIFY(r);
    QCOMPARE(r->type, Type::Continuation);
    QCOMPARE(r->text, text);
}

void TestImapParser::fetchWithLiteralBody()
{
    const QByteArray body = "From: a@example.jp\r\nSubject: {5}\r\n\r\n* 3 EXISTS\r\na1 OK no\r\n";
    const std::optional<ImapResponse> r = read(
        {"* 12 FETCH (UID 4827 RFC822.SIZE 58 BODY[] {" + QByteArray::number(body.size()) + "}",
         body, " FLAGS (\\Seen))"});
    QVERIFY(r);
    QCOMPARE(r->name, QByteArray("FETCH"));
    QCOMPARE(*r->number, quint64(12));
    QVERIFY(r->fetchItem("UID"));
    QCOMPARE(r->fetchItem("UID")->number, quint64(4827));
    QCOMPARE(r->fetchItem("uid")->number, quint64(4827));
    QCOMPARE(r->fetchItem("RFC822.SIZE")->number, quint64(58));
    const ImapValue *b = r->fetchItem("BODY[]");
    QVERIFY(b);
    QCOMPARE(b->type, ImapValue::Type::String);
    QCOMPARE(b->bytes, body);
    QCOMPARE(b->literalSize, body.size());
    QCOMPARE(*r->fetchItem("FLAGS"), ImapValue::list({ImapValue::atom("\\Seen")}));
    QVERIFY(!r->fetchItem("ENVELOPE"));
}

void TestImapParser::fetchWithHeaderFieldsLiteral()
{
    const QByteArray fields = "Message-ID: <1@x>\r\nSubject: (x) [y]\r\n\r\n";
    const std::optional<ImapResponse> r = read(
        {"* 2 FETCH (UID 9 RFC822.SIZE 1200 BODY[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)] {" +
             QByteArray::number(fields.size()) + "}",
         fields, ")"});
    QVERIFY(r);
    const ImapValue *v = r->fetchItem("BODY[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)]");
    QVERIFY(v);
    QCOMPARE(v->bytes, fields);
    QCOMPARE(r->fetchItem("UID")->number, quint64(9));
}

void TestImapParser::nonSynchronisingLiteral()
{
    const std::optional<ImapResponse> r = read({"* 1 FETCH (BODY[]<0> {3+}", "abc", ")"});
    QVERIFY(r);
    QCOMPARE(r->fetchItem("BODY[]<0>")->bytes, QByteArray("abc"));
}

void TestImapParser::emptyLiteral()
{
    const std::optional<ImapResponse> r = read({"* 1 FETCH (BODY[] {0}", "", " UID 3)"});
    QVERIFY(r);
    QCOMPARE(r->fetchItem("BODY[]")->bytes, QByteArray());
    QCOMPARE(r->fetchItem("BODY[]")->literalSize, 0);
    QCOMPARE(r->fetchItem("UID")->number, quint64(3));
}

void TestImapParser::quotedStringsAndNil()
{
    const std::optional<ImapResponse> r =
        read({"* 5 FETCH (ENVELOPE (\"Mon, 7 Feb 1994 21:52:25 -0800\" \"a \\\"quoted\\\" "
              "\\\\ word\" NIL nil \"\" (\"x\")))"});
    QVERIFY(r);
    const ImapValue *env = r->fetchItem("ENVELOPE");
    QVERIFY(env && env->isList());
    QCOMPARE(env->items.size(), 6);
    QCOMPARE(env->items[0], ImapValue::string("Mon, 7 Feb 1994 21:52:25 -0800"));
    QCOMPARE(env->items[1].bytes, QByteArray("a \"quoted\" \\ word"));
    QCOMPARE(env->items[2].type, ImapValue::Type::Nil);
    QCOMPARE(env->items[3].type, ImapValue::Type::Nil);
    QCOMPARE(env->items[4], ImapValue::string(""));
    QCOMPARE(env->items[5], ImapValue::list({ImapValue::string("x")}));
}

void TestImapParser::listResponse()
{
    const std::optional<ImapResponse> r = read({"* LIST (\\HasNoChildren) \"/\" \"受信箱\""});
    QVERIFY(r);
    QCOMPARE(r->name, QByteArray("LIST"));
    QCOMPARE(r->data.size(), 3);
    QCOMPARE(r->data[0], ImapValue::list({ImapValue::atom("\\HasNoChildren")}));
    QCOMPARE(r->data[1], ImapValue::string("/"));
    QCOMPARE(QString::fromUtf8(r->data[2].bytes), QStringLiteral("受信箱"));
}

void TestImapParser::literalInStatusTextIsText()
{
    // Human text never carries literals: "{5}" at the end of it is just text.
    std::optional<ImapResponse> r = read({"a1 OK done {5}"});
    QVERIFY(r);
    QCOMPARE(r->text, QByteArray("done {5}"));
    r = read({"* BYE see you {2}"});
    QVERIFY(r);
    QCOMPARE(r->status, Status::Bye);
    r = read({"+ send {3}"});
    QVERIFY(r);
    QCOMPARE(r->type, Type::Continuation);
}

void TestImapParser::streamedLiteral()
{
    ImapResponseReader reader;
    QCOMPARE(reader.addLine("* 7 FETCH (UID 70 BODY[] {1048576}"),
             ImapResponseReader::Result::NeedLiteral);
    QCOMPARE(reader.literalSize(), 1048576);
    QVERIFY(reader.literalIsMessageBody());
    QCOMPARE(reader.pendingNumber(), std::optional<quint64>(7));
    QCOMPARE(reader.addStreamedLiteral(12), ImapResponseReader::Result::Error); // wrong size
    reader.reset();
    QCOMPARE(reader.addLine("* 7 FETCH (UID 70 BODY[] {1048576}"),
             ImapResponseReader::Result::NeedLiteral);
    QCOMPARE(reader.addStreamedLiteral(1048576), ImapResponseReader::Result::Incomplete);
    QCOMPARE(reader.addLine(")"), ImapResponseReader::Result::Complete);
    const ImapResponse r = reader.take();
    const ImapValue *b = r.fetchItem("BODY[]");
    QVERIFY(b);
    QVERIFY(b->streamed);
    QCOMPARE(b->literalSize, 1048576);
    QVERIFY(b->bytes.isEmpty());
}

void TestImapParser::literalIsMessageBody_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("body");
    QTest::newRow("BODY[]") << QByteArray("* 1 FETCH (UID 1 BODY[] {10}") << true;
    QTest::newRow("BODY[] first") << QByteArray("* 1 FETCH (BODY[] {10}") << true;
    QTest::newRow("BODY[]<0>") << QByteArray("* 1 FETCH (BODY[]<0> {10}") << true;
    QTest::newRow("RFC822") << QByteArray("* 1 FETCH (RFC822 {10}") << true;
    QTest::newRow("header fields")
        << QByteArray("* 1 FETCH (BODY[HEADER.FIELDS (SUBJECT)] {10}") << false;
    QTest::newRow("header") << QByteArray("* 1 FETCH (BODY[HEADER] {10}") << false;
    QTest::newRow("RFC822.HEADER") << QByteArray("* 1 FETCH (RFC822.HEADER {10}") << false;
    QTest::newRow("a string value") << QByteArray("* LIST () \"/\" {10}") << false;
}

void TestImapParser::literalIsMessageBody()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, body);
    ImapResponseReader reader;
    QCOMPARE(reader.addLine(line), ImapResponseReader::Result::NeedLiteral);
    QCOMPARE(reader.literalIsMessageBody(), body);
}

void TestImapParser::refused_data()
{
    QTest::addColumn<QByteArrayList>("lines");
    QTest::newRow("empty") << QByteArrayList{""};
    QTest::newRow("star alone") << QByteArrayList{"*"};
    QTest::newRow("tag alone") << QByteArrayList{"a1"};
    QTest::newRow("tagged BYE") << QByteArrayList{"a1 BYE no"};
    QTest::newRow("tagged PREAUTH") << QByteArrayList{"a1 PREAUTH x"};
    QTest::newRow("tagged data") << QByteArrayList{"a1 CAPABILITY IMAP4rev1"};
    QTest::newRow("tag with plus") << QByteArrayList{"a+1 OK x"};
    QTest::newRow("unclosed quote") << QByteArrayList{"* LIST () \"/ INBOX"};
    QTest::newRow("unclosed list") << QByteArrayList{"* 1 FETCH (UID 1"};
    QTest::newRow("stray paren") << QByteArrayList{"* 1 FETCH UID 1)"};
    QTest::newRow("unclosed code") << QByteArrayList{"* OK [UIDVALIDITY 3 text"};
    QTest::newRow("unclosed section") << QByteArrayList{"* 1 FETCH (BODY[HEADER 1)"};
    QTest::newRow("NUL byte") << QByteArrayList{QByteArray("* OK a\0b", 8)};
    QTest::newRow("number without name") << QByteArrayList{"* 12"};
    QTest::newRow("number too big") << QByteArrayList{"* 123456789012345678901 EXISTS"};
    QTest::newRow("continuation without space") << QByteArrayList{"+x"};
    QByteArray deep = "* X ";
    for (int i = 0; i < 40; ++i)
        deep += '(';
    for (int i = 0; i < 40; ++i)
        deep += ')';
    QTest::newRow("too deep") << QByteArrayList{deep};
    QTest::newRow("literal of wrong size") << QByteArrayList{"* 1 FETCH (BODY[] {5}", "abc"};
}

void TestImapParser::refused()
{
    QFETCH(QByteArrayList, lines);
    QString error;
    QVERIFY(!read(lines, &error));
    QVERIFY2(!error.isEmpty(), "every refusal says why");
}

void TestImapParser::oversizedLiteralAnnouncement()
{
    ImapResponseReader reader;
    QCOMPARE(reader.addLine("* 1 FETCH (BODY[] {9999999999999999999}"),
             ImapResponseReader::Result::Error);
    QVERIFY(!reader.error().isEmpty());
}

void TestImapParser::tooLong()
{
    ImapResponseReader reader;
    const QByteArray chunk(1024 * 1024 - 10, 'x');
    ImapResponseReader::Result r = ImapResponseReader::Result::Incomplete;
    int i = 0;
    for (; i < 10; ++i) {
        r = reader.addLine("* " + QByteArray::number(i) + " FETCH (X {" +
                           QByteArray::number(chunk.size()) + "}");
        if (r != ImapResponseReader::Result::NeedLiteral)
            break;
        r = reader.addLiteral(chunk);
        if (r != ImapResponseReader::Result::Incomplete)
            break;
    }
    QCOMPARE(r, ImapResponseReader::Result::Error);
    QVERIFY(i < 10);
}

QTEST_APPLESS_MAIN(TestImapParser)
#include "tst_imapparser.moc"
