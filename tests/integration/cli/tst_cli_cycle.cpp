// outpost-cli queue / send-receive / outbox against the in-process sandbox: exit codes,
// what it prints, and a message caught by a kill after its data went out.
#include "CliRunner.h"
#include "Wine.h"

#include "message/MessageWriter.h"
#include "sandbox/SandboxServer.h"
#include "session/Session.h"
#include "store/OutboxStore.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

using namespace Outpost;

class TestCliCycle : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SandboxServer m_server;
    int m_profiles = 0;

    QStringList profileArgs(const QString &profile) const
    {
        return {QStringLiteral("--profile"), profile};
    }

    /// A fresh profile with an account "sb" on the sandbox and its password stored.
    QString newProfile()
    {
        const QString profile = m_dir.filePath(QStringLiteral("p%1").arg(++m_profiles));
        const CliRun add = runCli(
            QStringList{"account", "add", "sb", "--address", "alice@example.com", "--pop-host",
                        "127.0.0.1", "--pop-port", QString::number(m_server.popPort()),
                        "--pop-user", "alice", "--smtp-host", "127.0.0.1", "--smtp-port",
                        QString::number(m_server.smtpPort()), "--interval", "0"} +
            profileArgs(profile));
        if (add.exitCode != 0)
            qFatal("account add failed");
        if (runCli(QStringList{"account", "password", "sb", "--password-stdin"} +
                       profileArgs(profile),
                   "wonderland\n")
                .exitCode != 0)
            qFatal("account password failed");
        return profile;
    }

    QString queue(const QString &profile, const QString &to = QStringLiteral("bob@example.net"))
    {
        const CliRun r = runCli(
            QStringList{"queue", "sb", "--to", to, "--subject", "Hello", "--body", "Hello Bob."} +
            profileArgs(profile));
        if (r.exitCode != 0)
            qFatal("queue failed");
        return r.out.trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server.addUser("alice", "wonderland");
        QVERIFY(m_server.listen());
    }

    void aSecondWriterIsToldWhoHasTheProfile()
    {
        const QString profile = newProfile();
        Session::Options options;
        options.programName = QStringLiteral("the Outpost window");
        Session window(profile, options);
        QVERIFY(!window.open().isError());

        const CliRun refused = runCli(QStringList{"queue", "sb", "--to", "bob@example.net",
                                                  "--subject", "Hi", "--body", "Hi."} +
                                      profileArgs(profile));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("the Outpost window")),
                 qPrintable(refused.err));
        QVERIFY(refused.err.contains(QLatin1String("nothing was changed")));
        // With its relay off, the message cannot be handed to it either: the way out is said.
        QVERIFY(refused.err.contains(QLatin1String("local relay is off")));
        // Listing is reading: it works beside the writer.
        QCOMPARE(runCli(QStringList{"outbox", "sb"} + profileArgs(profile)).exitCode, 0);
        QCOMPARE(runCli(QStringList{"account", "list"} + profileArgs(profile)).exitCode, 0);
    }

    void theRecoveryReportIsPrinted()
    {
        const QString profile = newProfile();
        const CliRun list = runCli(QStringList{"account", "list", "--json"} + profileArgs(profile));
        const QString id = QJsonDocument::fromJson(list.out.toUtf8())
                               .array()
                               .first()
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        {
            // A run that stopped after a message's data went out, before the server's reply.
            OutboxStore outbox(Profile(profile).accountDirectory(id));
            QVERIFY(outbox.open());
            OutgoingMessage m;
            m.from = MailAddress(QString(), QStringLiteral("alice"), QStringLiteral("example.com"));
            m.to = {MailAddress(QString(), QStringLiteral("bob"), QStringLiteral("example.net"))};
            m.subject = QStringLiteral("Interrupted");
            m.body = QStringLiteral("x\n");
            const QString queued = *outbox.queue(m);
            QVERIFY(outbox.markSending(queued));
            QVERIFY(outbox.markDataComplete(queued));
            QVERIFY(outbox.commit());
        }
        const CliRun r = runCli(QStringList{"queue", "sb", "--to", "bob@example.net", "--subject",
                                            "Next", "--body", "Next."} +
                                profileArgs(profile));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("may have been sent before Outpost stopped")),
                 qPrintable(r.err));
    }

    void init() { m_server.clearFaults(); }

    void queueThenSendReceive()
    {
        const QString profile = newProfile();
        const QString id = queue(profile);
        QVERIFY(!id.isEmpty());
        const int before = int(m_server.deliveries().size());
        const CliRun r = runCli(QStringList{"send-receive", "sb"} + profileArgs(profile));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("sent 1")), qPrintable(r.out));
        QCOMPARE(m_server.deliveries().size(), before + 1);

        const CliRun outbox =
            runCli(QStringList{"outbox", "sb", "--all", "--json"} + profileArgs(profile));
        const QJsonArray list = QJsonDocument::fromJson(outbox.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first()[QLatin1String("id")].toString(), id);
        QCOMPARE(list.first()[QLatin1String("state")].toString(), QStringLiteral("sent"));
        // Its delivery history: one attempt, after the POP login, accepted for its recipient.
        const QJsonArray attempts =
            list.first()[QLatin1String("history")][QLatin1String("attempts")].toArray();
        QCOMPARE(attempts.size(), 1);
        const QJsonObject attempt = attempts.first().toObject();
        QCOMPARE(attempt[QLatin1String("outcome")].toString(), QStringLiteral("sent"));
        QVERIFY(!attempt[QLatin1String("login")].toString().isEmpty());
        QVERIFY(attempt[QLatin1String("reply")].toString().startsWith(QLatin1String("250")));
        QCOMPARE(attempt[QLatin1String("rcpt")][0][QLatin1String("ok")].toBool(), true);
    }

    void deferralExitsWithOne()
    {
        const QString profile = newProfile();
        queue(profile);
        SandboxFault fault;
        fault.command = "RCPT";
        fault.reply = "451 4.3.0 Try again later";
        m_server.addFault(fault);
        const CliRun r = runCli(QStringList{"send-receive", "sb", "--json"} + profileArgs(profile));
        QCOMPARE(r.exitCode, int(Cli::MailNotSent));
        const QJsonObject result =
            QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
        QCOMPARE(result[QLatin1String("deferred")].toInt(), 1);
        const CliRun outbox = runCli(QStringList{"outbox", "sb"} + profileArgs(profile));
        QVERIFY2(outbox.out.contains(QLatin1String("Will retry ")), qPrintable(outbox.out));
        QVERIFY(outbox.out.contains(QLatin1String("451")));
    }

    void aFailedMessageIsMarkedWithWhatToDo()
    {
        const QString profile = newProfile();
        const QString bad = queue(profile, QStringLiteral("nobody@example.net"));
        const QString good = queue(profile);
        SandboxFault fault;
        fault.command = "RCPT";
        fault.reply = "550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown";
        m_server.addFault(fault);
        const CliRun r = runCli(QStringList{"send-receive", "sb"} + profileArgs(profile));
        QCOMPARE(r.exitCode, int(Cli::MailNotSent));
        QVERIFY2(r.out.contains(QLatin1String("sent 1")), qPrintable(r.out)); // not held up
        const CliRun outbox = runCli(QStringList{"outbox", "sb"} + profileArgs(profile));
        QCOMPARE(outbox.exitCode, 0);
        QVERIFY2(outbox.out.contains(QLatin1String("! A message could not be sent")),
                 qPrintable(outbox.out));
        QVERIFY2(outbox.out.contains(QLatin1String("User unknown")), qPrintable(outbox.out));
        QVERIFY2(outbox.out.contains(QLatin1String("Check the address")), qPrintable(outbox.out));
        QVERIFY2(outbox.out.contains(QLatin1String("! ") + bad), qPrintable(outbox.out));
        const QJsonArray list =
            QJsonDocument::fromJson(
                runCli(QStringList{"outbox", "sb", "--json"} + profileArgs(profile)).out.toUtf8())
                .array();
        QCOMPARE(list.size(), 1); // the sent one is in the Sent folder
        QCOMPARE(list.first()[QLatin1String("id")].toString(), bad);
        QCOMPARE(list.first()[QLatin1String("stuck")].toBool(), true);
        Q_UNUSED(good)
    }

    void queueLaterKeepsTheMessageUntilItsTime()
    {
        const QString profile = newProfile();
        const QStringList message = {"queue",     "sb",    "--to",   "bob@example.net",
                                     "--subject", "Later", "--body", "Later."};
        // A time that has passed, and text that is no time: clear errors, nothing queued.
        CliRun r = runCli(message + QStringList{"--at", "2000-01-01 09:00"} + profileArgs(profile));
        QCOMPARE(r.exitCode, int(Cli::UsageError));
        QVERIFY2(r.err.contains(QLatin1String("has already passed")), qPrintable(r.err));
        r = runCli(message + QStringList{"--at", "next tuesday-ish"} + profileArgs(profile));
        QCOMPARE(r.exitCode, int(Cli::UsageError));
        QVERIFY2(r.err.contains(QLatin1String("is not a time")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("2026-12-24 09:00")));
        QCOMPARE(
            QJsonDocument::fromJson(
                runCli(QStringList{"outbox", "sb", "--json"} + profileArgs(profile)).out.toUtf8())
                .array()
                .size(),
            0);

        // Local time, to the minute, as people type it.
        const QDateTime when = QDateTime::currentDateTime().addSecs(2 * 3600);
        const QString typed = when.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        r = runCli(message + QStringList{"--at", typed} + profileArgs(profile));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("It will be sent")), qPrintable(r.out));
        const QJsonObject listed =
            QJsonDocument::fromJson(
                runCli(QStringList{"outbox", "sb", "--json"} + profileArgs(profile)).out.toUtf8())
                .array()
                .first()
                .toObject();
        QCOMPARE(QDateTime::fromString(listed[QLatin1String("notBefore")].toString(), Qt::ISODate),
                 QDateTime::fromString(typed, QStringLiteral("yyyy-MM-dd HH:mm")).toUTC());
        const CliRun outbox = runCli(QStringList{"outbox", "sb"} + profileArgs(profile));
        QVERIFY2(outbox.out.contains(QLatin1String("To be sent")), qPrintable(outbox.out));
        // Send/Receive before its time: received, not sent.
        const int delivered = int(m_server.deliveries().size());
        r = runCli(QStringList{"send-receive", "sb"} + profileArgs(profile));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(int(m_server.deliveries().size()), delivered);
        QCOMPARE(
            QJsonDocument::fromJson(
                runCli(QStringList{"outbox", "sb", "--json"} + profileArgs(profile)).out.toUtf8())
                .array()
                .size(),
            1);
    }

    void badQueueLosesNothing()
    {
        const QString profile = newProfile();
        const QString id = queue(profile);
        CliRun r = runCli(QStringList{"queue", "sb", "--subject", "x", "--body", "y"} +
                          profileArgs(profile));
        QCOMPARE(r.exitCode, int(Cli::UsageError));
        QVERIFY(r.err.contains(QLatin1String("recipient")));
        r = runCli(
            QStringList{"queue", "sb", "--to", "not an address", "--subject", "x", "--body", "y"} +
            profileArgs(profile));
        QCOMPARE(r.exitCode, int(Cli::UsageError));
        QVERIFY2(r.err.contains(QLatin1String("--to")), qPrintable(r.err));
        r = runCli(QStringList{"queue", "sb", "/nonexistent/message.eml"} + profileArgs(profile));
        QCOMPARE(r.exitCode, int(Cli::UsageError));
        const CliRun outbox = runCli(QStringList{"outbox", "sb", "--json"} + profileArgs(profile));
        const QJsonArray list = QJsonDocument::fromJson(outbox.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first()[QLatin1String("id")].toString(), id);
    }

    void runCyclesAtStartupAndStopsOnSigterm()
    {
        // Windows has no SIGTERM (QProcess::terminate() posts WM_CLOSE, which a console program
        // never receives): there the stop is Ctrl+C, sent with GenerateConsoleCtrlEvent.
        const QString profile = newProfile();
        QCOMPARE(runCli(QStringList{"account", "edit", "sb", "--check-at-startup", "on",
                                    "--interval", "30"} +
                        profileArgs(profile))
                     .exitCode,
                 0);
        queue(profile, QStringLiteral("run@example.net"));
        // A second message the server refuses: the run tells about it once, with what to do.
        queue(profile, QStringLiteral("nobody@example.net"));
        SandboxFault fault;
        fault.command = "RCPT";
        fault.occurrence = 2;
        fault.reply = "550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown";
        m_server.addFault(fault);
        QProcess cli;
#ifdef Q_OS_WIN
        // Ctrl+C reaches the processes of a console: outpost-cli shares this test's (QProcess
        // would give it a console of its own when this one has no window), in a process group
        // of its own so that the test is not stopped too. A new group starts with Ctrl+C
        // switched off: StopSignal switches it on again.
        if (!GetConsoleWindow()) {
            // Under Wine (and with no console at all) a console of the test's own.
            FreeConsole();
            QVERIFY(AllocConsole());
        }
        cli.setCreateProcessArgumentsModifier([](QProcess::CreateProcessArguments *args) {
            args->flags &= ~DWORD(CREATE_NO_WINDOW);
            args->flags |= CREATE_NEW_PROCESS_GROUP;
        });
#endif
        cli.start(QStringLiteral(OUTPOST_CLI_PATH), QStringList{"run"} + profileArgs(profile));
        QVERIFY(cli.waitForStarted());
        auto delivered = [&] {
            for (const SandboxDelivery &d : m_server.deliveries())
                if (d.recipients.contains("run@example.net"))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(delivered(), 20000);
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += cli.readAllStandardOutput()).contains("next check at"),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT((out += cli.readAllStandardOutput()).contains("what to do:"),
                                 20000);
#ifdef Q_OS_WIN
        // Windows delivers CTRL_BREAK_EVENT to a process group (CTRL_C_EVENT only to a whole
        // console); Wine 8.0 fails CTRL_BREAK_EVENT with ERROR_INVALID_HANDLE but delivers
        // CTRL_C_EVENT to the group. StopSignal takes both.
        const DWORD group = DWORD(cli.processId());
        if (!GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, group)) {
            const DWORD error = GetLastError();
            QVERIFY2(Wine::running(), qPrintable(QString::number(error)));
            QVERIFY2(GenerateConsoleCtrlEvent(CTRL_C_EVENT, group),
                     qPrintable(QString::number(GetLastError())));
        }
#else
        cli.terminate(); // SIGTERM: stop cleanly
#endif
        QVERIFY(cli.waitForFinished(20000));
        out += cli.readAllStandardOutput();
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY2(out.contains("send/receive started"), out.constData());
        QVERIFY2(out.contains("sent 1"), out.constData());
        QVERIFY2(out.contains("failed 1"), out.constData());
        QCOMPARE(out.count("attention: \xe2\x80\x9cHello\xe2\x80\x9d to nobody@example.net failed"),
                 1);
        QVERIFY2(out.contains("what to do: Check the address"), out.constData());
        QVERIFY2(out.contains("Stopping."), out.constData());
    }

    void killAfterTheDataLeavesMayHaveBeenSent()
    {
        const QString profile = newProfile();
        const QString id = queue(profile);
        SandboxFault fault;
        fault.command = "DATAEND";
        fault.action = SandboxFault::Silence; // the reply never comes
        m_server.addFault(fault);

        QProcess cli;
        cli.start(QStringLiteral(OUTPOST_CLI_PATH),
                  QStringList{"send-receive", "sb"} + profileArgs(profile));
        QVERIFY(cli.waitForStarted());
        // Wait until the journal says the whole message went out, then kill without mercy.
        const QString journal = profile + QStringLiteral("/accounts/sb/outbox.journal");
        auto dataComplete = [&] {
            QFile f(journal);
            if (!f.open(QIODevice::ReadOnly))
                return false;
            for (const QByteArray &line : f.readAll().split('\n'))
                if (line.contains(id.toLatin1()) && line.contains("\"dataComplete\":true"))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(dataComplete(), 20000);
        cli.kill();
        QVERIFY(cli.waitForFinished());

        const CliRun outbox = runCli(QStringList{"outbox", "sb", "--json"} + profileArgs(profile));
        const QJsonArray list = QJsonDocument::fromJson(outbox.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first()[QLatin1String("state")].toString(),
                 OutboxStore::stateName(OutboxState::MayHaveBeenSent));
        // Not sent again on its own. The fault stays: the in-process sandbox may read the
        // killed session's end of data only while the next command runs (seen under Wine), and
        // must then silence it as the first DATAEND rather than record it as a delivery; a
        // message sent again would be the second, and delivered.
        const int before = int(m_server.deliveries().size());
        const CliRun again = runCli(QStringList{"send-receive", "sb"} + profileArgs(profile));
        QCOMPARE(m_server.deliveries().size(), before);
        QVERIFY2(again.out.contains(QLatin1String("sent 0")), qPrintable(again.out));
    }
};

QTEST_GUILESS_MAIN(TestCliCycle)
#include "tst_cli_cycle.moc"
