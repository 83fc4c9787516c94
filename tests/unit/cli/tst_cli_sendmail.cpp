// outpost-cli sendmail: sendmail's options and exit codes, the message queued as given (Bcc
// removed, From added when missing), and the hand-over to a running program through its relay.
#include "CliRunner.h"

#include "relay/RelayService.h"
#include "schedule/Scheduler.h"
#include "session/Session.h"
#include "store/AccountStore.h"
#include "store/OutboxStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace Outpost;

namespace {

Session::Options writer()
{
    Session::Options o;
    o.programName = QStringLiteral("the test's running program");
    return o; // the default keychain service: the one outpost-cli uses
}

} // namespace

class TestCliSendmail : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString profile() const { return m_dir->path(); }
    CliRun sendmail(QStringList args, const QByteArray &input)
    {
        return runCli(QStringList{"sendmail", "--profile", profile()} + args, input);
    }
    QList<OutboxEntry> queued(const QString &account = QStringLiteral("home"))
    {
        OutboxStore store(Profile(profile()).accountDirectory(account));
        if (!store.open())
            return {};
        return store.messages();
    }
    QByteArray bytes(const OutboxEntry &e)
    {
        QFile file(e.messagePath);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    void addAccount(const QString &name, const QString &address)
    {
        const CliRun r = runCli({"account", "add", name, "--address", address, "--pop-host",
                                 "127.0.0.1", "--smtp-host", "127.0.0.1", "--interval", "0",
                                 "--send-immediately", "off", "--profile", profile()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        addAccount(QStringLiteral("Home"), QStringLiteral("taro@example.jp"));
    }

    void queuesWhatScriptsWrite()
    {
        // PHP's mail() runs "sendmail -t -i"; a dot line is text then.
        const QByteArray message = "To: Hanako <hanako@example.jp>\nCc: jiro@example.jp\n"
                                   "Bcc: secret@example.jp\nSubject: Report\n\nLine\n.\nend\n";
        const CliRun r = sendmail({"-t", "-i"}, message);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out)); // silent, as sendmail is
        const QList<OutboxEntry> entries = queued();
        QCOMPARE(entries.size(), 1);
        const OutboxEntry &e = entries.first();
        QCOMPARE(e.envelope.sender, QStringLiteral("taro@example.jp")); // the only account's
        QCOMPARE(e.envelope.recipients, QStringList({QStringLiteral("hanako@example.jp"),
                                                     QStringLiteral("jiro@example.jp"),
                                                     QStringLiteral("secret@example.jp")}));
        QCOMPARE(e.envelope.origin, QStringLiteral("outpost-cli sendmail"));
        const QByteArray data = bytes(e);
        QVERIFY(!data.contains("Bcc"));
        QVERIFY(!data.contains("secret@example.jp"));
        QVERIFY(data.contains("\r\nFrom: <taro@example.jp>\r\n"));
        QVERIFY(data.contains("Date: "));
        QVERIFY(data.endsWith("\r\n\r\nLine\r\n.\r\nend\r\n"));
    }

    void startedAsSendmailItIsSendmail()
    {
        // A symlink named sendmail: argv[0] chooses the command.
        CliRun run;
        QTextStream out(&run.out);
        QTextStream err(&run.err);
        QBuffer input;
        input.setData("Subject: via the symlink\n\nx\n");
        input.open(QIODevice::ReadOnly);
        Cli cli(out, err);
        cli.setStandardInput(&input);
        QSignalSpy finished(&cli, &Cli::finished);
        cli.start({QStringLiteral("/usr/local/sbin/sendmail"), QStringLiteral("--profile"),
                   profile(), QStringLiteral("-oi"), QStringLiteral("hanako@example.jp")});
        QVERIFY(!finished.isEmpty() || finished.wait(30000));
        QCOMPARE(finished.first().first().toInt(), 0);
        QCOMPARE(queued().size(), 1);
    }

    void withoutDashIADotEndsTheMessage()
    {
        const CliRun r = sendmail({"hanako@example.jp"}, "Subject: x\n\nkept\n.\nnot kept\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(bytes(queued().first()).endsWith("\r\n\r\nkept\r\n"));
    }

    void senderAndNameOptions()
    {
        addAccount(QStringLiteral("Work"), QStringLiteral("taro@work.example"));
        // -f attached, as PHP's fifth mail() argument passes it; it chooses the account.
        CliRun r = sendmail({"-ftaro@work.example", "-F", "Yamada Taro", "hanako@example.jp"},
                            "Subject: x\n\nbody\n");
        QCOMPARE(r.exitCode, 0);
        const QList<OutboxEntry> work = queued(QStringLiteral("work"));
        QCOMPARE(work.size(), 1);
        QCOMPARE(work.first().envelope.sender, QStringLiteral("taro@work.example"));
        QVERIFY(bytes(work.first()).contains("\r\nFrom: Yamada Taro <taro@work.example>\r\n"));
        // The From field picks the account too.
        r = sendmail({"-t"}, "From: taro@example.jp\nTo: a@example.jp\n\nx\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(queued().size(), 1);
        // Two accounts and a sender that is neither: the user must choose.
        r = sendmail({"-t"}, "From: root@localhost.example\nTo: a@example.jp\n\nx\n");
        QCOMPARE(r.exitCode, 67);
        QVERIFY(r.err.contains(QLatin1String("--account")));
        r = sendmail({"-t", "--account", "Work"},
                     "From: root@host.example\nTo: a@example.jp\n\nx\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(queued(QStringLiteral("work")).last().envelope.sender,
                 QStringLiteral("taro@work.example"));
    }

    void exitCodesFollowSysexits_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("code");
        QTest::newRow("no recipients") << QStringList{} << QByteArray("Subject: x\n\nx\n") << 64;
        QTest::newRow("unknown option")
            << QStringList{"-q1h", "a@example.jp"} << QByteArray("x\n") << 64;
        QTest::newRow("bad recipient")
            << QStringList{"not an address"} << QByteArray("Subject: x\n\nx\n") << 67;
        QTest::newRow("unreadable To")
            << QStringList{"-t"} << QByteArray("To: <broken\n\nx\n") << 65;
        QTest::newRow("empty message") << QStringList{"a@example.jp"} << QByteArray("") << 65;
        QTest::newRow("unknown account")
            << QStringList{"--account", "Nope", "a@example.jp"} << QByteArray("x\n") << 78;
    }

    void exitCodesFollowSysexits()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, code);
        const CliRun r = sendmail(args, input);
        QCOMPARE(r.exitCode, code);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(queued().isEmpty());
    }

    void handsOverToTheRunningProgram()
    {
        // The running program (here: a session in this process) holds the profile and serves
        // the relay; sendmail gives the message to it.
        Session running(profile(), writer());
        QVERIFY(!running.open().isError());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        RelaySettings settings;
        settings.enabled = true;
        settings.port = probe.serverPort();
        probe.close();
        QString error;
        QVERIFY(running.relay()->saveSettings(settings, &error));
        QSignalSpy started(running.relay(), &RelayService::started);
        running.relay()->start();
        QVERIFY(started.wait(10000));
        QVERIFY2(running.relay()->isListening(), qPrintable(running.relay()->problem()));

        const CliRun r = sendmail({"-t"}, "To: hanako@example.jp\nSubject: handed over\n\nhi\n");
        QCOMPARE(r.exitCode, 0);
        const QList<OutboxEntry> entries =
            running.scheduler()->outbox(QStringLiteral("home"))->messages();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().envelope.recipients,
                 QStringList{QStringLiteral("hanako@example.jp")});
        QCOMPARE(entries.first().envelope.origin, QStringLiteral("outpost-cli.localhost"));

        // "queue" hands over the same way, Bcc in the envelope only.
        const CliRun q =
            runCli({"queue", "Home", "--to", "hanako@example.jp", "--bcc", "boss@example.jp",
                    "--subject", "queued", "--body", "text", "--profile", profile()});
        QCOMPARE(q.exitCode, 0);
        QVERIFY2(q.out.contains(QLatin1String("Handed to the Outpost program")), qPrintable(q.out));
        const QList<OutboxEntry> after =
            running.scheduler()->outbox(QStringLiteral("home"))->messages();
        QCOMPARE(after.size(), 2);
        QCOMPARE(
            after.last().envelope.recipients,
            QStringList({QStringLiteral("hanako@example.jp"), QStringLiteral("boss@example.jp")}));
        QVERIFY(!bytes(after.last()).contains("boss@example.jp"));

        // "queue --at" too: the time travels with it (HOLDUNTIL, RFC 4865).
        const QString typed =
            QDateTime::currentDateTime().addDays(1).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        const CliRun later =
            runCli({"queue", "Home", "--to", "hanako@example.jp", "--subject", "later", "--body",
                    "text", "--at", typed, "--profile", profile()});
        QCOMPARE(later.exitCode, 0);
        QVERIFY2(later.out.contains(QLatin1String("Handed to the Outpost program")),
                 qPrintable(later.out));
        const QList<OutboxEntry> planned =
            running.scheduler()->outbox(QStringLiteral("home"))->messages();
        QCOMPARE(planned.size(), 3);
        QCOMPARE(planned.last().notBefore,
                 QDateTime::fromString(typed, QStringLiteral("yyyy-MM-dd HH:mm")).toUTC());
        QVERIFY(planned.last().dateAtSend);

        // "send-receive" asks the running program to run the cycle and prints its result
        // (here no password is stored for the account: the cycle reports that).
        QVERIFY(!running.scheduler()->status(QStringLiteral("home")).lastCycleEnd.isValid());
        const CliRun sr = runCli({"send-receive", "Home", "--json", "--profile", profile()});
        QCOMPARE(sr.exitCode, 1);
        QVERIFY(running.scheduler()->status(QStringLiteral("home")).lastCycleEnd.isValid());
        const QJsonArray results = QJsonDocument::fromJson(sr.out.toUtf8()).array();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().toObject().value(QStringLiteral("account")).toString(),
                 QStringLiteral("home"));
        QCOMPARE(results.first().toObject().value(QStringLiteral("errorKind")).toString(),
                 QStringLiteral("authentication"));
        QVERIFY(!results.first().toObject().value(QStringLiteral("error")).toString().isEmpty());

        // Its relay off: a clear error and "try again later", nothing lost on either side.
        settings.enabled = false;
        QVERIFY(running.relay()->saveSettings(settings, &error));
        const CliRun off = sendmail({"-t"}, "To: hanako@example.jp\n\nsecond\n");
        QCOMPARE(off.exitCode, 75);
        QVERIFY2(off.err.contains(QLatin1String("relay is off")), qPrintable(off.err));
        QVERIFY(off.err.contains(QLatin1String("the test's running program")));
        QCOMPARE(running.scheduler()->outbox(QStringLiteral("home"))->messages().size(), 3);
        const CliRun srOff = runCli({"send-receive", "Home", "--profile", profile()});
        QCOMPARE(srOff.exitCode, 2);
        QVERIFY2(srOff.err.contains(QLatin1String("relay is off")), qPrintable(srOff.err));
    }
};

QTEST_GUILESS_MAIN(TestCliSendmail)
#include "tst_cli_sendmail.moc"
