#include "AboutDialog.h"
#include "AccountTreeModel.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "message/MessageWriter.h"
#include "schedule/Scheduler.h"
#include "store/OutboxStore.h"

#include <QMessageBox>

#include <outpost/Version.h>

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using Outpost::AboutDialog;
using Outpost::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recoveryReportShownAtStartup()
    {
        // The last run stopped after a message's data went out, before the server answered.
        GuiFixture f;
        f.saveAccount();
        {
            Outpost::OutboxStore outbox(f.accountDirectory());
            QVERIFY(outbox.open());
            Outpost::OutgoingMessage m;
            m.from = Outpost::MailAddress(QString(), QStringLiteral("alice"),
                                          QStringLiteral("example.com"));
            m.to = {Outpost::MailAddress(QString(), QStringLiteral("bob"),
                                         QStringLiteral("example.net"))};
            m.subject = QStringLiteral("Interrupted");
            m.body = QStringLiteral("x\n");
            const QString id = *outbox.queue(m);
            QVERIFY(outbox.markSending(id));
            QVERIFY(outbox.markDataComplete(id));
            QVERIFY(outbox.commit());
        }
        {
            MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-recovery"));
            window.show();
            auto *box = window.findChild<QMessageBox *>(QStringLiteral("recoveryReport"));
            QVERIFY(box);
            QVERIFY(box->isVisible());
            QCOMPARE(box->windowModality(), Qt::WindowModal); // the program keeps running
            QVERIFY2(box->informativeText().contains(QLatin1String("may have been sent")),
                     qPrintable(box->informativeText()));
            QVERIFY(window.lastNotice().contains(QLatin1String("may have been sent")));
            QCOMPARE(window.scheduler()->outbox(f.account.id)->messages().first().state,
                     Outpost::OutboxState::MayHaveBeenSent);
        }
        // Said once: the next start has nothing to report.
        MainWindow again(f.profile(), nullptr, QStringLiteral("OutpostTest-recovery"));
        QCOMPARE(again.accountStore()->accounts().size(), 1); // it did open the profile
        QVERIFY(!again.findChild<QMessageBox *>(QStringLiteral("recoveryReport")));
    }

    void showsWithTitleAndEmptyAccountList()
    {
        QTemporaryDir profile;
        MainWindow window(profile.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Outpost"));
        QVERIFY(window.accountTree()->isVisible());
        QCOMPARE(window.accountModel()->rowCount(), 0);
    }

    void aboutShowsVersion()
    {
        AboutDialog dialog;
        QVERIFY(dialog.text().contains(QString::fromLatin1(Outpost::versionString)));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    }

    void aboutActionOpensDialog()
    {
        QTemporaryDir profile;
        MainWindow window(profile.path());
        window.show();
        auto *about = window.findChild<QAction *>(QStringLiteral("actionAbout"));
        QVERIFY(about);
        // The dialog opens window-modal without a nested event loop.
        about->trigger();
        auto *dialog = window.findChild<AboutDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->text().contains(QString::fromLatin1(Outpost::versionString)));
        dialog->reject();
        QTRY_VERIFY(!window.findChild<AboutDialog *>());
    }

    void quitActionQuits()
    {
        QTemporaryDir profile;
        MainWindow window(profile.path());
        auto *quit = window.findChild<QAction *>(QStringLiteral("actionQuit"));
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
        QSignalSpy aboutToQuit(qApp, &QCoreApplication::aboutToQuit);
        // quit() posts the request; exec() returns once it is processed.
        QTimer::singleShot(0, quit, &QAction::trigger);
        QCOMPARE(QApplication::exec(), 0);
        QCOMPARE(aboutToQuit.count(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
