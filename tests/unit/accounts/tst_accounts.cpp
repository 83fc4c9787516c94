#include "store/AccountStore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {
Account sample(const QString &name = QStringLiteral("Home (nifty)"))
{
    Account a;
    a.name = name;
    a.id = Account::makeId(name);
    a.fullName = QStringLiteral("山田 太郎");
    a.address = QStringLiteral("taro@example.jp");
    a.popHost = QStringLiteral("pop.example.jp");
    a.popUser = QStringLiteral("taro");
    a.smtpHost = QStringLiteral("smtp.example.jp");
    return a;
}
} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makeId_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::newRow("plain") << "Work"
                               << "work";
        QTest::newRow("spaces and brackets") << "Home (nifty)"
                                             << "home-nifty";
        QTest::newRow("japanese only") << "自宅"
                                       << "account";
        QTest::newRow("mixed") << "OCN 自宅 2"
                               << "ocn-2";
    }
    void makeId()
    {
        QFETCH(QString, name);
        QFETCH(QString, id);
        QCOMPARE(Account::makeId(name), id);
    }

    void defaultPorts()
    {
        QCOMPARE(Account::defaultPopPort(Security::None), quint16(110));
        QCOMPARE(Account::defaultPopPort(Security::StartTls), quint16(110));
        QCOMPARE(Account::defaultPopPort(Security::Tls), quint16(995));
        QCOMPARE(Account::defaultSmtpPort(Security::None), quint16(25));
        QCOMPARE(Account::defaultSmtpPort(Security::StartTls), quint16(587));
        QCOMPARE(Account::defaultSmtpPort(Security::Tls), quint16(465));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("address") << "address"
                                 << "not-an-address"
                                 << "e-mail address";
        QTest::newRow("address with CRLF") << "address"
                                           << "a@b.c\r\nBcc: x@y.z"
                                           << "e-mail address";
        QTest::newRow("pop host") << "popHost"
                                  << ""
                                  << "POP3";
        QTest::newRow("pop host spaces") << "popHost"
                                         << "pop example"
                                         << "POP3";
        QTest::newRow("smtp host") << "smtpHost"
                                   << "smtp/x"
                                   << "SMTP";
        QTest::newRow("pop user") << "popUser"
                                  << ""
                                  << "user name";
        QTest::newRow("full name") << "fullName"
                                   << "Taro\nBcc: x@y"
                                   << "one line";
        QTest::newRow("fingerprint") << "fingerprint"
                                     << "abc"
                                     << "SHA-256";
        QTest::newRow("window") << "window"
                                << "5"
                                << "relay window";
        QTest::newRow("interval") << "interval"
                                  << "5000"
                                  << "check interval";
    }
    void validation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, mentions);
        Account a = sample();
        QVERIFY2(a.validate().isEmpty(), qPrintable(a.validate()));
        if (field == QLatin1String("address"))
            a.address = value;
        else if (field == QLatin1String("popHost"))
            a.popHost = value;
        else if (field == QLatin1String("smtpHost"))
            a.smtpHost = value;
        else if (field == QLatin1String("popUser"))
            a.popUser = value;
        else if (field == QLatin1String("fullName"))
            a.fullName = value;
        else if (field == QLatin1String("fingerprint"))
            a.trustedFingerprints = {value};
        else if (field == QLatin1String("window"))
            a.authWindowSeconds = value.toInt();
        else if (field == QLatin1String("interval"))
            a.checkIntervalMinutes = value.toInt();
        const QString error = a.validate();
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY2(error.contains(a.name), qPrintable(error));
    }

    void saveAndLoadRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("outpost.ini"));
        Account a = sample();
        a.popSecurity = Security::Tls;
        a.popPort = 995;
        a.popLogin = PopLogin::Apop;
        a.receiveMode = ReceiveMode::AuthOnly;
        a.leaveOnServer = false;
        a.smtpSecurity = Security::StartTls;
        a.smtpPort = 587;
        a.smtpAuth = SmtpAuth::CramMd5;
        a.smtpUser = QStringLiteral("taro-smtp");
        a.smtpSamePassword = false;
        a.trustedFingerprints = {QString(64, QLatin1Char('a')), QString(64, QLatin1Char('b'))};
        a.caFile = dir.filePath(QStringLiteral("ca.pem"));
        a.popBeforeSmtp = false;
        a.authWindowSeconds = 600;
        a.delayAfterPopMs = 1500;
        a.checkIntervalMinutes = 0;
        a.sendImmediately = false;
        a.checkAtStartup = false;
        a.giveUpAfterHours = 24;
        a.japaneseEncoding = JapaneseEncoding::Iso2022Jp;
        Account b = sample(QStringLiteral("Work"));

        AccountStore store(file);
        QString error;
        QVERIFY(store.add(a, &error));
        QVERIFY(store.add(b, &error));
        QVERIFY2(store.save(&error), qPrintable(error));

        AccountStore again(file);
        QVERIFY2(again.load(&error), qPrintable(error));
        QCOMPARE(again.accounts().size(), 2);
        QVERIFY(*again.find(a.id) == a);
        QVERIFY(*again.find(QStringLiteral("work")) == b);
        QVERIFY(again.find(QStringLiteral("WORK")));
        QVERIFY(!again.find(QStringLiteral("nobody")));
    }

    void missingFileMeansNoAccounts()
    {
        QTemporaryDir dir;
        AccountStore store(dir.filePath(QStringLiteral("none.ini")));
        QString error;
        QVERIFY(store.load(&error));
        QVERIFY(store.accounts().isEmpty());
    }

    void badValueInFileNamesTheKey()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("outpost.ini"));
        AccountStore store(file);
        QString error;
        QVERIFY(store.add(sample(), &error));
        QVERIFY(store.save(&error));
        {
            QSettings s(file, QSettings::IniFormat);
            s.setValue(QStringLiteral("account_home-nifty/smtp_port"), QStringLiteral("seventy"));
        }
        AccountStore again(file);
        QVERIFY(!again.load(&error));
        QVERIFY2(error.contains(QLatin1String("smtp_port")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("seventy")), qPrintable(error));
        QVERIFY(again.accounts().isEmpty());
    }

    void badChoiceInFileNamesTheKey()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("outpost.ini"));
        {
            QSettings s(file, QSettings::IniFormat);
            s.setValue(QStringLiteral("account_x/name"), QStringLiteral("X"));
            s.setValue(QStringLiteral("account_x/pop_security"), QStringLiteral("ssl3"));
        }
        AccountStore store(file);
        QString error;
        QVERIFY(!store.load(&error));
        QVERIFY2(error.contains(QLatin1String("pop_security")), qPrintable(error));
    }

    void newerSchemaIsRefusedAndNotOverwritten()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("outpost.ini"));
        {
            QSettings s(file, QSettings::IniFormat);
            s.setValue(QStringLiteral("General/schema_version"), AccountStore::schemaVersion + 1);
        }
        AccountStore store(file);
        QString error;
        QVERIFY(!store.load(&error));
        QVERIFY2(error.contains(QLatin1String("newer version")), qPrintable(error));
        QVERIFY(store.add(sample(), &error));
        QVERIFY(!store.save(&error));
        QSettings s(file, QSettings::IniFormat);
        QCOMPARE(s.value(QStringLiteral("General/schema_version")).toInt(),
                 AccountStore::schemaVersion + 1);
        QVERIFY(s.childGroups().filter(QStringLiteral("account_")).isEmpty());
    }

    void namesAreUnique()
    {
        AccountStore store(QStringLiteral("/nonexistent/outpost.ini"));
        QString error;
        QVERIFY(store.add(sample(QStringLiteral("Work")), &error));
        Account other = sample(QStringLiteral("work"));
        other.id = QStringLiteral("work2");
        QVERIFY(!store.add(other, &error));
        QVERIFY(error.contains(QLatin1String("already")));
        QCOMPARE(store.uniqueId(QStringLiteral("Work")), QStringLiteral("work-2"));
    }

    void updateAndRemove()
    {
        AccountStore store(QStringLiteral("/nonexistent/outpost.ini"));
        QString error;
        Account a = sample();
        QVERIFY(store.add(a, &error));
        a.smtpHost = QStringLiteral("mail.example.jp");
        QVERIFY(store.update(a, &error));
        QCOMPARE(store.find(a.id)->smtpHost, QStringLiteral("mail.example.jp"));
        a.smtpPort = 0;
        QVERIFY(!store.update(a, &error));
        QCOMPARE(store.find(a.id)->smtpPort, quint16(25));
        QVERIFY(store.remove(a.id, &error));
        QVERIFY(!store.remove(a.id, &error));
        QVERIFY(error.contains(a.id));
    }

    void unwritableLocationIsAClearError()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("blocker"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        AccountStore store(blocker + QStringLiteral("/sub/outpost.ini"));
        QString error;
        QVERIFY(store.add(sample(), &error));
        QVERIFY(!store.save(&error));
        QVERIFY2(error.contains(QLatin1String("settings file")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
