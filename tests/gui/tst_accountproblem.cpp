// An account that stops working says so in the window: a banner with what happened and the
// fitting action (Enter password…, Try again), one notification per failure, and the reason
// on each waiting message of its outbox; a waiting message can be corrected without going out
// twice. Offscreen, against the in-process sandbox.
#include "AccountProblemBar.h"
#include "ComposeWindow.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "MessagePreview.h"
#include "Translations.h"
#include "message/MessageWriter.h"
#include "schedule/Scheduler.h"
#include "store/CredentialStore.h"
#include "store/OutboxStore.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTcpServer>
#include <QTest>
#include <QTreeView>

using namespace Outpost;

namespace {

QString queue(OutboxStore &outbox, const QString &subject)
{
    OutgoingMessage m;
    m.from = MailAddress(QString(), QStringLiteral("alice"), QStringLiteral("example.com"));
    m.to = {MailAddress(QString(), QStringLiteral("bob"), QStringLiteral("example.net"))};
    m.subject = subject;
    m.body = QStringLiteral("Text of %1\n").arg(subject);
    return *outbox.queue(m);
}

QString stateOfRow(MainWindow &window, int row)
{
    return window.messageModel()->index(row, MessageListModel::StateColumn).data().toString();
}

QPushButton *button(AccountProblemBar *bar, const char *name)
{
    return bar->findChild<QPushButton *>(QLatin1String(name));
}

/// A port on this machine where nothing listens (taken from the system, then let go).
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        qFatal("no port");
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestAccountProblem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        QLocale::setDefault(english);
        QVERIFY(installTranslations(english));
    }

    void aRefusedPasswordIsEnteredAgainFromTheBanner()
    {
        GuiFixture f(false);
        f.saveAccount();
        {
            OutboxStore outbox(f.accountDirectory());
            QVERIFY(outbox.open());
            queue(outbox, QStringLiteral("Minutes"));
        }
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-problem"));
        window.credentials()->rememberForSession(f.account.id, CredentialStore::Server::Incoming,
                                                 QStringLiteral("wrong"));
        window.show();
        window.selectFolder(f.account.id, MessageListModel::Folder::Outbox);
        AccountProblemBar *bar = window.accountProblemBar();
        QVERIFY(bar->isHidden());
        // Manual only: the message says what it waits for.
        QCOMPARE(stateOfRow(window, 0), QStringLiteral("Waiting for you to press Send/Receive"));

        QSignalSpy cycles(window.scheduler(), &Scheduler::cycleFinished);
        window.sendReceive(f.account.id);
        QVERIFY(cycles.wait(20000));
        QTRY_VERIFY(!bar->isHidden());
        const QString text = bar->text();
        QVERIFY2(text.contains(QStringLiteral("The server refused the password for “Home”")),
                 qPrintable(text));
        QVERIFY(button(bar, "accountProblemPassword")->isVisible());
        QVERIFY(button(bar, "accountProblemSettings")->isVisible());
        QVERIFY(!button(bar, "accountProblemRetry")->isVisible());
        // The reason on the message in the outbox list, and in its history.
        QCOMPARE(stateOfRow(window, 0),
                 QStringLiteral("Waiting: the server refused the password — enter it again"));
        window.selectRow(0);
        const QString history = window.findChild<MessagePreview *>()->historyText();
        QVERIFY2(history.contains(QStringLiteral(
                     "Now: Waiting: the server refused the password — enter it again")),
                 qPrintable(history));
        // Told once in a notification, not again when it fails the same way.
        const QString title = QStringLiteral("The server refused the password for “Home”");
        QCOMPARE(window.notified().count(title), 1);
        window.sendReceive(f.account.id);
        QVERIFY(cycles.wait(20000));
        QCOMPARE(window.notified().count(title), 1);

        // Enter password… asks for it; the right one ends the pause at once and the mail goes.
        button(bar, "accountProblemPassword")->click();
        QInputDialog *prompt = nullptr;
        QTRY_VERIFY((prompt = window.findChild<QInputDialog *>(QStringLiteral("passwordPrompt"))));
        prompt->setTextValue(QStringLiteral("wonderland"));
        prompt->accept();
        QTRY_COMPARE_WITH_TIMEOUT(f.server.deliveries().size(), 1, 20000);
        QTRY_VERIFY(bar->isHidden());
        QVERIFY(window.scheduler()->outbox(f.account.id)->messages().isEmpty());
        // Kept in the keychain in place of the refused one, for the next start too.
        window.credentials()->forgetSession(f.account.id, CredentialStore::Server::Incoming);
        Outpost::CredentialJob *job =
            window.credentials()->read(f.account.id, CredentialStore::Server::Incoming);
        QSignalSpy read(job, &Outpost::CredentialJob::finished);
        QVERIFY(read.wait(10000));
        const auto result = read.first().at(0).value<Outpost::CredentialResult>();
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(result.password == QStringLiteral("wonderland")); // compared, never printed
    }

    void anUnreachableServerOffersTryAgain()
    {
        GuiFixture f(false);
        f.account.popPort = closedPort();
        f.account.smtpPort = f.account.popPort;
        f.saveAccount();
        {
            OutboxStore outbox(f.accountDirectory());
            QVERIFY(outbox.open());
            queue(outbox, QStringLiteral("Minutes"));
        }
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-problem"));
        window.credentials()->rememberForSession(f.account.id, CredentialStore::Server::Incoming,
                                                 QStringLiteral("wonderland"));
        window.show();
        window.selectFolder(f.account.id, MessageListModel::Folder::Outbox);
        QSignalSpy cycles(window.scheduler(), &Scheduler::cycleFinished);
        window.sendReceive(f.account.id);
        QVERIFY(cycles.wait(20000));
        AccountProblemBar *bar = window.accountProblemBar();
        QTRY_VERIFY(!bar->isHidden());
        QVERIFY2(bar->text().contains(QLatin1String("could not be reached")),
                 qPrintable(bar->text()));
        QVERIFY(!button(bar, "accountProblemPassword")->isVisible());
        QVERIFY(button(bar, "accountProblemRetry")->isVisible());
        QVERIFY(button(bar, "accountProblemSettings")->isVisible());
        QVERIFY2(stateOfRow(window, 0).startsWith(
                     QStringLiteral("Waiting: the server could not be reached — next try at ")),
                 qPrintable(stateOfRow(window, 0)));
        // Try again runs a cycle now.
        button(bar, "accountProblemRetry")->click();
        QVERIFY(cycles.wait(20000));
        QVERIFY(!bar->isHidden());
    }

    void aWaitingMessageIsCorrectedWithoutGoingTwice()
    {
        GuiFixture f(false);
        f.saveAccount();
        {
            OutboxStore outbox(f.accountDirectory());
            QVERIFY(outbox.open());
            queue(outbox, QStringLiteral("Draft-ish"));
        }
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-problem"));
        window.credentials()->rememberForSession(f.account.id, CredentialStore::Server::Incoming,
                                                 QStringLiteral("wonderland"));
        window.show();
        window.selectFolder(f.account.id, MessageListModel::Folder::Outbox);
        window.selectRow(0);
        auto *edit = window.findChild<QAction *>(QStringLiteral("actionEdit"));
        QVERIFY(edit->isEnabled());
        edit->trigger();
        auto *compose = window.findChild<ComposeWindow *>();
        QVERIFY(compose);
        // A cycle while it is being corrected leaves it alone.
        QSignalSpy cycles(window.scheduler(), &Scheduler::cycleFinished);
        window.sendReceive(f.account.id);
        QVERIFY(cycles.wait(20000));
        QCOMPARE(f.server.deliveries().size(), 0);
        QCOMPARE(window.scheduler()->outbox(f.account.id)->messages().size(), 1);
        // The correction replaces it and goes once.
        ComposeWindow::Content c = compose->content();
        QCOMPARE(c.subject, QStringLiteral("Draft-ish"));
        QVERIFY(compose->send());
        QCOMPARE(window.scheduler()->outbox(f.account.id)->messages().size(), 1);
        window.sendReceive(f.account.id);
        QTRY_COMPARE_WITH_TIMEOUT(f.server.deliveries().size(), 1, 20000);
        QTRY_VERIFY(window.scheduler()->outbox(f.account.id)->messages().isEmpty());
        QTRY_VERIFY(!window.scheduler()->isBusy());
        QCOMPARE(f.server.deliveries().size(), 1);
    }
};

QTEST_MAIN(TestAccountProblem)
#include "tst_accountproblem.moc"
