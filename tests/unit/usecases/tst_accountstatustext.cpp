// The status sentence of an account, the same whatever window shows it.
#include "usecases/AccountStatusText.h"

#include <QLocale>
#include <QTest>

using namespace Outpost;

namespace {

Account popBeforeSmtp()
{
    Account a;
    a.id = QStringLiteral("home");
    a.name = QStringLiteral("Home");
    a.popBeforeSmtp = true;
    return a;
}

const QDateTime now = QDateTime(QDate(2026, 12, 2), QTime(9, 30), Qt::UTC);

} // namespace

class TestAccountStatusText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleSaysWhatWaitsAndWhen()
    {
        Scheduler::Status s;
        AccountStatusText::Facts facts;
        facts.now = now;
        QCOMPARE(AccountStatusText::describe(popBeforeSmtp(), s, facts),
                 QStringLiteral("Logs in over POP before each send · Checks only when you press "
                                "Send/Receive"));
        // A window open by the configured length alone is a guess: no countdown.
        s.windowClosesAt = now.addSecs(102);
        facts.waiting = 2;
        QCOMPARE(AccountStatusText::describe(popBeforeSmtp(), s, facts),
                 QStringLiteral("2 messages waiting · Logs in over POP before each send · Checks "
                                "only when you press Send/Receive"));
        // Learned (or measured): the countdown.
        s.learnedWindowSeconds = 120;
        s.nextCheck = now.addSecs(600);
        facts.waiting = 2;
        QCOMPARE(
            AccountStatusText::describe(popBeforeSmtp(), s, facts),
            QStringLiteral("Relay window open for 1:42 · 2 messages waiting · Next check at %1")
                .arg(QLocale().toString(s.nextCheck.toLocalTime().time(), QLocale::ShortFormat)));
        // Mail to be sent later is told apart from mail waiting for the next check.
        facts.planned = 1;
        QCOMPARE(
            AccountStatusText::describe(popBeforeSmtp(), s, facts),
            QStringLiteral("Relay window open for 1:42 · 1 message waiting · 1 message to be sent "
                           "later · Next check at %1")
                .arg(QLocale().toString(s.nextCheck.toLocalTime().time(), QLocale::ShortFormat)));
        facts.planned = 2;
        s.windowClosesAt = {};
        QCOMPARE(
            AccountStatusText::describe(popBeforeSmtp(), s, facts),
            QStringLiteral("2 messages to be sent later · Next check at %1")
                .arg(QLocale().toString(s.nextCheck.toLocalTime().time(), QLocale::ShortFormat)));
        facts.planned = 0;
        facts.waiting = 1;
        facts.offline = true;
        QCOMPARE(AccountStatusText::describe(popBeforeSmtp(), s, facts),
                 QStringLiteral("Offline — 1 message waiting"));
    }

    void runningAndPausedComeFirst()
    {
        Scheduler::Status s;
        s.running = true;
        s.phase = Cycle::Phase::Sending;
        s.done = 1;
        s.total = 3;
        QCOMPARE(AccountStatusText::describe(popBeforeSmtp(), s, {}),
                 QStringLiteral("Sending 2 of 3"));
        s.running = false;
        s.lastError = NetError::make(NetError::Authentication, QStringLiteral("Wrong password."));
        QCOMPARE(AccountStatusText::describe(popBeforeSmtp(), s, {}),
                 QStringLiteral("Paused: Wrong password."));
    }
};

QTEST_GUILESS_MAIN(TestAccountStatusText)
#include "tst_accountstatustext.moc"
