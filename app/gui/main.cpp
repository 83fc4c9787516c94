#include "AccountDialog.h"
#include "AppIcon.h"
#include "ComposeWindow.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "Profile.h"
#include "ProtocolLogWindow.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "schedule/Memory.h"
#include "schedule/Scheduler.h"
#include "session/Session.h"

#include <outpost/Version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>

#include <cstdio>

using namespace Outpost;

namespace {

/// --screenshot NAME=FILE: saves a picture of a window and quits (for the documentation).
void takeScreenshots(MainWindow *window, const QStringList &requests)
{
    // "sandbox" pictures the protocol log of the first-run demo once it has run.
    const bool sandbox = std::any_of(requests.begin(), requests.end(), [](const QString &r) {
        return r.startsWith(QLatin1String("sandbox="));
    });
    if (sandbox)
        QTimer::singleShot(300, window, [window] { window->startSandbox(); });
    QTimer::singleShot(sandbox ? 6000 : 1200, window, [window, requests] {
        for (const QString &request : requests) {
            const QString name = request.section(u'=', 0, 0);
            const QString file = request.section(u'=', 1);
            QWidget *target = window;
            const QList<Account> accounts = window->scheduler()->accounts();
            if (name == QLatin1String("main") && !accounts.isEmpty()) {
                window->selectFolder(accounts.first().id, MessageListModel::Folder::Inbox);
                window->selectRow(0);
            } else if (name == QLatin1String("outbox") && !accounts.isEmpty()) {
                window->selectFolder(accounts.first().id, MessageListModel::Folder::Outbox);
                window->selectRow(0);
            } else if (name == QLatin1String("sandbox")) {
                target = window->protocolLog();
            } else if (name == QLatin1String("compose")) {
                ComposeWindow *compose = window->newMessage();
                ComposeWindow::Content c = compose->content();
                c.to = QStringLiteral("Hanako Suzuki <hanako@example.jp>");
                c.subject = ComposeWindow::tr("Minutes of Monday's meeting");
                c.body = ComposeWindow::tr("Hello Hanako,\n\nHere are the minutes of Monday's "
                                           "meeting.\n\nBest regards,\nTaro");
                compose->setContent(c);
                target = compose;
            } else if (name == QLatin1String("settings")) {
                AccountDialog *dialog = accounts.isEmpty()
                                            ? window->addAccount()
                                            : window->editAccount(accounts.first().id);
                if (auto *tabs = dialog ? dialog->findChild<QTabWidget *>() : nullptr)
                    tabs->setCurrentIndex(tabs->count() - 1); // the schedule: POP before SMTP
                target = dialog;
            }
            if (!target)
                continue;
            target->show();
            target->raise();
            QApplication::processEvents();
            if (!target->grab().save(file))
                std::fprintf(stderr, "could not write %s\n", qPrintable(file));
            if (target != window)
                target->hide();
        }
        window->quit();
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Outpost"));
    QApplication::setOrganizationName(QStringLiteral("Outpost"));
    QApplication::setApplicationVersion(QString::fromLatin1(Outpost::versionString));
    QApplication::setDesktopFileName(QStringLiteral("outpost"));
    QApplication::setWindowIcon(appIcon());
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Outpost sends mail through POP-before-SMTP servers."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption profileOption(QStringLiteral("profile"),
                                     QApplication::translate("main", "Uses the profile in DIR."),
                                     QStringLiteral("DIR"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QString(),
                                        QStringLiteral("NAME=FILE"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // For tests/bench/bench_gui.py: print "ready" once the window is up, then quit.
    QCommandLineOption benchStartupOption(QStringLiteral("bench-startup"));
    benchStartupOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(profileOption);
    parser.addOption(screenshotOption);
    parser.addOption(benchStartupOption);
    parser.addPositionalArgument(QStringLiteral("mailto"),
                                 QApplication::translate("main", "A mailto: link to write to."),
                                 QStringLiteral("[mailto:…]"));
    parser.process(app);

    const QString profileDirectory = Profile::resolveDirectory(parser.value(profileOption));
    const QString language = PreferencesDialog::language(profileDirectory);
    if (language == QLatin1String("ja"))
        installTranslations(QLocale(QLocale::Japanese, QLocale::Japan));
    else if (language != QLatin1String("en"))
        installTranslations();

    const QStringList positional = parser.positionalArguments();
    const QStringList screenshots = parser.values(screenshotOption);
    std::unique_ptr<MainWindow> window;
    auto openWindow = [&] {
        auto session = std::make_unique<Session>(profileDirectory, MainWindow::sessionOptions());
        const SessionError opened = session->open();
        if (opened.kind == SessionError::Locked) {
            // outpost-cli (run, send-receive, …) is working on this profile: say so and stop
            // rather than open a window that could not send.
            QMessageBox::critical(nullptr, QApplication::translate("main", "Outpost"),
                                  opened.message);
            QCoreApplication::exit(1);
            return;
        }
        window = std::make_unique<MainWindow>(std::move(session), opened);
        window->show();
        window->handleArguments(positional);
        // Once the window and its list are filled: what loading them let go.
        QTimer::singleShot(0, window.get(), [] { releaseFreedMemory(); });
        if (!screenshots.isEmpty())
            takeScreenshots(window.get(), screenshots);
        if (parser.isSet(benchStartupOption)) {
            // After the events that show and lay out the window (and fill its list).
            QTimer::singleShot(0, window.get(), [] {
                std::fputs("ready\n", stdout);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
    };
    if (!screenshots.isEmpty()) {
        openWindow();
        return window ? app.exec() : 1;
    }

    SingleInstance instance(profileDirectory);
    QObject::connect(&instance, &SingleInstance::handedOver, &app, &QApplication::quit);
    QObject::connect(&instance, &SingleInstance::becamePrimary, &app, openWindow);
    QObject::connect(&instance, &SingleInstance::argumentsReceived, &app,
                     [&](const QStringList &arguments) {
                         if (window)
                             window->handleArguments(arguments);
                     });
    instance.start(positional);
    const int code = app.exec();
    window.reset();
    return code;
}
