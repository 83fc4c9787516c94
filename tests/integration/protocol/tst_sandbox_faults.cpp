// Fault injection: the clients against a sandbox that answers wrongly, slowly, or not at all.
#include "SandboxFixture.h"
#include "Wine.h"

#include <QSignalSpy>
#include <QTest>

using namespace Outpost;
using namespace SandboxFixture;

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void chosenReplyAtRcpt();
    void chosenReplyAfterData();
    void greetingRefused();
    void disconnectMidData_data();
    void disconnectMidData();
    void disconnectMidRetr();
    void disconnectAtQuitDeletesNothing();
    void silenceTimesOut();
    void silenceAfterDataHangsTheSession();
    void delayBeyondTimeout();
    void slowRepliesStillWork();

private:
    struct SmtpRun
    {
        QList<SmtpResult> results;
        NetError session;
        int sessionSignals = 0;
    };
    SmtpRun runSmtp(const QList<QByteArray> &bodies, int commandTimeoutMs = 5000);

    SandboxServer *m_server = nullptr;
};

void TestSandboxFaults::initTestCase()
{
    qRegisterMetaType<NetError>();
    qRegisterMetaType<SmtpResult>();
}

void TestSandboxFaults::init()
{
    m_server = new SandboxServer(this);
    setUp(*m_server);
    m_server->settings().popBeforeSmtp = false;
    QVERIFY(m_server->listen());
}

void TestSandboxFaults::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

TestSandboxFaults::SmtpRun TestSandboxFaults::runSmtp(const QList<QByteArray> &bodies,
                                                      int commandTimeoutMs)
{
    SmtpSettings settings = smtpSettings(*m_server);
    settings.connection.commandTimeoutMs = commandTimeoutMs;
    SmtpClient smtp;
    smtp.setSettings(settings);
    QSignalSpy finished(&smtp, &SmtpClient::messageFinished);
    QSignalSpy session(&smtp, &SmtpClient::sessionFinished);
    smtp.open();
    for (const QByteArray &body : bodies)
        smtp.send(message(this, body));
    smtp.quit();
    SmtpRun run;
    if (!session.wait(5000))
        return run;
    for (const auto &args : std::as_const(finished))
        run.results << args.at(0).value<SmtpResult>();
    run.session = session.at(0).at(0).value<NetError>();
    run.sessionSignals = static_cast<int>(session.count());
    return run;
}

void TestSandboxFaults::chosenReplyAtRcpt()
{
    m_server->addFault({SandboxFault::Smtp, "RCPT", 1, SandboxFault::Reply,
                        "451 4.3.0 Temporary lookup failure", 0, 0});
    const SmtpRun run = runSmtp({"one\r\n", "two\r\n"});
    QCOMPARE(run.results.size(), 2);
    QCOMPARE(run.results[0].error.kind, NetError::Transient);
    QCOMPARE(run.results[0].error.replyCode, 451);
    QVERIFY(run.results[1].sent);
    QVERIFY(!run.session.isError());
    QCOMPARE(m_server->deliveries().size(), 1);
    QCOMPARE(m_server->deliveries().at(0).data, QByteArray("two\r\n"));
}

void TestSandboxFaults::chosenReplyAfterData()
{
    m_server->addFault({SandboxFault::Smtp, "DATAEND", 1, SandboxFault::Reply,
                        "554 5.7.1 Message rejected as spam", 0, 0});
    const SmtpRun run = runSmtp({"one\r\n"});
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results[0].error.kind, NetError::Permanent);
    QVERIFY(run.results[0].dataWritten);
    QVERIFY(m_server->deliveries().isEmpty());
}

void TestSandboxFaults::greetingRefused()
{
    m_server->addFault({SandboxFault::Smtp, "GREETING", 0, SandboxFault::Reply,
                        "554 5.7.1 No SMTP service here", 0, 0});
    const SmtpRun run = runSmtp({"one\r\n"});
    QCOMPARE(run.session.kind, NetError::Permanent);
    QCOMPARE(run.sessionSignals, 1);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results[0].error.kind, NetError::Permanent);
}

void TestSandboxFaults::disconnectMidData_data()
{
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<bool>("chunking");
    QTest::newRow("DATA") << QByteArray("DATA") << false;
    QTest::newRow("BDAT") << QByteArray("BDAT") << true;
}

void TestSandboxFaults::disconnectMidData()
{
    QFETCH(QByteArray, command);
    QFETCH(bool, chunking);
    if (chunking && Wine::running())
        QSKIP("Wine 8.0 does not report a connection reset that arrives while Qt's dispatcher "
              "has the socket deselected (tests/wine/wsa_fdclose.cpp shows it without Qt): in "
              "about half the runs the client learns of the drop only by its command timeout");
    m_server->settings().chunking = chunking;
    m_server->addFault(
        {SandboxFault::Smtp, command, 1, SandboxFault::DisconnectMidData, {}, 0, 4096});
    QByteArray big;
    for (int i = 0; i < 4000; ++i)
        big += "a line of the message body, number " + QByteArray::number(i) + "\r\n";
    const SmtpRun run = runSmtp({big});
    QCOMPARE(run.session.kind, NetError::Network);
    QCOMPARE(run.sessionSignals, 1);
    QCOMPARE(run.results.size(), 1);
    QVERIFY(!run.results[0].sent);
    QCOMPARE(run.results[0].error.kind, NetError::Network);
    QVERIFY(m_server->deliveries().isEmpty());
}

void TestSandboxFaults::disconnectMidRetr()
{
    QByteArray big;
    for (int i = 0; i < 1000; ++i)
        big += "line " + QByteArray::number(i) + "\r\n";
    m_server->addMessage("alice", big);
    m_server->addFault(
        {SandboxFault::Pop3, "RETR", 1, SandboxFault::DisconnectMidData, {}, 0, 500});
    Pop3Client pop;
    pop.setSettings(popSettings(*m_server));
    QSignalSpy retrieved(&pop, &Pop3Client::messageRetrieved);
    QSignalSpy finished(&pop, &Pop3Client::finished);
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    pop.open();
    pop.retrieve(1, &sink);
    pop.remove(1);
    pop.quit();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<NetError>().kind, NetError::Network);
    QCOMPARE(retrieved.count(), 0);
    QCOMPARE(m_server->mailboxSize("alice"), 1);
}

void TestSandboxFaults::disconnectAtQuitDeletesNothing()
{
    m_server->addMessage("alice", "Subject: keep me\r\n\r\nx\r\n");
    m_server->addFault({SandboxFault::Pop3, "QUIT", 1, SandboxFault::Disconnect, {}, 0, 0});
    Pop3Client pop;
    pop.setSettings(popSettings(*m_server));
    QSignalSpy marked(&pop, &Pop3Client::markedForDeletion);
    QSignalSpy committed(&pop, &Pop3Client::deletionsCommitted);
    QSignalSpy finished(&pop, &Pop3Client::finished);
    pop.open();
    pop.remove(1);
    pop.quit();
    QVERIFY(finished.wait(5000));
    QCOMPARE(marked.count(), 1);
    QCOMPARE(committed.count(), 0);
    QCOMPARE(finished.at(0).at(0).value<NetError>().kind, NetError::Network);
    QCOMPARE(m_server->mailboxSize("alice"), 1);
}

void TestSandboxFaults::silenceAfterDataHangsTheSession()
{
    // The QUIT pipelined behind the last data must not be answered either: a hung server
    // hangs. Otherwise the client would see the connection end cleanly, not time out.
    m_server->addFault({SandboxFault::Smtp, "DATAEND", 1, SandboxFault::Silence, {}, 0, 0});
    const SmtpRun run = runSmtp({"one\r\n"}, 300);
    QCOMPARE(run.results.size(), 1);
    QVERIFY(!run.results[0].sent);
    QVERIFY(run.results[0].dataWritten);
    QCOMPARE(run.results[0].error.kind, NetError::Timeout);
    QCOMPARE(run.session.kind, NetError::Timeout);
}

void TestSandboxFaults::silenceTimesOut()
{
    m_server->addFault({SandboxFault::Smtp, "EHLO", 1, SandboxFault::Silence, {}, 0, 0});
    const SmtpRun run = runSmtp({"one\r\n"}, 300);
    QCOMPARE(run.session.kind, NetError::Timeout);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results[0].error.kind, NetError::Timeout);

    m_server->addMessage("alice", "x\r\n");
    m_server->addFault({SandboxFault::Pop3, "RETR", 1, SandboxFault::Silence, {}, 0, 0});
    Pop3Settings settings = popSettings(*m_server);
    settings.connection.commandTimeoutMs = 300;
    Pop3Client pop;
    pop.setSettings(settings);
    QSignalSpy finished(&pop, &Pop3Client::finished);
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    pop.open();
    pop.retrieve(1, &sink);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).value<NetError>().kind, NetError::Timeout);
}

void TestSandboxFaults::delayBeyondTimeout()
{
    m_server->addFault({SandboxFault::Smtp, "EHLO", 1, SandboxFault::Delay, {}, 2000, 0});
    const SmtpRun run = runSmtp({"one\r\n"}, 300);
    QCOMPARE(run.session.kind, NetError::Timeout);
}

void TestSandboxFaults::slowRepliesStillWork()
{
    m_server->settings().replyDelayMs = 30;
    const SmtpRun run = runSmtp({"one\r\n", "two\r\n"}, 1000);
    QVERIFY2(!run.session.isError(), qPrintable(run.session.message));
    QCOMPARE(run.results.size(), 2);
    QVERIFY(run.results[0].sent && run.results[1].sent);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandbox_faults.moc"
