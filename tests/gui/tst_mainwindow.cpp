#include "AboutDialog.h"
#include "MainWindow.h"

#include <outpost/Version.h>

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using Outpost::AboutDialog;
using Outpost::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWithTitleAndEmptyAccountList()
    {
        QTemporaryDir profile;
        MainWindow window(profile.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Outpost"));
        QVERIFY(window.accountTree()->isVisible());
        QCOMPARE(window.accountTree()->topLevelItemCount(), 0);
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
