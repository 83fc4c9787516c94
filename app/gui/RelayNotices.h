#pragma once

#include <QObject>

namespace Outpost {

class RelayService;
class Scheduler;

/// What the window says about the local relay it serves: a notice per message another
/// program handed over, a warning when one could not be delivered, the reason when the relay
/// cannot listen. The window shows them (status line, tray).
class RelayNotices : public QObject
{
    Q_OBJECT

public:
    RelayNotices(RelayService *relay, Scheduler *scheduler, QObject *parent = nullptr);

Q_SIGNALS:
    /// A sentence for the status line.
    void notice(const QString &text);
    /// A notification that must not be missed.
    void warning(const QString &title, const QString &text);
};

} // namespace Outpost
