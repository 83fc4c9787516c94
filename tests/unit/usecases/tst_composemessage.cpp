// Building a message from what was typed: the same rules for the window and outpost-cli.
#include "usecases/ComposeMessage.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;
using Field = ComposeProblem::Field;

namespace {
Account account()
{
    Account a;
    a.id = QStringLiteral("home");
    a.name = QStringLiteral("Home");
    a.fullName = QStringLiteral("山田 太郎");
    a.address = QStringLiteral("taro@example.jp");
    a.japaneseEncoding = JapaneseEncoding::Iso2022Jp;
    return a;
}
} // namespace

class TestComposeMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsFromTheAccountAndTheFields()
    {
        ComposeInput in;
        in.to = QStringLiteral("Hanako <hanako@example.jp>, jiro@example.jp");
        in.bcc = QStringLiteral("boss@example.jp");
        in.subject = QStringLiteral("会議");
        in.body = QStringLiteral("こんにちは\n");
        const ComposeMessage::Result r = ComposeMessage::build(account(), in);
        QVERIFY(r.ok());
        QCOMPARE(r.problem.field, Field::None);
        QCOMPARE(r.message->from.displayName(), QStringLiteral("山田 太郎"));
        QCOMPARE(r.message->to.size(), 2);
        QCOMPARE(r.message->bcc.size(), 1);
        QVERIFY(r.message->cc.isEmpty());
        QCOMPARE(r.message->encoding, TextEncoding::Iso2022Jp); // the account's choice
        in.encoding = TextEncoding::Utf8;
        QCOMPARE(ComposeMessage::build(account(), in).message->encoding, TextEncoding::Utf8);
    }

    void problemsNameTheirField_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("cc");
        QTest::addColumn<int>("field");
        QTest::newRow("bad To") << QStringLiteral("not an address") << QString() << int(Field::To);
        QTest::newRow("bad Cc") << QStringLiteral("a@example.jp") << QStringLiteral("b@")
                                << int(Field::Cc);
        QTest::newRow("nobody") << QString() << QString() << int(Field::Recipients);
    }

    void problemsNameTheirField()
    {
        QFETCH(QString, to);
        QFETCH(QString, cc);
        QFETCH(int, field);
        ComposeInput in;
        in.to = to;
        in.cc = cc;
        const ComposeMessage::Result r = ComposeMessage::build(account(), in);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.problem.field), field);
        QVERIFY(!r.problem.message.isEmpty());
    }

    void anAddressErrorNamesTheAddress_data()
    {
        QTest::addColumn<QString>("cc");
        QTest::addColumn<QString>("named");
        QTest::newRow("second of three") << QStringLiteral("a@x.org, carol@@x.org, b@y.org")
                                         << QStringLiteral("\"carol@@x.org\" in Cc");
        QTest::newRow("comma in a quoted name")
            << QStringLiteral("\"Doe, Jane\" <jane@x.org>, bob@")
            << QStringLiteral("\"bob@\" in Cc");
        QTest::newRow("first") << QStringLiteral("no at sign, b@y.org")
                               << QStringLiteral("\"no at sign\" in Cc");
        QTest::newRow("name with a comma, bad")
            << QStringLiteral("\"Doe, Jane\" <jane@@x.org>")
            << QStringLiteral("\"\"Doe, Jane\" <jane@@x.org>\" in Cc");
    }

    void anAddressErrorNamesTheAddress()
    {
        QFETCH(QString, cc);
        QFETCH(QString, named);
        ComposeInput in;
        in.to = QStringLiteral("ok@example.net");
        in.cc = cc;
        const ComposeMessage::Result r = ComposeMessage::build(account(), in);
        QCOMPARE(r.problem.field, Field::Cc);
        QVERIFY2(r.problem.message.contains(named), qPrintable(r.problem.message));
        QVERIFY2(!r.problem.message.contains(QLatin1String("position")),
                 qPrintable(r.problem.message));
    }

    void anAttachmentThatIsNotThere()
    {
        QTemporaryDir dir;
        ComposeInput in;
        in.to = QStringLiteral("hanako@example.jp");
        in.attachments = {dir.filePath(QStringLiteral("gone.pdf"))};
        const ComposeMessage::Result r = ComposeMessage::build(account(), in);
        QCOMPARE(r.problem.field, Field::Attachment);
        QVERIFY(r.problem.message.contains(QLatin1String("gone.pdf")));
    }

    void theAccountsOwnAddress()
    {
        Account a = account();
        a.address = QStringLiteral("nobody");
        ComposeInput in;
        in.to = QStringLiteral("hanako@example.jp");
        QCOMPARE(ComposeMessage::build(a, in).problem.field, Field::From);
    }
};

QTEST_GUILESS_MAIN(TestComposeMessage)
#include "tst_composemessage.moc"
