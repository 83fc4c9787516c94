// "Try the sandbox" without a window: the steps come in order, each told in words, and the
// demo message ends in the Sent folder.
#include "sandbox/SandboxServer.h"
#include "schedule/Scheduler.h"
#include "session/Session.h"
#include "store/OutboxStore.h"
#include "usecases/SandboxTour.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

class TestSandboxTour : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsInOrder()
    {
        QTemporaryDir dir;
        Session::Options options;
        options.keychainService = QStringLiteral("outpost-tests");
        Session session(dir.path(), options);
        QVERIFY(!session.open().isError());
        SandboxTour tour(session.scheduler(), session.credentials(), session.clock());
        QCOMPARE(tour.step(), SandboxTour::Step::NotStarted);
        QString error;
        const std::optional<Account> account = tour.startServer(&error);
        QVERIFY2(account, qPrintable(error));
        QCOMPARE(account->id, SandboxTour::accountId());
        QVERIFY(tour.server());
        StoreError opened;
        QVERIFY(session.scheduler()->setAccounts({*account}, &opened));
        QObject::connect(session.scheduler(), &Scheduler::cycleFinished, &tour,
                         [&tour](const QString &, const CycleResult &r) { tour.cycleFinished(r); });

        QStringList told;
        QObject::connect(&tour, &SandboxTour::narration,
                         [&told](const QString &text) { told << text; });
        // The conversation in the same order as the window's log shows it.
        QObject::connect(&tour, &SandboxTour::transcript,
                         [&told](const QString &line) { told << line; });
        QObject::connect(session.scheduler(), &Scheduler::transcript,
                         [&told](const QString &, const QString &line) { told << line; });
        QSignalSpy finished(&tour, &SandboxTour::finished);
        QSignalSpy problems(&tour, &SandboxTour::problem);
        tour.run();
        QCOMPARE(tour.step(), SandboxTour::Step::PlainSend);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(tour.step(), SandboxTour::Step::Done);
        QVERIFY(problems.isEmpty());

        auto at = [&told](const char *words) {
            for (int i = 0; i < told.size(); ++i)
                if (told.at(i).contains(QLatin1String(words)))
                    return i;
            return -1;
        };
        // The refusal of a plain send, then Outpost's cycle: POP login, the delivery, done.
        QVERIFY(at("Step 1") >= 0);
        QVERIFY2(at("The server refused") > at("Step 1"), qPrintable(told.join('\n')));
        QVERIFY(at("Step 2") > at("The server refused"));
        QVERIFY(at("logged in over POP first") > at("Step 2"));
        QVERIFY(at("accepted the message") > at("logged in over POP first"));
        QVERIFY(at("Step 3: done") > at("accepted the message"));
        // Each of the server's moves is told after the reply it describes, not above it.
        QVERIFY2(at("The server refused") > at("S: 554 5.7.1"), qPrintable(told.join('\n')));
        QVERIFY2(at("logged in over POP first") > at("S: +OK"), qPrintable(told.join('\n')));
        const int accepted = at("accepted the message");
        QVERIFY2(accepted > 0 && told.at(accepted - 1).contains(QLatin1String("S: 250")),
                 qPrintable(told.join('\n')));
        QVERIFY(account->name.contains(QLatin1String("until Outpost quits")));
        QCOMPARE(session.scheduler()->outbox(account->id)->sentMessages().size(), 1);
        QCOMPARE(tour.server()->deliveries().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSandboxTour)
#include "tst_sandboxtour.moc"
