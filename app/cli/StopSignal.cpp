#include "StopSignal.h"

#include <QPointer>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <QSocketNotifier>

#include <csignal>
#include <unistd.h>
#endif

namespace Outpost {
namespace {

QPointer<StopSignal> &current()
{
    static QPointer<StopSignal> instance;
    return instance;
}

#ifdef Q_OS_WIN
BOOL WINAPI onConsoleEvent(DWORD)
{
    if (current())
        QMetaObject::invokeMethod(current(), "stopRequested", Qt::QueuedConnection);
    return TRUE;
}
#else
int pipeFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here: the event loop reads the pipe.
    [[maybe_unused]] const auto written = ::write(pipeFds[1], &byte, 1);
}
#endif

} // namespace

StopSignal::StopSignal(QObject *parent)
    : QObject(parent)
{
    current() = this;
#ifdef Q_OS_WIN
    // Ctrl+C may arrive switched off: a process started in a new process group, or by one that
    // ignores Ctrl+C, inherits that; this program's Ctrl+C is its stop, so it is switched on.
    SetConsoleCtrlHandler(nullptr, FALSE);
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
#else
    if (pipeFds[0] < 0 && ::pipe(pipeFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(pipeFds[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char byte;
        [[maybe_unused]] const auto read = ::read(pipeFds[0], &byte, 1);
        Q_EMIT stopRequested();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
#endif
}

StopSignal::~StopSignal()
{
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
#else
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
#endif
}

} // namespace Outpost
