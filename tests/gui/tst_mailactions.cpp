// The mail actions on received mail, through the main window as a user meets them: read
// state (shown for a moment, by hand, kept across restarts), Reply, Reply all, Forward and
// Forward as attachment sent through the sandbox, Delete to Deleted Items with Undo and
// Empty, the context menu, double-click and the Outlook shortcuts.
#include "AccountTreeModel.h"
#include "ComposeWindow.h"
#include "GuiFixture.h"
#include "InboxActions.h"
#include "MainWindow.h"
#include "MessageWindow.h"
#include "schedule/Scheduler.h"
#include "store/CredentialStore.h"
#include "store/InboxStore.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using Outpost::ComposeWindow;
using Outpost::MainWindow;
using Outpost::MessageListModel;
using Folder = Outpost::MessageListModel::Folder;

namespace {

const QString service = QStringLiteral("OutpostTest-mailactions");

const QByteArray utf8Message =
    "From: =?UTF-8?B?5bGx55Sw5aSq6YOO?= <taro@example.jp>\r\n"
    "To: Alice <alice@example.com>\r\n"
    "Cc: Hanako <hanako@example.jp>\r\n"
    "Subject: =?UTF-8?B?5Lya6K2w44Gu5pel56iL?=\r\n"
    "Date: Fri, 04 Dec 2026 10:00:00 +0900\r\n"
    "Message-ID: <meeting-1@example.jp>\r\n"
    "References: <start-0@example.jp>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=UTF-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "\xe6\x9c\xa8\xe6\x9b\x9c\xe6\x97\xa5\xe3\x81\xa7\xe3\x81\x84\xe3\x81"
    "\x84\xe3\x81\xa7\xe3\x81\x99\xe3\x81\x8b\xef\xbc\x9f\r\n";

// "打ち合わせ" / "木曜日でいいですか?" in ISO-2022-JP, as Japanese mailers send it.
const QByteArray jisMessage = "From: Jiro <jiro@example.jp>\r\n"
                              "To: alice@example.com\r\n"
                              "Subject: =?ISO-2022-JP?B?GyRCQkckQTlnJG8kOxsoQg==?=\r\n"
                              "Date: Fri, 04 Dec 2026 11:00:00 +0900\r\n"
                              "Message-ID: <jis-2@example.jp>\r\n"
                              "MIME-Version: 1.0\r\n"
                              "Content-Type: text/plain; charset=ISO-2022-JP\r\n"
                              "Content-Transfer-Encoding: 7bit\r\n"
                              "\r\n"
                              "\x1b$BLZMKF|$G$$$$$G$9$+!)\x1b(B\r\n";

} // namespace

class TestMailActions : public QObject
{
    Q_OBJECT

    /// A window on the fixture's profile that downloaded what the server holds.
    static std::unique_ptr<MainWindow> openAndReceive(GuiFixture &f)
    {
        auto window = std::make_unique<MainWindow>(f.profile(), nullptr, service);
        window->credentials()->rememberForSession(
            f.account.id, Outpost::CredentialStore::Server::Incoming, QStringLiteral("wonderland"));
        window->show();
        QSignalSpy finished(window->scheduler(), &Outpost::Scheduler::cycleFinished);
        window->sendReceive(f.account.id);
        if (!finished.wait(20000))
            qFatal("no cycle");
        window->selectFolder(f.account.id, Folder::Inbox);
        return window;
    }

    static QTreeView *list(MainWindow &window)
    {
        return window.findChild<QTreeView *>(QStringLiteral("messageList"));
    }

    static QString folderTitle(MainWindow &window, const QString &accountId, Folder folder)
    {
        auto *tree = window.findChild<QTreeView *>(QStringLiteral("accountTree"));
        auto *model = static_cast<Outpost::AccountTreeModel *>(tree->model());
        return model->folderIndex(accountId, folder).data().toString();
    }

    /// Selects the row whose subject is @p subject; its index in the list.
    static QModelIndex selectSubject(MainWindow &window, const QString &subject)
    {
        QTreeView *view = list(window);
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, MessageListModel::SubjectColumn);
            if (index.data().toString() == subject) {
                view->setCurrentIndex(index);
                return index;
            }
        }
        return {};
    }

    static QAction *action(MainWindow &window, const char *name)
    {
        return window.inboxActions()->action(name);
    }

    /// The compose window the last action opened.
    static ComposeWindow *lastCompose(MainWindow &window)
    {
        const QList<ComposeWindow *> all = window.findChildren<ComposeWindow *>();
        return all.isEmpty() ? nullptr : all.last();
    }

    static QString field(ComposeWindow *compose, const char *name)
    {
        return compose->findChild<QLineEdit *>(QLatin1String(name))->text();
    }

private Q_SLOTS:
    void readStateFollowsTheViewAndIsKept()
    {
        GuiFixture f;
        f.server.addMessage("alice", utf8Message);
        f.server.addMessage("alice", jisMessage);
        f.saveAccount();
        const QString meeting = QStringLiteral("会議の日程");
        {
            auto window = openAndReceive(f);
            QTRY_COMPARE(folderTitle(*window, f.account.id, Folder::Inbox),
                         QStringLiteral("Inbox (2)"));
            QCOMPARE(list(*window)->model()->rowCount(), 2);
            const QModelIndex row = selectSubject(*window, meeting);
            QVERIFY(row.isValid());
            QVERIFY(row.data(MessageListModel::UnreadRole).toBool());
            QVERIFY(row.data(Qt::FontRole).value<QFont>().bold());
            // Shown for a moment: read, the row no longer bold, the count one less.
            auto *timer = window->findChild<QTimer *>(QStringLiteral("markReadTimer"));
            QVERIFY(timer && timer->isActive());
            QTRY_VERIFY_WITH_TIMEOUT(
                !list(*window)->currentIndex().data(MessageListModel::UnreadRole).toBool(), 5000);
            QVERIFY(!list(*window)->currentIndex().data(Qt::FontRole).value<QFont>().bold());
            QTRY_COMPARE(folderTitle(*window, f.account.id, Folder::Inbox),
                         QStringLiteral("Inbox (1)"));
            QCOMPARE(list(*window)->selectionModel()->selectedRows().size(), 1); // kept
            // The Maildir way, so other programs agree: in cur/ with the flag S (";2,S" on
            // Windows, where ':' cannot be in a name).
            const QString path =
                list(*window)->currentIndex().data(MessageListModel::PathRole).toString();
            QVERIFY2(
                path.contains(QLatin1String("/cur/")) &&
                    (path.endsWith(QLatin1String(":2,S")) || path.endsWith(QLatin1String(";2,S"))),
                qPrintable(path));
            // By hand: unread, then the other one read.
            QVERIFY(action(*window, "actionMarkUnread")->isEnabled());
            action(*window, "actionMarkUnread")->trigger();
            QVERIFY(list(*window)->currentIndex().data(MessageListModel::UnreadRole).toBool());
            QTRY_COMPARE(folderTitle(*window, f.account.id, Folder::Inbox),
                         QStringLiteral("Inbox (2)"));
            window->selectFolder(f.account.id, Folder::Outbox); // nothing shown: stays unread
            window->selectFolder(f.account.id, Folder::Inbox);
            QVERIFY(selectSubject(*window, QStringLiteral("会議の日程")).isValid());
            QVERIFY(action(*window, "actionMarkRead")->isEnabled());
            action(*window, "actionMarkRead")->trigger();
            QVERIFY(!list(*window)->currentIndex().data(MessageListModel::UnreadRole).toBool());
            QTRY_COMPARE(folderTitle(*window, f.account.id, Folder::Inbox),
                         QStringLiteral("Inbox (1)"));
        }
        // After a restart: the same state.
        MainWindow again(f.profile(), nullptr, service);
        again.selectFolder(f.account.id, Folder::Inbox);
        QCOMPARE(folderTitle(again, f.account.id, Folder::Inbox), QStringLiteral("Inbox (1)"));
        int unread = 0;
        for (int row = 0; row < list(again)->model()->rowCount(); ++row)
            unread +=
                list(again)->model()->index(row, 0).data(MessageListModel::UnreadRole).toBool();
        QCOMPARE(unread, 1);
    }

    void replyAndForwardGoOutWithTheirThread()
    {
        GuiFixture f;
        f.server.addMessage("alice", utf8Message);
        f.server.addMessage("alice", jisMessage);
        f.saveAccount();
        auto window = openAndReceive(f);

        // Ctrl+R on the list: a reply to the sender, the quote under an attribution.
        QVERIFY(selectSubject(*window, QStringLiteral("会議の日程")).isValid());
        list(*window)->setFocus();
        QTest::keyClick(list(*window), Qt::Key_R, Qt::ControlModifier);
        ComposeWindow *reply = lastCompose(*window);
        QVERIFY(reply);
        QCOMPARE(field(reply, "composeTo"), QStringLiteral("山田太郎 <taro@example.jp>"));
        QCOMPARE(field(reply, "composeCc"), QString());
        QCOMPARE(field(reply, "composeSubject"), QStringLiteral("Re: 会議の日程"));
        const QString body =
            reply->findChild<QPlainTextEdit *>(QStringLiteral("composeBody"))->toPlainText();
        QVERIFY2(body.contains(QStringLiteral("> 木曜日でいいですか？")), qPrintable(body));
        auto *bodyField = reply->findChild<QPlainTextEdit *>(QStringLiteral("composeBody"));
        QCOMPARE(reply->focusWidget(), bodyField); // the cursor above the quote
        QCOMPARE(bodyField->textCursor().position(), 0);
        QVERIFY2(body.contains(QStringLiteral("山田太郎 wrote:")), qPrintable(body));
        QVERIFY(reply->send());
        QTRY_COMPARE_WITH_TIMEOUT(f.server.deliveries().size(), 1, 20000);
        const QByteArray sent = f.server.deliveries().last().data;
        QVERIFY2(sent.contains("In-Reply-To: <meeting-1@example.jp>"), sent.constData());
        QVERIFY(sent.contains("References: <start-0@example.jp> <meeting-1@example.jp>"));
        QCOMPARE(f.server.deliveries().last().recipients, QByteArrayList{"taro@example.jp"});

        // Reply all (Ctrl+Shift+R): Cc stays Cc, the account's own address is left out.
        window->activateWindow(); // the reply window had the focus
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(selectSubject(*window, QStringLiteral("会議の日程")).isValid());
        QTest::keyClick(list(*window), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        ComposeWindow *all = lastCompose(*window);
        QVERIFY(all && all != reply);
        QVERIFY(all->isVisible());
        QCOMPARE(field(all, "composeCc"), QStringLiteral("Hanako <hanako@example.jp>"));
        all->close();

        const QModelIndex jis = [&] {
            QTreeView *view = list(*window);
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                const QModelIndex i = view->model()->index(row, MessageListModel::PeopleColumn);
                if (i.data().toString().contains(QLatin1String("Jiro")))
                    return i;
            }
            return QModelIndex();
        }();
        QVERIFY(jis.isValid());
        // A reply to the ISO-2022-JP original: its text, decoded and quoted.
        list(*window)->setCurrentIndex(jis);
        QCOMPARE(jis.siblingAtColumn(MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("打ち合わせ"));
        action(*window, "actionReply")->trigger();
        ComposeWindow *jisReply = lastCompose(*window);
        QVERIFY(jisReply->findChild<QPlainTextEdit *>(QStringLiteral("composeBody"))
                    ->toPlainText()
                    .contains(QStringLiteral("> 木曜日でいいですか？")));
        jisReply->close();

        // Ctrl+F: forward inline; To is empty and has the focus.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keyClick(list(*window), Qt::Key_F, Qt::ControlModifier);
        ComposeWindow *forward = lastCompose(*window);
        QCOMPARE(field(forward, "composeSubject"), QStringLiteral("Fwd: 打ち合わせ"));
        QCOMPARE(field(forward, "composeTo"), QString());
        QCOMPARE(forward->focusWidget(),
                 forward->findChild<QLineEdit *>(QStringLiteral("composeTo")));
        forward->close();

        // Forward as attachment: the original goes whole, as message/rfc822.
        action(*window, "actionForwardAttached")->trigger();
        ComposeWindow *attached = lastCompose(*window);
        QVERIFY(attached);
        attached->findChild<QLineEdit *>(QStringLiteral("composeTo"))
            ->setText(QStringLiteral("bob@example.net"));
        QVERIFY(attached->send());
        QTRY_COMPARE_WITH_TIMEOUT(f.server.deliveries().size(), 2, 20000);
        const QByteArray passedOn = f.server.deliveries().last().data;
        QVERIFY(passedOn.contains("Content-Type: message/rfc822"));
        QVERIFY(passedOn.contains("Message-ID: <jis-2@example.jp>"));
        QVERIFY(passedOn.contains("\x1b$BLZMKF|$G$$$$$G$9$+!)\x1b(B")); // its bytes, as they were
        // The copy made for it is gone once it is in the outbox.
        QTRY_VERIFY(QDir(f.profile() + QStringLiteral("/forwarded"))
                        .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                        .isEmpty());
    }

    void deleteUndoAndEmptyNeverTouchTheServer()
    {
        GuiFixture f;
        f.server.addMessage("alice", utf8Message);
        f.saveAccount();
        auto window = openAndReceive(f);
        QCOMPARE(list(*window)->model()->rowCount(), 1);
        QVERIFY(selectSubject(*window, QStringLiteral("会議の日程")).isValid());

        // Delete: to Deleted Items; Ctrl+Z brings it back.
        list(*window)->setFocus();
        QTest::keyClick(list(*window), Qt::Key_Delete);
        QTRY_COMPARE(list(*window)->model()->rowCount(), 0);
        // Told in the status bar, in place of the account's line (which is back later).
        QVERIFY2(window->statusBar()->currentMessage().startsWith(
                     QLatin1String("Moved to Deleted Items")),
                 qPrintable(window->statusBar()->currentMessage()));
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("accountStatus"))->isHidden());
        QTRY_COMPARE(folderTitle(*window, f.account.id, Folder::Deleted),
                     QStringLiteral("Deleted Items (1)"));
        QTest::keyClick(list(*window), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(list(*window)->model()->rowCount(), 1);
        QTRY_COMPARE(folderTitle(*window, f.account.id, Folder::Deleted),
                     QStringLiteral("Deleted Items"));

        // Deleted again, then Move to Inbox from Deleted Items.
        QVERIFY(selectSubject(*window, QStringLiteral("会議の日程")).isValid());
        action(*window, "actionDeleteReceived")->trigger();
        window->selectFolder(f.account.id, Folder::Deleted);
        QCOMPARE(list(*window)->model()->rowCount(), 1);
        QVERIFY(selectSubject(*window, QStringLiteral("会議の日程")).isValid());
        QVERIFY(action(*window, "actionRestore")->isEnabled());
        action(*window, "actionRestore")->trigger();
        QTRY_COMPARE(list(*window)->model()->rowCount(), 0);
        window->selectFolder(f.account.id, Folder::Inbox);
        QCOMPARE(list(*window)->model()->rowCount(), 1);

        // Deleted and emptied for good, after a question.
        QVERIFY(selectSubject(*window, QStringLiteral("会議の日程")).isValid());
        action(*window, "actionDeleteReceived")->trigger();
        window->selectFolder(f.account.id, Folder::Deleted);
        QVERIFY(action(*window, "actionEmptyDeleted")->isEnabled());
        action(*window, "actionEmptyDeleted")->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("emptyDeleted"))));
        QVERIFY(box->text().contains(QLatin1String("server are not touched")));
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        QTRY_COMPARE(list(*window)->model()->rowCount(), 0);
        QVERIFY(window->scheduler()->inbox(f.account.id)->deletedMessages().isEmpty());

        // The server still has it (the account leaves mail there), and it does not come back.
        QCOMPARE(f.server.mailboxSize("alice"), 1);
        QSignalSpy finished(window->scheduler(), &Outpost::Scheduler::cycleFinished);
        window->sendReceive(f.account.id);
        QVERIFY(finished.wait(20000));
        QVERIFY(window->scheduler()->inbox(f.account.id)->messages().isEmpty());
    }

    void contextMenuAndDoubleClick()
    {
        GuiFixture f;
        f.server.addMessage("alice", utf8Message);
        f.saveAccount();
        auto window = openAndReceive(f);
        const QModelIndex row = selectSubject(*window, QStringLiteral("会議の日程"));
        QVERIFY(row.isValid());

        QTreeView *view = list(*window);
        const QPoint at = view->visualRect(row).center();
        Q_EMIT view->customContextMenuRequested(at);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = window->findChild<QMenu *>(QStringLiteral("messageMenu"))));
        QStringList texts;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                texts.append(a->text());
        QCOMPARE(texts, (QStringList{QStringLiteral("&Open"), QStringLiteral("&Reply"),
                                     QStringLiteral("Reply &all"), QStringLiteral("&Forward"),
                                     QStringLiteral("Forward as a&ttachment"),
                                     QStringLiteral("Mark as r&ead"), QStringLiteral("&Delete")}));
        menu->close();

        // Enter (as a double-click does): the message in its own window, read.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        Outpost::MessageWindow *opened = nullptr;
        QTRY_VERIFY((opened = window->findChild<Outpost::MessageWindow *>()));
        QVERIFY2(opened->text().contains(QStringLiteral("木曜日でいいですか")),
                 qPrintable(opened->text()));
        QCOMPARE(opened->windowTitle(), QStringLiteral("会議の日程"));
        QVERIFY(!view->currentIndex().data(MessageListModel::UnreadRole).toBool());
        // Marked unread, opened again: read again, and the row says so.
        opened->close();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        action(*window, "actionMarkUnread")->trigger();
        QVERIFY(view->currentIndex().data(MessageListModel::UnreadRole).toBool());
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY((opened = window->findChild<Outpost::MessageWindow *>()));
        QVERIFY(!view->currentIndex().data(MessageListModel::UnreadRole).toBool());
        QVERIFY(!view->currentIndex().data(Qt::FontRole).value<QFont>().bold());
        // Its Reply answers it.
        opened->findChild<QAction *>(QStringLiteral("windowReply"))->trigger();
        ComposeWindow *reply = lastCompose(*window);
        QVERIFY(reply);
        QCOMPARE(field(reply, "composeSubject"), QStringLiteral("Re: 会議の日程"));
    }
};

QTEST_MAIN(TestMailActions)
#include "tst_mailactions.moc"
