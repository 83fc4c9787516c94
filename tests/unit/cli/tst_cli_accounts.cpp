#include "CliRunner.h"

#include "store/AccountStore.h"

#include <QFile>
#include <QTemporaryDir>

using namespace Outpost;

class TestCliAccounts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString profile() const { return m_dir.path(); }
    QStringList withProfile(QStringList args) const
    {
        return args << QStringLiteral("--profile") << profile();
    }

private Q_SLOTS:
    void init() { QFile::remove(m_dir.filePath(QStringLiteral("outpost.ini"))); }

    void addListEditRemove()
    {
        CliRun r = runCli(
            withProfile({"account", "add", "Home (nifty)", "--address", "taro@example.jp",
                         "--pop-host", "pop.example.jp", "--smtp-host", "smtp.example.jp",
                         "--interval", "5", "--pop-security", "tls", "--auth-window", "600"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("home-nifty")), qPrintable(r.out));

        AccountStore store(m_dir.filePath(QStringLiteral("outpost.ini")));
        QString error;
        QVERIFY(store.load(&error));
        QCOMPARE(store.accounts().size(), 1);
        const Account a = store.accounts().first();
        QCOMPARE(a.popPort, quint16(995));           // follows --pop-security tls
        QCOMPARE(a.popUser, QStringLiteral("taro")); // from the address
        QCOMPARE(a.authWindowSeconds, 600);
        QCOMPARE(a.checkIntervalMinutes, 5);

        r = runCli(withProfile({"account", "edit", "home-nifty", "--smtp-security", "starttls",
                                "--smtp-auth", "cram-md5", "--trust-fingerprint",
                                "AA:" + QString(62, QLatin1Char('b'))}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(store.load(&error));
        QCOMPARE(store.accounts().first().smtpPort, quint16(587));
        QCOMPARE(store.accounts().first().smtpAuth, SmtpAuth::CramMd5);
        QCOMPARE(store.accounts().first().trustedFingerprints,
                 QStringList{QStringLiteral("aa") + QString(62, QLatin1Char('b'))});

        r = runCli(withProfile({"account", "list", "--json"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("\"smtpAuth\": \"cram-md5\"")));

        r = runCli(withProfile({"account", "list"}));
        QVERIFY(r.out.contains(QLatin1String("Home (nifty)")));

        r = runCli(withProfile({"account", "remove", "Home (nifty)"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(store.load(&error));
        QVERIFY(store.accounts().isEmpty());
    }

    void imapPortsFollowProtocolAndSecurity()
    {
        CliRun r = runCli(withProfile({"account", "add", "Work", "--address", "hana@example.jp",
                                       "--incoming", "imap", "--pop-host", "imap.example.jp",
                                       "--smtp-host", "smtp.example.jp"}));
        QCOMPARE(r.exitCode, 0);
        AccountStore store(m_dir.filePath(QStringLiteral("outpost.ini")));
        QString error;
        QVERIFY(store.load(&error));
        QCOMPARE(store.accounts().first().incoming, IncomingProtocol::Imap);
        QCOMPARE(store.accounts().first().popPort, quint16(143));
        r = runCli(withProfile({"account", "edit", "Work", "--pop-security", "tls"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(store.load(&error));
        QCOMPARE(store.accounts().first().popPort, quint16(993));
        // Back to POP3: the port follows again; a port given by hand stays.
        r = runCli(withProfile({"account", "edit", "Work", "--incoming", "pop3"}));
        QVERIFY(store.load(&error));
        QCOMPARE(store.accounts().first().incoming, IncomingProtocol::Pop3);
        QCOMPARE(store.accounts().first().popPort, quint16(995));
        r = runCli(
            withProfile({"account", "edit", "Work", "--incoming", "imap", "--pop-port", "10993"}));
        QVERIFY(store.load(&error));
        QCOMPARE(store.accounts().first().popPort, quint16(10993));
        r = runCli(withProfile({"account", "list", "--json"}));
        QVERIFY2(r.out.contains(QLatin1String("\"incoming\": \"imap\"")), qPrintable(r.out));
    }

    void badInputIsAClearUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QStringList base{"account",         "add",           "W",
                               "--address",       "w@example.com", "--pop-host",
                               "pop.example.com", "--smtp-host",   "smtp.example.com"};
        QTest::newRow("bad address")
            << QStringList{"account",    "add",       "W",           "--address", "nope",
                           "--pop-host", "p.example", "--smtp-host", "s.example"}
            << "e-mail address";
        QTest::newRow("bad port") << (base + QStringList{"--smtp-port", "70000"}) << "--smtp-port";
        QTest::newRow("bad security")
            << (base + QStringList{"--pop-security", "ssl"}) << "none|starttls|tls";
        QTest::newRow("bad protocol") << (base + QStringList{"--incoming", "pop4"}) << "pop3|imap";
        QTest::newRow("bad flag") << (base + QStringList{"--pop-before-smtp", "maybe"}) << "on|off";
        QTest::newRow("missing host")
            << QStringList{"account",        "add", "W", "--address", "w@example.com", "--pop-host",
                           "pop.example.com"}
            << "SMTP";
        QTest::newRow("unknown option") << (base + QStringList{"--frobnicate"}) << "frobnicate";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << "Unknown command";
        QTest::newRow("unknown account") << QStringList{"account", "edit", "nobody"} << "nobody";
        QTest::newRow("no ca") << (base + QStringList{"--ca-file", "/nonexistent.pem"})
                               << "--ca-file";
    }
    void badInputIsAClearUsageError()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun r = runCli(withProfile(args));
        QCOMPARE(r.exitCode, int(Cli::UsageError));
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        AccountStore store(m_dir.filePath(QStringLiteral("outpost.ini")));
        QString error;
        QVERIFY(store.load(&error));
        QVERIFY(store.accounts().isEmpty());
    }

    void duplicateNameIsRefused()
    {
        const QStringList add{"account",         "add",           "W",
                              "--address",       "w@example.com", "--pop-host",
                              "pop.example.com", "--smtp-host",   "smtp.example.com"};
        QCOMPARE(runCli(withProfile(add)).exitCode, 0);
        const CliRun again = runCli(withProfile(add));
        QCOMPARE(again.exitCode, int(Cli::UsageError));
        QVERIFY(again.err.contains(QLatin1String("already")));
    }

    void passwordNeedsStdin()
    {
        const CliRun r = runCli(withProfile({"account", "password", "W"}));
        QCOMPARE(r.exitCode, int(Cli::UsageError));
        QVERIFY(r.err.contains(QLatin1String("--password-stdin")));
    }

    void versionAndHelp()
    {
        CliRun r = runCli({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("outpost-cli ")));
        r = runCli({"account", "add", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("--pop-before-smtp")));
    }
};

QTEST_GUILESS_MAIN(TestCliAccounts)
#include "tst_cli_accounts.moc"
