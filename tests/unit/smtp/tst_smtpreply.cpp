// The pure SMTP pieces: reply parser, relay-refusal classification table, DATA encoder,
// EHLO capabilities.
#include "smtp/SmtpCapabilities.h"
#include "smtp/SmtpDataEncoder.h"
#include "smtp/SmtpReply.h"
#include "smtp/SmtpReplyClassifier.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Outpost;

Q_DECLARE_METATYPE(Outpost::SmtpStage)
Q_DECLARE_METATYPE(Outpost::SmtpReplyClass)

class TestSmtpReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parser_data();
    void parser();
    void parserRejectsRunaway();
    void isCode();
    void classify_data();
    void classify();
    void encoder_data();
    void encoder();
    void encoderAcrossChunks();
    void encoderForBdat();
    void encoderMatchesTheRules();
    void capabilities();
};

static SmtpReply parseAll(const QByteArrayList &lines, bool *complete, bool *invalid)
{
    SmtpReplyParser parser;
    *complete = false;
    *invalid = false;
    for (const QByteArray &line : lines) {
        const auto status = parser.addLine(line);
        if (status == SmtpReplyParser::Invalid) {
            *invalid = true;
            return {};
        }
        if (status == SmtpReplyParser::Complete) {
            *complete = true;
            return parser.take();
        }
    }
    return {};
}

void TestSmtpReply::parser_data()
{
    QTest::addColumn<QByteArrayList>("lines");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("enhanced");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("single") << QByteArrayList{"250 Ok"} << true << 250 << QByteArray()
                            << QByteArray("Ok");
    QTest::newRow("bare code") << QByteArrayList{"354"} << true << 354 << QByteArray()
                               << QByteArray();
    QTest::newRow("enhanced") << QByteArrayList{"554 5.7.1 <a@b>: Relay access denied"} << true
                              << 554 << QByteArray("5.7.1")
                              << QByteArray("5.7.1 <a@b>: Relay access denied");
    QTest::newRow("multi-line") << QByteArrayList{"250-mail.example", "250-PIPELINING",
                                                  "250 SIZE 1000"}
                                << true << 250 << QByteArray()
                                << QByteArray("mail.example\nPIPELINING\nSIZE 1000");
    QTest::newRow("multi-line enhanced from first line")
        << QByteArrayList{"550-5.1.1 no such user", "550 5.1.1 see docs"} << true << 550
        << QByteArray("5.1.1") << QByteArray("5.1.1 no such user\n5.1.1 see docs");
    QTest::newRow("not enhanced: version number")
        << QByteArrayList{"220 2.0 server ready"} << true << 220 << QByteArray()
        << QByteArray("2.0 server ready");
    QTest::newRow("mixed codes") << QByteArrayList{"250-a", "251 b"} << false << 0 << QByteArray()
                                 << QByteArray();
    QTest::newRow("garbage") << QByteArrayList{"hello"} << false << 0 << QByteArray()
                             << QByteArray();
    QTest::newRow("first digit 1")
        << QByteArrayList{"150 x"} << false << 0 << QByteArray() << QByteArray();
    QTest::newRow("no separator") << QByteArrayList{"250x"} << false << 0 << QByteArray()
                                  << QByteArray();
    QTest::newRow("short") << QByteArrayList{"25"} << false << 0 << QByteArray() << QByteArray();
    QTest::newRow("empty") << QByteArrayList{""} << false << 0 << QByteArray() << QByteArray();
}

void TestSmtpReply::parser()
{
    QFETCH(QByteArrayList, lines);
    QFETCH(bool, valid);
    QFETCH(int, code);
    QFETCH(QByteArray, enhanced);
    QFETCH(QByteArray, text);
    bool complete = false;
    bool invalid = false;
    const SmtpReply reply = parseAll(lines, &complete, &invalid);
    QCOMPARE(complete, valid);
    QCOMPARE(invalid, !valid);
    if (!valid)
        return;
    QCOMPARE(reply.code, code);
    QCOMPARE(reply.enhancedCode, enhanced);
    QCOMPARE(reply.text(), text);
    QCOMPARE(reply.raw, lines.join("\r\n"));
}

void TestSmtpReply::parserRejectsRunaway()
{
    SmtpReplyParser parser;
    for (int i = 0; i < SmtpReplyParser::maxLines; ++i)
        QCOMPARE(parser.addLine("250-x"), SmtpReplyParser::NeedMore);
    QCOMPARE(parser.addLine("250-x"), SmtpReplyParser::Invalid);
}

void TestSmtpReply::isCode()
{
    SmtpReply reply;
    reply.code = 251;
    QVERIFY(reply.isCode(2));
    QVERIFY(reply.isCode(25));
    QVERIFY(reply.isCode(251));
    QVERIFY(!reply.isCode(250));
    QVERIFY(!reply.isCode(4));
}

void TestSmtpReply::classify_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<SmtpStage>("stage");
    QTest::addColumn<SmtpReplyClass>("expected");

    const auto relay = SmtpReplyClass::RelayDenied;
    const auto rcpt = SmtpStage::RcptTo;
    // Every relay refusal text named in issue 3, at RCPT.
    QTest::newRow("postfix 554") << QByteArray("554 5.7.1 <x@example.com>: Relay access denied")
                                 << rcpt << relay;
    QTest::newRow("postfix 454") << QByteArray("454 4.7.1 <x@example.com>: Relay access denied")
                                 << rcpt << relay;
    QTest::newRow("postfix client host")
        << QByteArray("554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: Access denied") << rcpt
        << relay;
    QTest::newRow("sendmail") << QByteArray("550 5.7.1 <x@example.com>... Relaying denied") << rcpt
                              << relay;
    QTest::newRow("qmail") << QByteArray("553 sorry, that domain isn't in my list of allowed "
                                         "rcpthosts (#5.7.1)")
                           << rcpt << relay;
    QTest::newRow("nifty") << QByteArray("554 sorry, you must get POP/APOP authorization") << rcpt
                           << relay;
    QTest::newRow("nifty at MAIL") << QByteArray("554 sorry, you must get POP/APOP authorization")
                                   << SmtpStage::MailFrom << relay;
    QTest::newRow("exchange") << QByteArray("550 5.7.1 Unable to relay") << rcpt << relay;
    QTest::newRow("exim") << QByteArray("550 relay not permitted") << rcpt << relay;
    QTest::newRow("generic 550") << QByteArray("550 Relaying Denied") << rcpt << relay;
    QTest::newRow("relay operation rejected")
        << QByteArray("550 Relay operation rejected") << rcpt << relay;
    QTest::newRow("5.7.1 at RCPT without known text")
        << QByteArray("550 5.7.1 Not authorized") << rcpt << relay;
    QTest::newRow("relay text after data")
        << QByteArray("554 5.7.1 Relay access denied") << SmtpStage::DataEnd << relay;

    // Not relay refusals.
    QTest::newRow("success") << QByteArray("250 2.1.5 Ok") << rcpt << SmtpReplyClass::Success;
    QTest::newRow("354") << QByteArray("354 go ahead") << SmtpStage::Data
                         << SmtpReplyClass::Success;
    QTest::newRow("unknown user") << QByteArray("550 5.1.1 <x@example.com>: user unknown") << rcpt
                                  << SmtpReplyClass::Permanent;
    QTest::newRow("mailbox full") << QByteArray("452 4.2.2 Mailbox full") << rcpt
                                  << SmtpReplyClass::Transient;
    QTest::newRow("greylisted") << QByteArray("451 4.7.1 Greylisted, try again") << rcpt
                                << SmtpReplyClass::Transient;
    QTest::newRow("5.7.1 at DATA end is content policy")
        << QByteArray("550 5.7.1 Message rejected as spam") << SmtpStage::DataEnd
        << SmtpReplyClass::Permanent;
    QTest::newRow("relay text in greeting is not relay")
        << QByteArray("554 Relay access denied") << SmtpStage::Greeting
        << SmtpReplyClass::Permanent;
    QTest::newRow("auth required") << QByteArray("530 5.7.0 Authentication required")
                                   << SmtpStage::MailFrom << SmtpReplyClass::AuthRequired;
    QTest::newRow("bare 530") << QByteArray("530 Must issue STARTTLS first") << SmtpStage::MailFrom
                              << SmtpReplyClass::AuthRequired;
    QTest::newRow("busy greeting") << QByteArray("421 4.3.2 Service shutting down")
                                   << SmtpStage::Greeting << SmtpReplyClass::Transient;
    QTest::newRow("too big") << QByteArray("552 5.3.4 Message size exceeds fixed limit")
                             << SmtpStage::DataEnd << SmtpReplyClass::Permanent;
}

void TestSmtpReply::classify()
{
    QFETCH(QByteArray, line);
    QFETCH(SmtpStage, stage);
    QFETCH(SmtpReplyClass, expected);
    SmtpReplyParser parser;
    QCOMPARE(parser.addLine(line), SmtpReplyParser::Complete);
    QCOMPARE(classifySmtpReply(parser.take(), stage), expected);
}

void TestSmtpReply::encoder_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("output");

    QTest::newRow("empty") << QByteArray() << QByteArray(".\r\n");
    QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("lf only") << QByteArray("a\nb\n") << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("lone cr") << QByteArray("a\rb") << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("no final newline") << QByteArray("a") << QByteArray("a\r\n.\r\n");
    QTest::newRow("dot at offset 0")
        << QByteArray(".hidden\r\n") << QByteArray("..hidden\r\n.\r\n");
    QTest::newRow("lone dot line")
        << QByteArray("a\r\n.\r\nb\r\n") << QByteArray("a\r\n..\r\nb\r\n.\r\n");
    QTest::newRow("lone dot at start") << QByteArray(".\r\n") << QByteArray("..\r\n.\r\n");
    QTest::newRow("dot after lf") << QByteArray("a\n.b") << QByteArray("a\r\n..b\r\n.\r\n");
    QTest::newRow("dot mid line") << QByteArray("a.b\r\n") << QByteArray("a.b\r\n.\r\n");
    QTest::newRow("cr cr lf") << QByteArray("a\r\r\nb") << QByteArray("a\r\n\r\nb\r\n.\r\n");
    QTest::newRow("trailing cr") << QByteArray("a\r") << QByteArray("a\r\n.\r\n");
}

void TestSmtpReply::encoder()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, output);
    SmtpDataEncoder encoder;
    QByteArray out = encoder.encode(input);
    out += encoder.finish();
    QCOMPARE(out, output);
}

void TestSmtpReply::encoderAcrossChunks()
{
    // Every split point of a tricky input gives the same result as one chunk.
    const QByteArray input("..a\r\n.\r\nb\rc\n.d\r");
    SmtpDataEncoder whole;
    QByteArray expected = whole.encode(input);
    expected += whole.finish();
    QCOMPARE(expected, QByteArray("...a\r\n..\r\nb\r\nc\r\n..d\r\n.\r\n"));
    for (int i = 0; i <= input.size(); ++i) {
        for (int j = i; j <= input.size(); ++j) {
            SmtpDataEncoder encoder;
            QByteArray out = encoder.encode(input.left(i));
            out += encoder.encode(input.mid(i, j - i));
            out += encoder.encode(input.mid(j));
            out += encoder.finish();
            QCOMPARE(out, expected);
        }
    }
}

void TestSmtpReply::encoderForBdat()
{
    // BDAT data (RFC 3030) is counted, not terminated: line ends still CRLF, no stuffing.
    SmtpDataEncoder encoder;
    encoder.setDotStuffing(false);
    QByteArray out = encoder.encode(".a\n.\nb");
    out += encoder.endLastLine();
    QCOMPARE(out, QByteArray(".a\r\n.\r\nb\r\n"));
    QCOMPARE(encoder.endLastLine(), QByteArray());
}

void TestSmtpReply::encoderMatchesTheRules()
{
    // The encoder copies runs of bytes at once and hands back unchanged chunks as they are;
    // a byte-by-byte statement of the rules (RFC 5321 sections 2.3.8 and 4.5.2; RFC 3030
    // without the stuffing) must agree on random text cut at random places.
    const auto reference = [](const QByteArray &in, bool stuffing) {
        QByteArray out;
        bool lineStart = true;
        for (qsizetype i = 0; i < in.size(); ++i) {
            const char c = in.at(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < in.size() && in.at(i + 1) == '\n')
                    ++i;
                out += "\r\n";
                lineStart = true;
                continue;
            }
            if (lineStart && c == '.' && stuffing)
                out += '.';
            out += c;
            lineStart = false;
        }
        if (!lineStart)
            out += "\r\n";
        return stuffing ? out + ".\r\n" : out;
    };
    QRandomGenerator rng(20261128);
    const QByteArrayList tokens = {"a", "b", ".", "\r", "\n", "\r\n", "\r\n", "abc"};
    int unchanged = 0;
    for (int round = 0; round < 4000; ++round) {
        const bool stuffing = round % 2 == 0;
        QByteArray input;
        const int length = int(rng.bounded(30));
        for (int i = 0; i < length; ++i)
            input += tokens.at(rng.bounded(int(tokens.size())));
        SmtpDataEncoder encoder;
        encoder.setDotStuffing(stuffing);
        QByteArray out;
        for (qsizetype at = 0; at < input.size();) {
            const QByteArray piece = input.mid(at, 1 + qsizetype(rng.bounded(12)));
            const QByteArray encoded = encoder.encode(piece);
            unchanged += encoded.constData() == piece.constData() ? 1 : 0; // not copied
            out += encoded;
            at += piece.size();
        }
        out += stuffing ? encoder.finish() : encoder.endLastLine();
        QCOMPARE(out, reference(input, stuffing));
    }
    QVERIFY2(unchanged > 100, "chunks that need no change are handed back without a copy");
}

void TestSmtpReply::capabilities()
{
    SmtpReplyParser parser;
    const QByteArrayList lines{"250-mail.example greets you",
                               "250-PIPELINING",
                               "250-SIZE 10240000",
                               "250-8BITMIME",
                               "250-SMTPUTF8",
                               "250-STARTTLS",
                               "250-AUTH PLAIN login",
                               "250-AUTH=CRAM-MD5",
                               "250-ENHANCEDSTATUSCODES",
                               "250 CHUNKING"};
    for (const QByteArray &line : lines)
        parser.addLine(line);
    const SmtpCapabilities caps = SmtpCapabilities::fromEhlo(parser.take());
    QVERIFY(caps.extended);
    QVERIFY(caps.pipelining);
    QCOMPARE(caps.maxSize, 10240000);
    QVERIFY(caps.eightBitMime);
    QVERIFY(caps.smtpUtf8);
    QVERIFY(caps.startTls);
    QVERIFY(caps.enhancedStatusCodes);
    QVERIFY(caps.chunking);
    QCOMPARE(caps.authMechanisms, (QByteArrayList{"PLAIN", "LOGIN", "CRAM-MD5"}));
    QVERIFY(caps.hasAuth("login"));

    SmtpReplyParser bare;
    bare.addLine("250 only.a.name");
    const SmtpCapabilities none = SmtpCapabilities::fromEhlo(bare.take());
    QVERIFY(!none.pipelining);
    QVERIFY(!none.startTls);
    QCOMPARE(none.maxSize, 0);
    QVERIFY(none.authMechanisms.isEmpty());
}

QTEST_GUILESS_MAIN(TestSmtpReply)
#include "tst_smtpreply.moc"
