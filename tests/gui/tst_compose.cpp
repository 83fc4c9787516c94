#include "AccountTreeModel.h"
#include "ComposeWindow.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "ProtocolLogWindow.h"
#include "SendLaterDialog.h"
#include "Translations.h"
#include "UndoSendBar.h"
#include "schedule/Scheduler.h"
#include "store/CredentialStore.h"
#include "store/OutboxStore.h"
#include "usecases/AddressBook.h"
#include "usecases/DraftStore.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using Outpost::ComposeWindow;
using Outpost::MainWindow;

namespace {
QString keychainService()
{
    return QStringLiteral("OutpostTest-compose");
}
} // namespace

class TestCompose : public QObject
{
    Q_OBJECT

private:
    static void fill(ComposeWindow *compose, const QString &to, const QString &subject)
    {
        compose->findChild<QLineEdit *>(QStringLiteral("composeTo"))->setText(to);
        compose->findChild<QLineEdit *>(QStringLiteral("composeSubject"))->setText(subject);
        compose->findChild<QPlainTextEdit *>(QStringLiteral("composeBody"))
            ->setPlainText(QStringLiteral("こんにちは、ボブさん。\n"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // As the program starts: English, with its plural forms ("1 new message").
        QVERIFY(Outpost::installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)));
    }

    void composeQueueCycleSent()
    {
        GuiFixture f(true);
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, keychainService());
        window.credentials()->rememberForSession(
            f.account.id, Outpost::CredentialStore::Server::Incoming, QStringLiteral("wonderland"));
        window.show();
        QCOMPARE(window.accountModel()->rowCount(), 1);
        QVERIFY(!window.showsWelcome());
        QAbstractItemModelTester tester(window.sortModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        ComposeWindow *compose = window.newMessage();
        QSignalSpy queued(compose, &ComposeWindow::queued);
        QSignalSpy delivered(&f.server, &Outpost::SandboxServer::delivered);
        fill(compose, QStringLiteral("Bob <bob@example.net>"), QStringLiteral("日本語の件名"));
        compose->findChild<QPushButton *>(QStringLiteral("composeSend"))->click();
        QCOMPARE(queued.count(), 1);
        QVERIFY(queued.first().at(2).toString().contains(QLatin1String("sends it now")));

        Outpost::OutboxStore *outbox = window.scheduler()->outbox(f.account.id);
        QTRY_COMPARE_WITH_TIMEOUT(outbox->sentMessages().size(), 1, 20000);
        QCOMPARE(delivered.count(), 1);
        QCOMPARE(outbox->messages().size(), 0);
        QVERIFY(f.server.deliveries().first().recipients.contains("bob@example.net"));
        // The protocol log shows the live conversation, password masked.
        window.protocolLog()->selectAccount(f.account.id);
        QVERIFY(window.protocolLog()->text().contains(QLatin1String("POP3 C:")));
        QVERIFY(window.protocolLog()->text().contains(
            QLatin1String("SMTP C: RCPT TO:<bob@example.net>")));
        QVERIFY(!window.protocolLog()->text().contains(QLatin1String("wonderland")));
        window.protocolLog()->copyAll();
        QCOMPARE(QGuiApplication::clipboard()->text(), window.protocolLog()->text());

        // Nothing learned of the window yet: the status line says what Outpost does, with no
        // countdown of the configured guess.
        QTRY_VERIFY2(window.statusText(f.account.id)
                         .contains(QLatin1String("Logs in over POP before each send")),
                     qPrintable(window.statusText(f.account.id)));
        QVERIFY(!window.statusText(f.account.id).contains(QLatin1String("Relay window open")));
        // Once measured, it counts down the window the POP login opened.
        QVERIFY(window.scheduler()->recordMeasuredWindow(f.account.id, 90, 120));
        QTRY_VERIFY2(
            window.statusText(f.account.id).startsWith(QLatin1String("Relay window open for")),
            qPrintable(window.statusText(f.account.id)));
        QVERIFY(window.statusText(f.account.id).contains(QLatin1String("Send/Receive")));

        // The Sent folder lists it, and the preview shows the decoded Japanese text.
        window.selectFolder(f.account.id, Outpost::MessageListModel::Folder::Sent);
        QCOMPARE(window.messageModel()->rowCount(), 1);
        window.selectRow(0);
        QVERIFY(window.previewText().contains(QStringLiteral("こんにちは、ボブさん。")));
        auto *header = window.findChild<QLabel *>(QStringLiteral("previewHeader"));
        QVERIFY(header && !header->isHidden());
        // No row selected (the current row stays): no message in the preview, and no empty
        // header standing as a band above it.
        window.messageView()->selectionModel()->clearSelection();
        QVERIFY(window.messageView()->currentIndex().isValid());
        QCOMPARE(window.previewText(), QString());
        QVERIFY(header->isHidden());
        window.selectRow(0);
        QVERIFY(window.previewText().contains(QStringLiteral("こんにちは、ボブさん。")));
        QCOMPARE(window.messageModel()
                     ->index(0, Outpost::MessageListModel::SubjectColumn)
                     .data()
                     .toString(),
                 QStringLiteral("日本語の件名"));
        QTRY_VERIFY(window.accountModel()
                        ->index(2, 0, window.accountModel()->index(0, 0))
                        .data()
                        .toString()
                        .contains(QLatin1String("(1)")));

        // The address is remembered for completion next time.
        ComposeWindow *next = window.newMessage();
        auto *to = next->findChild<QLineEdit *>(QStringLiteral("composeTo"));
        QVERIFY(to);
        QVERIFY(to->findChild<QCompleter *>());
        QVERIFY(to->findChild<QCompleter *>()
                    ->model()
                    ->match(to->findChild<QCompleter *>()->model()->index(0, 0), Qt::DisplayRole,
                            QStringLiteral("bob@example.net"), 1, Qt::MatchContains)
                    .size() == 1);
        next->setAttribute(Qt::WA_DeleteOnClose, false);
        delete next;
    }

    void sendLaterPlansTheMessage()
    {
        GuiFixture f(true);
        f.saveAccount(); // sends immediately
        MainWindow window(f.profile(), nullptr, keychainService());
        window.credentials()->rememberForSession(
            f.account.id, Outpost::CredentialStore::Server::Incoming, QStringLiteral("wonderland"));
        window.show();
        ComposeWindow *compose = window.newMessage();
        QSignalSpy queued(compose, &ComposeWindow::queued);
        fill(compose, QStringLiteral("bob@example.net"), QStringLiteral("Monday"));
        compose->findChild<QPushButton *>(QStringLiteral("composeSendLater"))->click();
        auto *dialog = compose->findChild<Outpost::SendLaterDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(queued.count(), 0);
        // A time gone by cannot be chosen, and says why.
        dialog->setChosen(QDateTime::currentDateTime().addSecs(-60));
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("sendLaterOk"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("sendLaterProblem"))
                    ->text()
                    .contains(QLatin1String("already passed")));
        // "Monday morning": 8:00 on the next Monday, local time.
        dialog->findChild<QPushButton *>(QStringLiteral("sendLaterChoice2"))->click();
        const QDateTime monday = dialog->chosen().toLocalTime();
        QCOMPARE(monday.date().dayOfWeek(), 1);
        QCOMPARE(monday.time(), QTime(8, 0));
        QVERIFY(monday > QDateTime::currentDateTime());
        QVERIFY(ok->isEnabled());
        ok->click();
        QCOMPARE(queued.count(), 1);
        QVERIFY2(queued.first().at(2).toString().contains(QLatin1String("will be sent")),
                 qPrintable(queued.first().at(2).toString()));
        Outpost::OutboxStore *outbox = window.scheduler()->outbox(f.account.id);
        const QList<Outpost::OutboxEntry> waiting = outbox->messages();
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.first().notBefore, monday.toUTC());
        // "Send immediately" does not send a planned message.
        QCoreApplication::processEvents();
        QCOMPARE(f.server.deliveries().size(), 0);
        QCOMPARE(outbox->message(waiting.first().id)->state, Outpost::OutboxState::Queued);
    }

    void undoSendBringsTheMessageBack()
    {
        GuiFixture f(true);
        f.saveAccount(); // sends immediately
        {
            QSettings gui(f.profile() + QStringLiteral("/gui.ini"), QSettings::IniFormat);
            gui.setValue(QStringLiteral("undoSendSeconds"), 30);
        }
        const QString attachment = f.profile() + QStringLiteral("/figures.csv");
        {
            QFile file(attachment);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("month,sales\n12,345\n");
        }
        MainWindow window(f.profile(), nullptr, keychainService());
        window.credentials()->rememberForSession(
            f.account.id, Outpost::CredentialStore::Server::Incoming, QStringLiteral("wonderland"));
        window.show();
        ComposeWindow *compose = window.newMessage();
        fill(compose, QStringLiteral("Bob <bob@example.net>"), QStringLiteral("取り消すメール"));
        compose->addAttachment(attachment);
        const ComposeWindow::Content written = compose->content();
        compose->findChild<QPushButton *>(QStringLiteral("composeSend"))->click();
        Outpost::OutboxStore *outbox = window.scheduler()->outbox(f.account.id);
        QCOMPARE(outbox->messages().size(), 1);
        QVERIFY(outbox->messages().first().held);
        auto *bar = window.findChild<Outpost::UndoSendBar *>();
        QVERIFY(bar && bar->isOffering());
        QVERIFY(bar->findChild<QLabel *>(QStringLiteral("undoSendText"))
                    ->text()
                    .contains(QStringLiteral("取り消すメール")));
        bar->findChild<QPushButton *>(QStringLiteral("undoSendButton"))->click();
        // Nothing left to send, nothing sent, and the message back in a window as written.
        QVERIFY2(outbox->messages().isEmpty(), qPrintable(window.lastNotice()));
        QVERIFY(!bar->isOffering());
        QCOMPARE(f.server.deliveries().size(), 0);
        ComposeWindow *back = nullptr;
        for (ComposeWindow *w : window.findChildren<ComposeWindow *>())
            if (w != compose && w->isVisible())
                back = w;
        QVERIFY(back);
        const ComposeWindow::Content restored = back->content();
        QCOMPARE(restored.to, QStringLiteral("Bob <bob@example.net>"));
        QCOMPARE(restored.subject, written.subject);
        QCOMPARE(restored.body, written.body);
        QCOMPARE(restored.attachments.size(), 1);
        QCOMPARE(QFileInfo(restored.attachments.first()).fileName(), QStringLiteral("figures.csv"));
        QFile copy(restored.attachments.first());
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), QByteArray("month,sales\n12,345\n"));
        // Sent again: held again, the copy of the attachment in the new message.
        back->findChild<QPushButton *>(QStringLiteral("composeSend"))->click();
        QCOMPARE(outbox->messages().size(), 1);
        QVERIFY(outbox->messages().first().held);
        QVERIFY(bar->isOffering());
    }

    void missingPasswordIsAskedFor()
    {
        GuiFixture f(true);
        f.saveAccount();
        MainWindow window(
            f.profile(), nullptr,
            QStringLiteral("OutpostTest-none-%1").arg(QCoreApplication::applicationPid()));
        window.show();
        window.sendReceiveAll();
        QInputDialog *prompt = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (prompt = window.findChild<QInputDialog *>(QStringLiteral("passwordPrompt"))), 20000);
        QTRY_VERIFY(prompt->isVisible());
        QVERIFY(prompt->labelText().contains(QLatin1String("alice")));
        QSignalSpy finished(window.scheduler(), &Outpost::Scheduler::cycleFinished);
        prompt->setTextValue(QStringLiteral("wonderland"));
        prompt->accept();
        QTRY_VERIFY_WITH_TIMEOUT(
            !finished.isEmpty() &&
                !finished.last().at(1).value<Outpost::CycleResult>().accountError.isError(),
            20000);
        QVERIFY(!window.statusText(f.account.id).startsWith(QLatin1String("Paused")));
    }

    void statusFollowsTheCycle()
    {
        GuiFixture f(false);
        f.server.settings().replyDelayMs = 150; // slow replies: every phase is visible
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, keychainService());
        window.credentials()->rememberForSession(
            f.account.id, Outpost::CredentialStore::Server::Incoming, QStringLiteral("wonderland"));
        for (const QString &subject : {QStringLiteral("One"), QStringLiteral("Two")}) {
            ComposeWindow *compose = window.newMessage();
            fill(compose, QStringLiteral("bob@example.net"), subject);
            QVERIFY(compose->send());
        }
        // Counted after the outbox's change signals settle (a short debounce).
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusText(f.account.id).startsWith(QLatin1String("2 messages waiting")), 5000);
        // Idle, nothing counts down: no timer wakes the program.
        auto *statusTimer = window.findChild<QTimer *>(QStringLiteral("statusTimer"));
        QVERIFY(statusTimer);
        QVERIFY(!statusTimer->isActive());
        QSignalSpy finished(window.scheduler(), &Outpost::Scheduler::cycleFinished);
        window.sendReceive(f.account.id);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusText(f.account.id), QStringLiteral("Receiving…"),
                                  10000);
        QVERIFY(statusTimer->isActive()); // the line follows the cycle
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusText(f.account.id).startsWith(QLatin1String("Sending ")) &&
                window.statusText(f.account.id).endsWith(QLatin1String(" of 2")),
            20000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(f.server.deliveries().size(), 2);
    }

    void wrongPasswordPausesTheQueue()
    {
        GuiFixture f(true);
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, keychainService());
        window.credentials()->rememberForSession(
            f.account.id, Outpost::CredentialStore::Server::Incoming, QStringLiteral("wrong"));
        QSignalSpy finished(window.scheduler(), &Outpost::Scheduler::cycleFinished);
        ComposeWindow *compose = window.newMessage();
        fill(compose, QStringLiteral("bob@example.net"), QStringLiteral("Hi"));
        QVERIFY(compose->send());
        QVERIFY(finished.wait(20000));
        QVERIFY2(window.statusText(f.account.id).startsWith(QLatin1String("Paused: ")),
                 qPrintable(window.statusText(f.account.id)));
        QCOMPARE(f.server.deliveries().size(), 0);
        // The message still waits, in people's words.
        window.selectFolder(f.account.id, Outpost::MessageListModel::Folder::Outbox);
        QCOMPARE(window.messageModel()->rowCount(), 1);
        QVERIFY(window.messageModel()
                    ->index(0, Outpost::MessageListModel::StateColumn)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("Waiting")));
    }

    void notificationsForNewMailAndFailure()
    {
        GuiFixture f(true);
        f.saveAccount();
        f.server.addMessage("alice", "From: Bob <bob@example.net>\r\nSubject: Hi\r\n\r\nHello\r\n");
        MainWindow window(f.profile(), nullptr, keychainService());
        window.credentials()->rememberForSession(
            f.account.id, Outpost::CredentialStore::Server::Incoming, QStringLiteral("wonderland"));
        QSignalSpy finished(window.scheduler(), &Outpost::Scheduler::cycleFinished);
        window.sendReceiveAll();
        QVERIFY(finished.wait(20000));
        QCOMPARE(window.lastNotice(), QStringLiteral("Home: 1 new message"));
        window.selectFolder(f.account.id, Outpost::MessageListModel::Folder::Inbox);
        QCOMPARE(window.messageModel()->rowCount(), 1);

        Outpost::SandboxFault refuse;
        refuse.command = "RCPT";
        refuse.reply = "550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown";
        f.server.addFault(refuse);
        ComposeWindow *compose = window.newMessage();
        fill(compose, QStringLiteral("nobody@example.net"), QStringLiteral("Lost"));
        QVERIFY(compose->send());
        QVERIFY(finished.wait(20000));
        QVERIFY2(window.lastNotice().contains(QLatin1String("could not be sent")),
                 qPrintable(window.lastNotice()));
        window.selectFolder(f.account.id, Outpost::MessageListModel::Folder::Failed);
        QCOMPARE(window.messageModel()->rowCount(), 1);
        QVERIFY(window.messageModel()
                    ->index(0, Outpost::MessageListModel::StateColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("User unknown")));
    }

    void invalidAddressIsMarkedAndNothingQueued()
    {
        GuiFixture f(false);
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, keychainService());
        ComposeWindow *compose = window.newMessage();
        fill(compose, QStringLiteral("bob@example.net, carol@@example.org"), QStringLiteral("Hi"));
        QVERIFY(!compose->send());
        auto *to = compose->findChild<QLineEdit *>(QStringLiteral("composeTo"));
        QVERIFY(!to->styleSheet().isEmpty());
        QVERIFY(!to->toolTip().isEmpty());
        QVERIFY(compose->notice().contains(QLatin1String("To")));
        QVERIFY(compose->isVisible());
        QCOMPARE(window.scheduler()->outbox(f.account.id)->messages().size(), 0);
        // Nothing typed is lost.
        QCOMPARE(compose->content().subject, QStringLiteral("Hi"));

        // Without "send immediately" the window says it waits for Send/Receive.
        to->setText(QStringLiteral("bob@example.net"));
        QSignalSpy queued(compose, &ComposeWindow::queued);
        QVERIFY(compose->send());
        QCOMPARE(queued.count(), 1);
        QVERIFY(queued.first().at(2).toString().contains(QLatin1String("Send/Receive")));
        QCOMPARE(window.scheduler()->outbox(f.account.id)->messages().size(), 1);
        QVERIFY(!window.scheduler()->isRunning(f.account.id));
    }

    void addressErrorNamesTheAddressAndGoesWhenFixed()
    {
        GuiFixture f(false);
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, keychainService());
        ComposeWindow *compose = window.newMessage();
        fill(compose, QStringLiteral("bob@example.net, carol@@example.org"), QStringLiteral("Hi"));
        QVERIFY(!compose->send());
        // The error names the address and what is wrong, not a position in the field.
        QVERIFY2(compose->notice().contains(QLatin1String("\"carol@@example.org\" in To")),
                 qPrintable(compose->notice()));
        QVERIFY2(!compose->notice().contains(QLatin1String("position")),
                 qPrintable(compose->notice()));
        auto *to = compose->findChild<QLineEdit *>(QStringLiteral("composeTo"));
        QVERIFY(!to->styleSheet().isEmpty());

        // Typing on with the address still wrong keeps the error; fixing it removes it.
        to->setFocus();
        to->end(false);
        QTest::keyClick(to, Qt::Key_Space);
        QVERIFY(!compose->notice().isEmpty());
        to->setText(QStringLiteral("bob@example.net, carol@example.or"));
        QTest::keyClick(to, Qt::Key_G);
        QCOMPARE(to->text(), QStringLiteral("bob@example.net, carol@example.org"));
        QVERIFY2(compose->notice().isEmpty(), qPrintable(compose->notice()));
        QVERIFY(to->styleSheet().isEmpty());

        // No recipient at all: the notice goes once one is typed.
        to->clear();
        QVERIFY(!compose->send());
        QVERIFY(!compose->notice().isEmpty());
        QTest::keyClicks(to, QStringLiteral("bob@example.net"));
        QVERIFY(compose->notice().isEmpty());
        compose->setAttribute(Qt::WA_DeleteOnClose, false);
        delete compose;
    }

    void clickOutsideTheCompletionMovesTheFocus()
    {
        GuiFixture f(false);
        f.saveAccount();
        {
            Outpost::AddressBook book(f.profile());
            QVERIFY(book.load());
            QVERIFY(book.remember({Outpost::MailAddress(
                QStringLiteral("Bob"), QStringLiteral("bob"), QStringLiteral("example.net"))}));
        }
        MainWindow window(f.profile(), nullptr, keychainService());
        ComposeWindow *compose = window.newMessage();
        compose->show();
        QVERIFY(QTest::qWaitForWindowExposed(compose));
        compose->activateWindow();
        auto *to = compose->findChild<QLineEdit *>(QStringLiteral("composeTo"));
        auto *subject = compose->findChild<QLineEdit *>(QStringLiteral("composeSubject"));
        to->setFocus();
        QTest::keyClicks(to, QStringLiteral("bo"));
        QWidget *popup = to->findChild<QCompleter *>()->popup();
        QTRY_VERIFY(popup->isVisible());

        // The user clicks the Subject field and types: the text goes to the subject.
        QTest::mouseClick(subject->window()->windowHandle(), Qt::LeftButton, {},
                          subject->mapTo(subject->window(), subject->rect().center()));
        QTRY_VERIFY(!popup->isVisible());
        QVERIFY(subject->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Lunch"));
        QCOMPARE(subject->text(), QStringLiteral("Lunch"));
        QCOMPARE(to->text(), QStringLiteral("bo"));
        compose->setAttribute(Qt::WA_DeleteOnClose, false);
        delete compose;
    }

    void queueFailureKeepsEverything()
    {
        GuiFixture f(false);
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, keychainService());
        ComposeWindow *compose = window.newMessage();
        fill(compose, QStringLiteral("bob@example.net"), QStringLiteral("With a file"));
        // An attachment that disappears before sending: the message cannot be written.
        const QString path = f.dir.filePath(QStringLiteral("report.pdf"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("%PDF-1.4\n");
        }
        compose->addAttachment(path);
        QVERIFY(QFile::remove(path));
        QVERIFY(!compose->send());
        QVERIFY2(compose->notice().contains(QLatin1String("nothing you wrote was lost")),
                 qPrintable(compose->notice()));
        QVERIFY(compose->isVisible());
        QCOMPARE(compose->content().subject, QStringLiteral("With a file"));
        QCOMPARE(compose->content().attachments, QStringList{QFileInfo(path).absoluteFilePath()});
        QCOMPARE(window.scheduler()->outbox(f.account.id)->messages().size(), 0);
    }

    void closingAsksToKeepDraft()
    {
        GuiFixture f(false);
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, keychainService());
        QPointer<ComposeWindow> compose = window.newMessage();
        QTest::keyClicks(compose->findChild<QLineEdit *>(QStringLiteral("composeSubject")),
                         QStringLiteral("Draft subject"));
        QVERIFY(compose->isModified());
        compose->close();
        QVERIFY(compose); // still open: it asks first
        auto *box = compose->findChild<QMessageBox *>(QStringLiteral("keepDraftQuestion"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        box->button(QMessageBox::Save)->click();
        QTRY_VERIFY(!compose);
        const QList<Outpost::DraftStore::Entry> drafts = Outpost::DraftStore(f.profile()).list();
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.first().subject, QStringLiteral("Draft subject"));

        // A draft opens again, and sending it removes it.
        ComposeWindow *again = window.newMessage();
        QVERIFY(again->loadDraft(drafts.first().path));
        QCOMPARE(again->content().subject, QStringLiteral("Draft subject"));
        again->findChild<QLineEdit *>(QStringLiteral("composeTo"))
            ->setText(QStringLiteral("bob@example.net"));
        QVERIFY(again->send());
        QCOMPARE(Outpost::DraftStore(f.profile()).list().size(), 0);
    }

    void mailtoFillsTheFields()
    {
        GuiFixture f(false);
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, keychainService());
        window.handleArguments(
            {QStringLiteral("mailto:bob@example.net?subject=Hello%20there&body=Line%201")});
        auto *compose = window.findChild<ComposeWindow *>();
        QVERIFY(compose);
        QCOMPARE(compose->content().to, QStringLiteral("bob@example.net"));
        QCOMPARE(compose->content().subject, QStringLiteral("Hello there"));
        QCOMPARE(compose->content().body, QStringLiteral("Line 1"));
    }
};

QTEST_MAIN(TestCompose)
#include "tst_compose.moc"
