#pragma once

#include <QObject>

namespace Outpost {

/// Turns Ctrl+C / SIGTERM (a console close event on Windows) into a Qt signal, so the
/// foreground commands (run, sandbox) stop cleanly from the event loop.
class StopSignal : public QObject
{
    Q_OBJECT

public:
    explicit StopSignal(QObject *parent = nullptr);
    ~StopSignal() override;

Q_SIGNALS:
    void stopRequested();
};

} // namespace Outpost
