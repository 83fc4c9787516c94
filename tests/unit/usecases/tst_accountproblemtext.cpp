// The account banner's words: what stopped, what waits, when Outpost tries again; sentences
// joined as each language writes them.
#include "usecases/AccountProblemText.h"

#include <QTest>

using namespace Outpost;

class TestAccountProblemText : public QObject
{
    Q_OBJECT

    const QDateTime now = QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC);

    static Account account()
    {
        Account a;
        a.id = QStringLiteral("home");
        a.name = QStringLiteral("Home");
        return a;
    }

private Q_SLOTS:
    void aWorkingAccountHasNoProblem()
    {
        QVERIFY(AccountProblemText::describe(account(), {}, now).isEmpty());
    }

    void anUnreachableServerSaysWhatWaitsAndWhen()
    {
        Scheduler::Status s;
        s.lastError =
            NetError::make(NetError::Transient, QStringLiteral("The server could not be reached."));
        s.nextRetry = now.addSecs(120);
        const AccountProblem p = AccountProblemText::describe(account(), s, now);
        QVERIFY(!p.isEmpty());
        QVERIFY2(p.text.startsWith(QLatin1String("The server could not be reached. Mail for this "
                                                 "account waits in the outbox; nothing is lost. "
                                                 "Outpost tries again")),
                 qPrintable(p.text));
    }

    void noSpaceAfterAJapaneseFullStop()
    {
        // A Japanese sentence (the server's, or a translation's) is followed by the next one
        // without the space English puts between sentences; a space inside a sentence stays.
        Scheduler::Status s;
        s.lastError = NetError::make(NetError::Transient,
                                     QStringLiteral("サーバー mail.example.jp に接続できません。"));
        const AccountProblem p = AccountProblemText::describe(account(), s, now);
        QVERIFY2(p.text.startsWith(QStringLiteral(
                     "サーバー mail.example.jp に接続できません。Mail for this account")),
                 qPrintable(p.text));
    }
};

QTEST_GUILESS_MAIN(TestAccountProblemText)
#include "tst_accountproblemtext.moc"
