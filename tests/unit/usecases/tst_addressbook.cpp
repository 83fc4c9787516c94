// The address book: most recent first, one entry per address, bounded, kept on disk.
#include "usecases/AddressBook.h"

#include "message/AddressParser.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {

QList<MailAddress> parse(const QString &list)
{
    return AddressParser::parseList(list).addresses;
}

} // namespace

class TestAddressBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void remembersMostRecentFirstAndKeepsThem()
    {
        QTemporaryDir dir;
        AddressBook book(dir.path());
        QVERIFY(book.load());
        QVERIFY(book.entries().isEmpty());
        QVERIFY(
            book.remember(parse(QStringLiteral("Bob Smith <bob@example.net>, carol@example.org"))));
        QVERIFY(book.remember(parse(QStringLiteral("山田太郎 <taro@example.jp>"))));
        const QStringList expected{QStringLiteral("山田太郎 <taro@example.jp>"),
                                   QStringLiteral("Bob Smith <bob@example.net>"),
                                   QStringLiteral("carol@example.org")};
        QCOMPARE(book.entries(), expected);

        AddressBook again(dir.path());
        QVERIFY(again.load());
        QCOMPARE(again.entries(), expected);
    }

    void oneEntryPerAddress()
    {
        QTemporaryDir dir;
        AddressBook book(dir.path());
        QVERIFY(book.load());
        QVERIFY(book.remember(parse(QStringLiteral("Bob <bob@example.net>, carol@example.org"))));
        // The same address in other capitals, with a new name: one entry, moved first.
        QVERIFY(book.remember(parse(QStringLiteral("Robert <BOB@example.net>"))));
        QCOMPARE(book.entries(), (QStringList{QStringLiteral("Robert <BOB@example.net>"),
                                              QStringLiteral("carol@example.org")}));
        // Without a name, the name known is kept.
        QVERIFY(book.remember(parse(QStringLiteral("bob@example.net"))));
        QCOMPARE(book.entries().first(), QStringLiteral("Robert <bob@example.net>"));
        QCOMPARE(book.entries().size(), 2);
    }

    void completesAddressesAndNamesCaseInsensitively()
    {
        QTemporaryDir dir;
        AddressBook book(dir.path());
        QVERIFY(book.load());
        QVERIFY(book.remember(
            parse(QStringLiteral("Bob Smith <bob@example.net>, Carol <carol@example.org>, "
                                 "山田太郎 <taro@example.jp>"))));
        QCOMPARE(book.complete(QStringLiteral("BO")),
                 QStringList{QStringLiteral("Bob Smith <bob@example.net>")});
        QCOMPARE(book.complete(QStringLiteral("smi")), // a word of the name
                 QStringList{QStringLiteral("Bob Smith <bob@example.net>")});
        QCOMPARE(book.complete(QStringLiteral("carol@")),
                 QStringList{QStringLiteral("Carol <carol@example.org>")});
        QCOMPARE(book.complete(QStringLiteral("山田")),
                 QStringList{QStringLiteral("山田太郎 <taro@example.jp>")});
        QVERIFY(book.complete(QStringLiteral("example")).isEmpty()); // prefixes, not anywhere
        QCOMPARE(book.complete(QString()).size(), 3);
    }

    void boundedSize()
    {
        QTemporaryDir dir;
        AddressBook book(dir.path(), 3);
        QVERIFY(book.load());
        for (int i = 0; i < 5; ++i)
            QVERIFY(book.remember(parse(QStringLiteral("u%1@example.net").arg(i))));
        QCOMPARE(book.entries(),
                 (QStringList{QStringLiteral("u4@example.net"), QStringLiteral("u3@example.net"),
                              QStringLiteral("u2@example.net")}));
        AddressBook again(dir.path(), 3);
        QVERIFY(again.load());
        QCOMPARE(again.entries().size(), 3);
    }

    void takesOverTheOldSettingsAndReportsADamagedFile()
    {
        QTemporaryDir dir;
        {
            QSettings old(dir.path() + QStringLiteral("/gui.ini"), QSettings::IniFormat);
            old.setValue(QStringLiteral("compose/addresses"),
                         QStringList{QStringLiteral("Bob <bob@example.net>")});
        }
        AddressBook book(dir.path());
        QVERIFY(book.load());
        QCOMPARE(book.entries(), QStringList{QStringLiteral("Bob <bob@example.net>")});

        QFile file(book.file());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        AddressBook damaged(dir.path());
        StoreError error;
        QVERIFY(!damaged.load(&error));
        QCOMPARE(error.kind, StoreError::Kind::ReadFailed);
        QVERIFY(QFile::exists(book.file()));
    }
};

QTEST_GUILESS_MAIN(TestAddressBook)
#include "tst_addressbook.moc"
