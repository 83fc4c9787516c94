#include "message/AddressParser.h"
#include "message/Envelope.h"

#include <QTest>

using namespace Outpost;

class TestAddressParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("addresses");
        QTest::addColumn<QStringList>("names");

        QTest::newRow("bare") << "a@example.com" << QStringList{"a@example.com"} << QStringList{""};
        QTest::newRow("angle") << "<a@example.com>" << QStringList{"a@example.com"}
                               << QStringList{""};
        QTest::newRow("name") << "Taro Yamada <taro@example.jp>" << QStringList{"taro@example.jp"}
                              << QStringList{"Taro Yamada"};
        QTest::newRow("quoted name with comma")
            << "\"Yamada, Taro\" <taro@example.jp>, b@example.com"
            << QStringList{"taro@example.jp", "b@example.com"} << QStringList{"Yamada, Taro", ""};
        QTest::newRow("escaped quote")
            << "\"A \\\"B\\\" C\" <a@x.org>" << QStringList{"a@x.org"} << QStringList{"A \"B\" C"};
        QTest::newRow("rfc2047 name")
            << "=?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <yamada@example.jp>"
            << QStringList{"yamada@example.jp"} << QStringList{QString::fromUtf8("山田")};
        QTest::newRow("rfc2047 in quotes")
            << "\"=?UTF-8?B?5bGx55Sw?=\" <yamada@example.jp>" << QStringList{"yamada@example.jp"}
            << QStringList{QString::fromUtf8("山田")};
        QTest::newRow("unicode name typed")
            << QString::fromUtf8("山田 太郎 <taro@example.jp>") << QStringList{"taro@example.jp"}
            << QStringList{QString::fromUtf8("山田 太郎")};
        QTest::newRow("comment as name")
            << "taro@example.jp (Taro Yamada)" << QStringList{"taro@example.jp"}
            << QStringList{"Taro Yamada"};
        QTest::newRow("comments ignored") << "Taro (work) <taro@example.jp> (office)"
                                          << QStringList{"taro@example.jp"} << QStringList{"Taro"};
        QTest::newRow("group") << "Team: a@x.org, B <b@y.org>;, c@z.org"
                               << QStringList{"a@x.org", "b@y.org", "c@z.org"}
                               << QStringList{"", "B", ""};
        QTest::newRow("empty group")
            << "undisclosed-recipients:;" << QStringList{} << QStringList{};
        QTest::newRow("empty elements") << " , a@x.org,, b@y.org , "
                                        << QStringList{"a@x.org", "b@y.org"} << QStringList{"", ""};
        QTest::newRow("quoted local part")
            << "\"john doe\"@example.com" << QStringList{"\"john doe\"@example.com"}
            << QStringList{""};
        QTest::newRow("idn domain")
            << QString::fromUtf8("user@例え.jp") << QStringList{QString::fromUtf8("user@例え.jp")}
            << QStringList{""};
        QTest::newRow("domain literal")
            << "root@[192.0.2.1]" << QStringList{"root@[192.0.2.1]"} << QStringList{""};
        QTest::newRow("obs route") << "<@relay.example:user@example.com>"
                                   << QStringList{"user@example.com"} << QStringList{""};
        QTest::newRow("dotted obs phrase")
            << "John Q. Public <jqp@example.com>" << QStringList{"jqp@example.com"}
            << QStringList{"John Q. Public"};
        QTest::newRow("folded") << "A\r\n <a@x.org>,\r\n\tb@y.org"
                                << QStringList{"a@x.org", "b@y.org"} << QStringList{"A", ""};
    }

    void valid()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, addresses);
        QFETCH(QStringList, names);
        const AddressParseResult result = AddressParser::parseList(input);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage));
        QStringList gotAddresses, gotNames;
        for (const MailAddress &a : result.addresses) {
            gotAddresses << a.address();
            gotNames << a.displayName();
        }
        QCOMPARE(gotAddresses, addresses);
        QCOMPARE(gotNames, names);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("position");
        QTest::newRow("no at") << "taro" << 0;
        QTest::newRow("no domain") << "taro@" << 5;
        QTest::newRow("unclosed quote") << "a@x.org, \"Taro <t@x.org>" << 9;
        QTest::newRow("unclosed angle") << "Taro <t@x.org" << 13;
        QTest::newRow("unclosed comment") << "t@x.org (note" << 8;
        QTest::newRow("space in address") << "ta ro@example.com" << 2;
        QTest::newRow("missing comma") << "a@x.org b@y.org" << 8;
        QTest::newRow("double dot") << "a..b@x.org" << 0;
        QTest::newRow("bad domain") << "a@exa_mple.com" << 2;
        QTest::newRow("empty label") << "a@example..com" << 2;
        QTest::newRow("newline injection") << QStringLiteral("a@x.org\nBcc: evil@y.org") << 8;
        QTest::newRow("nul") << QString::fromUtf8("a@x.org\0b", 9) << 7;
        QTest::newRow("nested group") << "A: B: b@y.org;;" << 4;
        QTest::newRow("stray bracket") << "a@x.org]" << 7;
    }

    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(int, position);
        const AddressParseResult result = AddressParser::parseList(input);
        QVERIFY(!result.ok());
        QVERIFY(result.addresses.isEmpty());
        QVERIFY(!result.errorMessage.isEmpty());
        QCOMPARE(result.errorPosition, position);
    }

    void errorMessageSaysWhatIsWrong()
    {
        // People's words for what is wrong; where it is goes to errorPosition (the window
        // puts the cursor there, and the compose use case names the address).
        const AddressParseResult result =
            AddressParser::parseList(QStringLiteral("ok@x.org, bad@"));
        QVERIFY(!result.ok());
        QCOMPARE(result.errorPosition, 14);
        QVERIFY2(result.errorMessage.contains(QLatin1String("after \"@\" is missing")),
                 qPrintable(result.errorMessage));
        QVERIFY2(!result.errorMessage.contains(QLatin1String("position")),
                 qPrintable(result.errorMessage));
    }

    void singleMailbox()
    {
        QVERIFY(AddressParser::parseMailbox(QStringLiteral("A <a@x.org>")).ok());
        QVERIFY(!AddressParser::parseMailbox(QStringLiteral("a@x.org, b@y.org")).ok());
        QVERIFY(!AddressParser::parseMailbox(QString()).ok());
    }

    void idnToAscii()
    {
        const AddressParseResult result =
            AddressParser::parseList(QString::fromUtf8("User <user@例え.jp>"));
        QVERIFY(result.ok());
        const MailAddress a = result.addresses.first();
        QCOMPARE(a.encoded(false), QByteArray("user@xn--r8jz45g.jp"));
        QCOMPARE(a.encoded(true), QString::fromUtf8("user@例え.jp").toUtf8());
        QVERIFY(!a.needsSmtpUtf8());
        QCOMPARE(Envelope::forServer(a.address(), false), QByteArray("user@xn--r8jz45g.jp"));
        QCOMPARE(Envelope::forServer(a.address(), true), a.address().toUtf8());

        const MailAddress utf8Local =
            AddressParser::parseList(QString::fromUtf8("山田@example.jp")).addresses.value(0);
        QVERIFY(utf8Local.needsSmtpUtf8());
        QVERIFY(utf8Local.encoded(false).isEmpty()); // not representable without SMTPUTF8
        QVERIFY(Envelope::forServer(utf8Local.address(), false).isEmpty());
    }

    void headerWithRawShiftJis()
    {
        const QByteArray raw = QByteArray("\x8f\xac\x97\xd1 <kobayashi@example.jp>");
        const AddressParseResult result = AddressParser::parseHeader(raw);
        QVERIFY(result.ok());
        QCOMPARE(result.addresses.first().displayName(), QString::fromUtf8("小林"));
    }

    void displayStringRoundTrip()
    {
        const MailAddress a(QStringLiteral("Yamada, Taro"), QStringLiteral("taro"),
                            QStringLiteral("x.jp"));
        const AddressParseResult again = AddressParser::parseList(a.toDisplayString());
        QVERIFY(again.ok());
        QCOMPARE(again.addresses.first(), a);
    }
};

QTEST_GUILESS_MAIN(TestAddressParser)
#include "tst_addressparser.moc"
