// The server side of SMTP AUTH that the relay and the sandbox share: PLAIN with and without
// an initial response, LOGIN in both forms, CRAM-MD5 only where offered, cancelling, and
// responses that are not what the mechanism allows.
#include "smtpd/SmtpAuthExchange.h"

#include <QTest>

using namespace Outpost;
using Outcome = SmtpAuthExchange::Outcome;

namespace {
QByteArray b64(const QByteArray &text)
{
    return text.toBase64();
}
const QByteArray plain = QByteArray("admin\0taro\0secret pass", 22);
} // namespace

class TestSmtpAuthExchange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainWithAnInitialResponse()
    {
        SmtpAuthExchange auth;
        QCOMPARE(auth.start("PLAIN " + b64(plain)), Outcome::Credentials);
        QCOMPARE(auth.mechanism(), SmtpAuthExchange::Mechanism::Plain);
        QCOMPARE(auth.authorizationId(), QByteArray("admin"));
        QCOMPARE(auth.user(), QByteArray("taro"));
        QCOMPARE(auth.password(), QByteArray("secret pass"));
        QVERIFY(!auth.waiting());
    }

    void plainAfterAnEmptyChallenge()
    {
        SmtpAuthExchange auth;
        QCOMPARE(auth.start("plain"), Outcome::Challenge); // mechanism names in any case
        QCOMPARE(auth.challenge(), QByteArray());
        QVERIFY(auth.waiting());
        QCOMPARE(auth.respond(b64(QByteArray("\0taro\0pw", 8))), Outcome::Credentials);
        QCOMPARE(auth.authorizationId(), QByteArray());
        QCOMPARE(auth.user(), QByteArray("taro"));
        QCOMPARE(auth.password(), QByteArray("pw"));
    }

    void loginInBothForms()
    {
        SmtpAuthExchange auth;
        QCOMPARE(auth.start("LOGIN"), Outcome::Challenge);
        QCOMPARE(auth.challenge(), QByteArray("VXNlcm5hbWU6")); // "Username:"
        QCOMPARE(auth.respond(b64("taro")), Outcome::Challenge);
        QCOMPARE(auth.challenge(), QByteArray("UGFzc3dvcmQ6")); // "Password:"
        QCOMPARE(auth.respond(b64("pw")), Outcome::Credentials);
        QCOMPARE(auth.user(), QByteArray("taro"));
        QCOMPARE(auth.password(), QByteArray("pw"));

        QCOMPARE(auth.start("LOGIN " + b64("hanako")), Outcome::Challenge);
        QCOMPARE(auth.respond(b64("pw2")), Outcome::Credentials);
        QCOMPARE(auth.user(), QByteArray("hanako"));
        QCOMPARE(auth.password(), QByteArray("pw2"));
    }

    void cramMd5OnlyWhereOffered()
    {
        SmtpAuthExchange relay;
        QCOMPARE(relay.start("CRAM-MD5", "<1@host>"), Outcome::Unsupported);
        SmtpAuthExchange sandbox(true);
        QCOMPARE(sandbox.start("CRAM-MD5", "<1@host>"), Outcome::Challenge);
        QCOMPARE(sandbox.challenge(), b64("<1@host>"));
        QCOMPARE(sandbox.respond(b64("taro B913A602C7EDA7A495B4E6E7334D3890")),
                 Outcome::Credentials);
        QCOMPARE(sandbox.user(), QByteArray("taro"));
        QCOMPARE(sandbox.digest(), QByteArray("b913a602c7eda7a495b4e6e7334d3890"));
    }

    void cancelAndGarbage_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<QByteArrayList>("lines");
        QTest::addColumn<int>("outcome");
        QTest::newRow("PLAIN cancelled")
            << QByteArray("PLAIN") << QByteArrayList{"*"} << int(Outcome::Cancelled);
        QTest::newRow("LOGIN cancelled at the password")
            << QByteArray("LOGIN") << QByteArrayList{b64("taro"), "*"} << int(Outcome::Cancelled);
        QTest::newRow("not base64")
            << QByteArray("PLAIN") << QByteArrayList{"!!!not base64"} << int(Outcome::Malformed);
        QTest::newRow("PLAIN without its NULs") << QByteArray("PLAIN " + b64("taro secret"))
                                                << QByteArrayList{} << int(Outcome::Malformed);
        QTest::newRow("PLAIN with an empty user")
            << QByteArray("PLAIN " + b64(QByteArray("\0\0pw", 4))) << QByteArrayList{}
            << int(Outcome::Malformed);
        QTest::newRow("PLAIN with four parts")
            << QByteArray("PLAIN " + b64(QByteArray("a\0b\0c\0d", 7))) << QByteArrayList{}
            << int(Outcome::Malformed);
        QTest::newRow("PLAIN with an empty initial response")
            << QByteArray("PLAIN =") << QByteArrayList{} << int(Outcome::Malformed);
        QTest::newRow("too many words")
            << QByteArray("PLAIN a b") << QByteArrayList{} << int(Outcome::Malformed);
        QTest::newRow("unknown mechanism")
            << QByteArray("GSSAPI") << QByteArrayList{} << int(Outcome::Unsupported);
        QTest::newRow("nothing") << QByteArray("") << QByteArrayList{} << int(Outcome::Unsupported);
    }

    void cancelAndGarbage()
    {
        QFETCH(QByteArray, command);
        QFETCH(QByteArrayList, lines);
        QFETCH(int, outcome);
        SmtpAuthExchange auth;
        Outcome last = auth.start(command);
        for (const QByteArray &line : lines) {
            QCOMPARE(last, Outcome::Challenge);
            last = auth.respond(line);
        }
        QCOMPARE(int(last), outcome);
        QVERIFY(!auth.waiting());
        QVERIFY(auth.password().isEmpty()); // nothing half-read is kept
    }
};

QTEST_GUILESS_MAIN(TestSmtpAuthExchange)
#include "tst_smtpauthexchange.moc"
