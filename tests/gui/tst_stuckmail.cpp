// The stuck-mail alert in the window (the banner with its buttons, the account tree's mark),
// the delivery history in the details pane, and the warning at quit about mail that nothing
// will send. Offscreen, against the in-process sandbox.
#include "AccountTreeModel.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "MessagePreview.h"
#include "StuckMailBar.h"
#include "Translations.h"
#include "message/MessageWriter.h"
#include "schedule/Scheduler.h"
#include "store/CredentialStore.h"
#include "store/OutboxStore.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Outpost;

namespace {

QString queue(OutboxStore &outbox, const QString &subject, const QString &user = "bob")
{
    OutgoingMessage m;
    m.from = MailAddress(QString(), QStringLiteral("alice"), QStringLiteral("example.com"));
    m.to = {MailAddress(QString(), user, QStringLiteral("example.net"))};
    m.subject = subject;
    m.body = QStringLiteral("Text of %1\n").arg(subject);
    return *outbox.queue(m);
}

QString currentId(MainWindow &window)
{
    return window.messageView()->currentIndex().data(MessageListModel::IdRole).toString();
}

} // namespace

class TestStuckMailGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        QLocale::setDefault(english);
        QVERIFY(installTranslations(english));
    }

    void theBannerTellsWhatToDoAndTryAgainSends()
    {
        GuiFixture f(false);
        f.saveAccount();
        QString failed;
        {
            OutboxStore outbox(f.accountDirectory());
            QVERIFY(outbox.open());
            failed = queue(outbox, QStringLiteral("Refused"), QStringLiteral("bobb"));
            QVERIFY(outbox.fail(failed, QStringLiteral("The server refused the recipient "
                                                       "bobb@example.net: User unknown\n550 "
                                                       "5.1.1 <bobb@example.net>: User unknown")));
        }
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-stuck"));
        window.credentials()->rememberForSession(f.account.id, CredentialStore::Server::Incoming,
                                                 QStringLiteral("wonderland"));
        window.show();
        window.selectFolder(f.account.id, MessageListModel::Folder::Inbox);
        // Whatever folder is shown, the account's alert is there.
        StuckMailBar *bar = window.stuckMailBar();
        QVERIFY(!bar->isHidden());
        const QString text = window.stuckMailText();
        QVERIFY2(text.contains(QLatin1String("A message could not be sent")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("to bobb@example.net")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("User unknown")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Check the address")), qPrintable(text));
        // The account's row carries the warning.
        const QModelIndex row = window.accountModel()->accountIndex(f.account.id);
        QVERIFY(!row.data(Qt::DecorationRole).isNull());
        QVERIFY(row.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("A message could not be sent")));
        // It was told once, in the status line too (the last run left it).
        QVERIFY2(window.lastNotice().contains(QLatin1String("could not be sent")),
                 qPrintable(window.lastNotice()));

        // Show message: the Failed folder, the message selected.
        bar->findChild<QPushButton *>(QStringLiteral("stuckMailShow"))->click();
        QCOMPARE(window.messageModel()->folder(), MessageListModel::Folder::Failed);
        QCOMPARE(currentId(window), failed);

        // Try again: back in the queue and sent (the address is fine to the sandbox); the
        // alert and the mark go.
        auto *retry = bar->findChild<QPushButton *>(QStringLiteral("stuckMailRetry"));
        QVERIFY(retry->isVisible());
        retry->click();
        QTRY_COMPARE_WITH_TIMEOUT(f.server.deliveries().size(), 1, 20000);
        QTRY_VERIFY(bar->isHidden());
        QTRY_VERIFY(
            window.accountModel()->accountIndex(f.account.id).data(Qt::DecorationRole).isNull());
        QVERIFY(window.stuckMailText().isEmpty());
    }

    void dismissHidesUntilTheAlertChanges()
    {
        GuiFixture f(false);
        f.saveAccount();
        QString first;
        {
            OutboxStore outbox(f.accountDirectory());
            QVERIFY(outbox.open());
            first = queue(outbox, QStringLiteral("First"));
            QVERIFY(outbox.fail(first, QStringLiteral("x\n554 5.7.1 Relay access denied")));
        }
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-stuck"));
        window.credentials()->rememberForSession(f.account.id, CredentialStore::Server::Incoming,
                                                 QStringLiteral("wonderland"));
        window.show();
        window.selectFolder(f.account.id, MessageListModel::Folder::Outbox);
        StuckMailBar *bar = window.stuckMailBar();
        QVERIFY(!bar->isHidden());
        // Relay refused: the settings are where to look.
        QVERIFY(bar->findChild<QPushButton *>(QStringLiteral("stuckMailSettings"))->isVisible());
        bar->findChild<QPushButton *>(QStringLiteral("stuckMailDismiss"))->click();
        QVERIFY(bar->isHidden());
        window.selectFolder(f.account.id, MessageListModel::Folder::Inbox);
        window.selectFolder(f.account.id, MessageListModel::Folder::Outbox);
        QVERIFY(bar->isHidden()); // the same alert stays dismissed
        // Another message fails: the alert changed, it is back.
        OutboxStore *outbox = window.scheduler()->outbox(f.account.id);
        const QString second = queue(*outbox, QStringLiteral("Second"));
        QVERIFY(outbox->fail(second, QStringLiteral("x\n554 5.7.1 Relay access denied")));
        QTRY_VERIFY(!bar->isHidden());
        QVERIFY(window.stuckMailText().contains(QLatin1String("1 more message")));
        // Dismissed again, then one of the two is dealt with: nothing new, it stays hidden.
        bar->findChild<QPushButton *>(QStringLiteral("stuckMailDismiss"))->click();
        QVERIFY(outbox->remove(first));
        QTRY_COMPARE(bar->alert().messageId, second); // the alert was updated, and
        QVERIFY(bar->isHidden());                     // stays hidden
        QVERIFY(
            !window.accountModel()->accountIndex(f.account.id).data(Qt::DecorationRole).isNull());
    }

    void theDetailsPaneShowsTheDeliveryHistory()
    {
        GuiFixture f(false);
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-stuck"));
        window.credentials()->rememberForSession(f.account.id, CredentialStore::Server::Incoming,
                                                 QStringLiteral("wonderland"));
        window.show();
        OutboxStore *outbox = window.scheduler()->outbox(f.account.id);
        const QString id = queue(*outbox, QStringLiteral("Deferred"));
        SandboxFault fault;
        fault.command = "RCPT";
        fault.reply = "451 4.7.1 Try again later";
        f.server.addFault(fault);
        QSignalSpy finished(window.scheduler(), &Scheduler::cycleFinished);
        window.sendReceive(f.account.id);
        QVERIFY(finished.wait(20000));
        QCOMPARE(outbox->message(id)->state, OutboxState::Deferred);
        window.selectFolder(f.account.id, MessageListModel::Folder::Outbox);
        window.selectRow(0);
        QCOMPARE(currentId(window), id);
        const QString history = window.findChild<MessagePreview *>()->historyText();
        QVERIFY2(history.contains(QLatin1String("after the POP login")), qPrintable(history));
        QVERIFY2(history.contains(QLatin1String("to be tried again (")), qPrintable(history));
        QVERIFY2(history.contains(QLatin1String("bob@example.net: 451 4.7.1 Try again later")),
                 qPrintable(history));
        // A message never tried has none.
        queue(*outbox, QStringLiteral("Fresh"));
        QTRY_COMPARE(window.sortModel()->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            window.selectRow(row);
            if (currentId(window) != id)
                break;
        }
        QVERIFY(currentId(window) != id);
        QVERIFY(window.findChild<MessagePreview *>()->historyText().isEmpty());
    }

    void quittingWithMailNothingWillSendAsks()
    {
        GuiFixture f(false); // the account sends only on Send/Receive; not started at login
        f.saveAccount();
        {
            OutboxStore outbox(f.accountDirectory());
            QVERIFY(outbox.open());
            queue(outbox, QStringLiteral("Left behind"));
        }
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-stuck"));
        window.credentials()->rememberForSession(f.account.id, CredentialStore::Server::Incoming,
                                                 QStringLiteral("wonderland"));
        window.show();
        QVERIFY2(window.unsentAtQuit().contains(
                     QLatin1String("1 message in the outbox will not be sent once Outpost quits")),
                 qPrintable(window.unsentAtQuit()));
        QAction *quit = window.findChild<QAction *>(QStringLiteral("actionQuit"));
        QSignalSpy aboutToQuit(qApp, &QCoreApplication::aboutToQuit);
        // Keep running: nothing quits, the window goes to the tray.
        quit->trigger();
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("quitWarning"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        box->findChild<QPushButton *>(QStringLiteral("quitKeepRunning"))->click();
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("quitWarning")));
        QCoreApplication::processEvents();
        QCOMPARE(aboutToQuit.size(), 0);
        QVERIFY(
            window.scheduler()->outbox(f.account.id)->countDue(QDateTime::currentDateTimeUtc()) ==
            1);

        // Deferred mail counts too: it waits for a retry nothing will make.
        {
            Outpost::OutboxStore *outbox = window.scheduler()->outbox(f.account.id);
            const QString deferred = queue(*outbox, QStringLiteral("Deferred"));
            QVERIFY(outbox->defer(deferred, QDateTime::currentDateTimeUtc().addSecs(600),
                                  QStringLiteral("x\n451 4.3.0 Try again later")));
            QVERIFY2(window.unsentAtQuit().startsWith(QLatin1String("2 messages in the outbox")),
                     qPrintable(window.unsentAtQuit()));
            QVERIFY(outbox->remove(deferred));
        }

        // Send now, then quit: the mail goes out, then Outpost quits.
        QTimer::singleShot(0, &window, [&] {
            quit->trigger();
            auto *again = window.findChild<QMessageBox *>(QStringLiteral("quitWarning"));
            QVERIFY(again);
            again->findChild<QPushButton *>(QStringLiteral("quitSendNow"))->click();
        });
        QCOMPARE(QApplication::exec(), 0);
        QCOMPARE(aboutToQuit.size(), 1);
        QCOMPARE(f.server.deliveries().size(), 1);
        QVERIFY(window.unsentAtQuit().isEmpty());
    }
};

QTEST_MAIN(TestStuckMailGui)
#include "tst_stuckmail.moc"
