#include "smtpd/SmtpPath.h"

#include <QTest>

using namespace Outpost;

class TestSmtpPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("argument");
        QTest::addColumn<bool>("allowNull");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QByteArray>("size");

        const int ok = int(SmtpPath::Problem::None);
        const int syntax = int(SmtpPath::Problem::Syntax);
        const int bad = int(SmtpPath::Problem::Address);
        QTest::newRow("plain") << QByteArray("FROM:<a@example.jp>") << true << ok
                               << QStringLiteral("a@example.jp") << QByteArray();
        QTest::newRow("lower case, space, parameters")
            << QByteArray("from: <a@example.jp> size=1200 BODY=8BITMIME") << true << ok
            << QStringLiteral("a@example.jp") << QByteArray("1200");
        QTest::newRow("null path")
            << QByteArray("FROM:<>") << true << ok << QString() << QByteArray();
        QTest::newRow("null recipient")
            << QByteArray("TO:<>") << false << bad << QString() << QByteArray();
        QTest::newRow("source route dropped")
            << QByteArray("FROM:<@relay.example:a@b.example>") << true << ok
            << QStringLiteral("a@b.example") << QByteArray();
        QTest::newRow("no brackets")
            << QByteArray("FROM:a@b.example") << true << syntax << QString() << QByteArray();
        QTest::newRow("wrong prefix")
            << QByteArray("TO:<a@b.example>") << true << syntax << QString() << QByteArray();
        QTest::newRow("no domain")
            << QByteArray("FROM:<alice>") << true << bad << QString() << QByteArray();
        QTest::newRow("space inside")
            << QByteArray("FROM:<a b@c.example>") << true << bad << QString() << QByteArray();
        QTest::newRow("control inside")
            << QByteArray("FROM:<a\x01@c.example>") << true << bad << QString() << QByteArray();
        QTest::newRow("two addresses") << QByteArray("FROM:<a@c.example,b@c.example>") << true
                                       << bad << QString() << QByteArray();
    }

    void reads()
    {
        QFETCH(QByteArray, argument);
        QFETCH(bool, allowNull);
        QFETCH(int, problem);
        QFETCH(QString, address);
        QFETCH(QByteArray, size);
        const QByteArray prefix = argument.toUpper().startsWith("TO") && allowNull
                                      ? QByteArray("FROM:")
                                      : (allowNull ? QByteArray("FROM:") : QByteArray("TO:"));
        const SmtpPath path = SmtpPath::parse(argument, prefix, allowNull);
        QCOMPARE(int(path.problem), problem);
        QCOMPARE(path.address, address);
        QCOMPARE(path.parameter("SIZE"), size);
    }

    void utf8LocalPartNeedsSmtpUtf8()
    {
        const SmtpPath path =
            SmtpPath::parse("TO:<\xe5\xa4\xaa\xe9\x83\x8e@example.jp>", "TO:", false);
        QVERIFY(path.ok());
        QVERIFY(path.needsSmtpUtf8);
        QCOMPARE(path.address, QStringLiteral(u"太郎@example.jp"));
    }
};

QTEST_APPLESS_MAIN(TestSmtpPath)
#include "tst_smtppath.moc"
