// The application session: one writer per profile, readers beside it, the accounts' stores
// opened with it, and the recovery report of an interrupted run in people's words.
#include "message/MessageWriter.h"
#include "schedule/Scheduler.h"
#include "session/Session.h"
#include "store/OutboxStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {

Session::Options options(Session::Access access, const QString &name)
{
    Session::Options o;
    o.access = access;
    o.keychainService = QStringLiteral("outpost-tests");
    o.programName = name;
    return o;
}

Account account(const QString &id, const QString &name)
{
    Account a;
    a.id = id;
    a.name = name;
    a.address = QStringLiteral("taro@example.jp");
    a.popHost = a.smtpHost = QStringLiteral("127.0.0.1");
    a.popUser = QStringLiteral("taro");
    return a;
}

OutgoingMessage message(const QString &subject)
{
    OutgoingMessage m;
    m.from = MailAddress(QString(), QStringLiteral("taro"), QStringLiteral("example.jp"));
    m.to = {MailAddress(QString(), QStringLiteral("hanako"), QStringLiteral("example.jp"))};
    m.subject = subject;
    m.body = QStringLiteral("Hello.\n");
    return m;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneWriterAtATime()
    {
        QTemporaryDir dir;
        Session first(dir.path(),
                      options(Session::Access::Write, QStringLiteral("outpost-cli run")));
        QVERIFY(!first.open().isError());

        Session second(dir.path(), options(Session::Access::Write, QStringLiteral("the window")));
        const SessionError refused = second.open();
        QCOMPARE(refused.kind, SessionError::Locked);
        QCOMPARE(refused.otherProcess, QCoreApplication::applicationPid());
        QVERIFY2(refused.message.contains(QLatin1String("outpost-cli run")),
                 qPrintable(refused.message));
        QVERIFY(refused.message.contains(QString::number(QCoreApplication::applicationPid())));

        // A reader opens beside the writer.
        Session reader(dir.path(), options(Session::Access::Read, QStringLiteral("lister")));
        QVERIFY(!reader.open().isError());
        QVERIFY(reader.isReadOnly());
    }

    void theLockGoesWithTheSession()
    {
        QTemporaryDir dir;
        {
            Session first(dir.path(), options(Session::Access::Write, QStringLiteral("a")));
            QVERIFY(!first.open().isError());
        }
        Session next(dir.path(), options(Session::Access::Write, QStringLiteral("b")));
        QVERIFY(!next.open().isError());
    }

    void opensTheAccountsAndTheirStores()
    {
        QTemporaryDir dir;
        {
            Session setup(dir.path(), options(Session::Access::Write, QStringLiteral("setup")));
            QVERIFY(!setup.open().isError());
            QString error;
            QVERIFY(setup.accounts()->add(account(QStringLiteral("home"), QStringLiteral("Home")),
                                          &error));
            QVERIFY(setup.accounts()->save(&error));
        }
        Session session(dir.path(), options(Session::Access::Write, QStringLiteral("test")));
        QVERIFY(!session.open().isError());
        QCOMPARE(session.scheduler()->accounts().size(), 1);
        QVERIFY(session.scheduler()->outbox(QStringLiteral("home")));
        QVERIFY(session.recoveryReport().isEmpty()); // nothing was interrupted
    }

    void recoveryReportInPeoplesWords()
    {
        // A run stopped while two messages were on the wire: one whose data had all gone
        // out (it may have been sent) and one before the end of its data (queued again).
        QTemporaryDir dir;
        {
            Session setup(dir.path(), options(Session::Access::Write, QStringLiteral("setup")));
            QVERIFY(!setup.open().isError());
            QString error;
            QVERIFY(setup.accounts()->add(account(QStringLiteral("home"), QStringLiteral("Home")),
                                          &error));
            QVERIFY(setup.accounts()->save(&error));
        }
        {
            OutboxStore outbox(Profile(dir.path()).accountDirectory(QStringLiteral("home")));
            QVERIFY(outbox.open());
            const QString whole = *outbox.queue(message(QStringLiteral("Whole")));
            const QString half = *outbox.queue(message(QStringLiteral("Half")));
            QVERIFY(outbox.markSending(whole));
            QVERIFY(outbox.markDataComplete(whole));
            QVERIFY(outbox.markSending(half));
            QVERIFY(outbox.commit());
            // ... and the program stops here, before the server's replies.
        }
        Session session(dir.path(), options(Session::Access::Write, QStringLiteral("test")));
        QVERIFY(!session.open().isError());
        const QStringList report = session.recoveryReport();
        QCOMPARE(report.size(), 2);
        // (Without the English plural forms loaded, %n reads "message(s)".)
        QVERIFY2(report.at(0).startsWith(QLatin1String("Home: 1 message")),
                 qPrintable(report.join(QLatin1Char('\n'))));
        QVERIFY(report.at(0).contains(QLatin1String("may have been sent before Outpost stopped")));
        QVERIFY(report.at(0).contains(QLatin1String("check with the recipients")));
        QVERIFY(report.at(1).startsWith(QLatin1String("Home: 1 message")));
        QVERIFY(report.at(1).contains(QLatin1String("interrupted before they went out")));
    }

    void aProfileThatCannotBeMadeIsAClearError()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("taken")));
        QVERIFY(file.open(QIODevice::WriteOnly)); // a file where the folder should be
        file.close();
        Session session(file.fileName(), options(Session::Access::Write, QStringLiteral("t")));
        const SessionError error = session.open();
        QCOMPARE(error.kind, SessionError::Storage);
        QVERIFY(!error.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
