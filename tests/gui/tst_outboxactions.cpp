#include "ComposeWindow.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "SendLaterDialog.h"
#include "message/MessageWriter.h"
#include "schedule/Scheduler.h"
#include "store/CredentialStore.h"
#include "store/OutboxStore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using Outpost::MainWindow;
using Outpost::MessageListModel;
using Outpost::OutboxState;

class TestOutboxActions : public QObject
{
    Q_OBJECT

private:
    GuiFixture *m_f = nullptr;
    QString m_failed, m_maybe, m_maybe2, m_waiting;

    QString queue(Outpost::OutboxStore &outbox, const QString &subject)
    {
        Outpost::OutgoingMessage m;
        m.from =
            Outpost::MailAddress(QString(), QStringLiteral("alice"), QStringLiteral("example.com"));
        m.to = {
            Outpost::MailAddress(QString(), QStringLiteral("bob"), QStringLiteral("example.net"))};
        m.subject = subject;
        m.body = QStringLiteral("Text of %1\n").arg(subject);
        return *outbox.queue(m);
    }

    /// Selects the message with @p subject in the current folder.
    static bool select(MainWindow &window, const QString &subject)
    {
        auto *proxy = window.sortModel();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            if (proxy->index(row, MessageListModel::SubjectColumn).data().toString() == subject) {
                window.selectRow(row);
                return true;
            }
        }
        return false;
    }

    static QAction *action(MainWindow &window, const char *name)
    {
        return window.findChild<QAction *>(QLatin1String(name));
    }

private Q_SLOTS:
    void init()
    {
        m_f = new GuiFixture(false);
        m_f->saveAccount();
        // A store prepared on disk, as an earlier run left it.
        Outpost::OutboxStore outbox(m_f->accountDirectory());
        QVERIFY(outbox.open());
        m_waiting = queue(outbox, QStringLiteral("Waiting"));
        m_failed = queue(outbox, QStringLiteral("Refused"));
        QVERIFY(outbox.fail(m_failed, QStringLiteral("550 5.1.1 <bob@example.net>: Recipient "
                                                     "address rejected")));
        for (QString *id : {&m_maybe, &m_maybe2}) {
            *id =
                queue(outbox, id == &m_maybe ? QStringLiteral("Maybe") : QStringLiteral("Maybe 2"));
            QVERIFY(outbox.markSending(*id));
            QVERIFY(outbox.markDataComplete(*id));
            QVERIFY(outbox.markMayHaveBeenSent(*id, QStringLiteral("connection lost")));
        }
    }
    void cleanup()
    {
        delete m_f;
        m_f = nullptr;
    }

    void deleteAsksFirst()
    {
        MainWindow window(m_f->profile(), nullptr, QStringLiteral("OutpostTest-outbox"));
        window.show();
        QAbstractItemModelTester tester(window.sortModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.selectFolder(m_f->account.id, MessageListModel::Folder::Outbox);
        QCOMPARE(window.messageModel()->rowCount(), 3);
        QVERIFY(select(window, QStringLiteral("Waiting")));
        QVERIFY(action(window, "actionDelete")->isEnabled());
        action(window, "actionDelete")->trigger();
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("deleteQuestion"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QLatin1String("Waiting")));
        // Cancel keeps it.
        box->button(QMessageBox::Cancel)->click();
        QCOMPARE(window.messageModel()->rowCount(), 3);
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("deleteQuestion")));
        action(window, "actionDelete")->trigger();
        box = window.findChild<QMessageBox *>(QStringLiteral("deleteQuestion"));
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        QCOMPARE(window.messageModel()->rowCount(), 2);
        QVERIFY(!window.scheduler()->outbox(m_f->account.id)->message(m_waiting));
    }

    void changeTimeAndSendNow()
    {
        MainWindow window(m_f->profile(), nullptr, QStringLiteral("OutpostTest-outbox"));
        window.show();
        window.selectFolder(m_f->account.id, MessageListModel::Folder::Outbox);
        Outpost::OutboxStore *outbox = window.scheduler()->outbox(m_f->account.id);
        QVERIFY(select(window, QStringLiteral("Waiting")));
        QAction *change = action(window, "actionChangeTime");
        QVERIFY(change->isEnabled());
        change->trigger();
        auto *dialog = window.findChild<Outpost::SendLaterDialog *>();
        QVERIFY(dialog);
        dialog->findChild<QPushButton *>(QStringLiteral("sendLaterChoice1"))->click(); // tomorrow
        const QDateTime tomorrow = dialog->chosen();
        QCOMPARE(tomorrow.toLocalTime().date(), QDate::currentDate().addDays(1));
        dialog->findChild<QPushButton *>(QStringLiteral("sendLaterOk"))->click();
        QCOMPARE(outbox->message(m_waiting)->notBefore, tomorrow);
        // The list says when.
        QTRY_VERIFY(select(window, QStringLiteral("Waiting")));
        const QString state =
            window.messageModel()
                ->index(window.sortModel()->mapToSource(window.messageView()->currentIndex()).row(),
                        MessageListModel::StateColumn)
                .data()
                .toString();
        QVERIFY2(state.startsWith(QLatin1String("To be sent tomorrow at")), qPrintable(state));
        // Not for a message that failed (Edit or Resend are for that).
        window.selectFolder(m_f->account.id, MessageListModel::Folder::Failed);
        QVERIFY(select(window, QStringLiteral("Refused")));
        QVERIFY(!action(window, "actionChangeTime")->isEnabled());
        // Send now: the time is gone and the message is due.
        window.selectFolder(m_f->account.id, MessageListModel::Folder::Outbox);
        QVERIFY(select(window, QStringLiteral("Waiting")));
        action(window, "actionSendNow")->trigger();
        QVERIFY(!outbox->message(m_waiting)->notBefore.isValid());
        QVERIFY(outbox->message(m_waiting)->dateAtSend); // its Date still set as it leaves
    }

    void markAsSentAndResend()
    {
        MainWindow window(m_f->profile(), nullptr, QStringLiteral("OutpostTest-outbox"));
        window.credentials()->rememberForSession(m_f->account.id,
                                                 Outpost::CredentialStore::Server::Incoming,
                                                 QStringLiteral("wonderland"));
        window.show();
        window.selectFolder(m_f->account.id, MessageListModel::Folder::Outbox);
        Outpost::OutboxStore *outbox = window.scheduler()->outbox(m_f->account.id);

        QVERIFY(select(window, QStringLiteral("Maybe")));
        QVERIFY(
            window.messageModel()
                ->index(window.sortModel()->mapToSource(window.messageView()->currentIndex()).row(),
                        MessageListModel::StateColumn)
                .data()
                .toString()
                .startsWith(QLatin1String("May have been sent")));
        QVERIFY(action(window, "actionMarkSent")->isEnabled());
        QVERIFY(action(window, "actionResend")->isEnabled());
        QVERIFY(!action(window, "actionEdit")->isEnabled());
        action(window, "actionMarkSent")->trigger();
        QCOMPARE(outbox->sentMessages().size(), 1);
        QCOMPARE(window.sortModel()->rowCount(), 2);
        QCOMPARE(m_f->server.deliveries().size(), 0); // marked, not sent

        // Resend really sends it, through a receive-then-send cycle.
        QVERIFY(select(window, QStringLiteral("Maybe 2")));
        action(window, "actionResend")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(outbox->sentMessages().size(), 3, 20000);
        QCOMPARE(m_f->server.deliveries().size(), 2); // "Waiting" went too
        QVERIFY(outbox->messages().size() == 1);      // the failed one stays
    }

    void failedMessageShowsReplyAndEdits()
    {
        MainWindow window(m_f->profile(), nullptr, QStringLiteral("OutpostTest-outbox"));
        window.show();
        window.selectFolder(m_f->account.id, MessageListModel::Folder::Failed);
        QCOMPARE(window.messageModel()->rowCount(), 1);
        window.selectRow(0);
        QVERIFY(window.messageModel()
                    ->index(0, MessageListModel::StateColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("Recipient address rejected")));
        QVERIFY(window.previewText().contains(QLatin1String("Text of Refused")));
        QVERIFY(action(window, "actionEdit")->isEnabled());
        QVERIFY(!action(window, "actionMarkSent")->isEnabled());
        action(window, "actionEdit")->trigger();
        auto *compose = window.findChild<Outpost::ComposeWindow *>();
        QVERIFY(compose);
        QCOMPARE(compose->content().subject, QStringLiteral("Refused"));
        QVERIFY(compose->content().to.contains(QLatin1String("bob@example.net")));
        QVERIFY(compose->send());
        // The corrected copy replaces the failed one.
        QVERIFY(!window.scheduler()->outbox(m_f->account.id)->message(m_failed));
        QCOMPARE(window.messageModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestOutboxActions)
#include "tst_outboxactions.moc"
