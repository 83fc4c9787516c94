#pragma once

#include <QHash>
#include <QObject>

#include <functional>

class QLabel;
class QTimer;

namespace Outpost {

class Clock;
class Scheduler;

/// The status line at the bottom of the main window: each account's sentence (the words are
/// core's, AccountStatusText), refreshed every second only while something counts down.
class StatusLine : public QObject
{
    Q_OBJECT

public:
    /// @p currentAccount names the account the window shows.
    StatusLine(Scheduler *scheduler, Clock *clock, std::function<QString()> currentAccount,
               QObject *parent = nullptr);

    /// The label to put in the status bar.
    QLabel *label() const { return m_label; }
    /// The messages waiting per account, and of those the ones to be sent later (counted
    /// when the outboxes change).
    void setWaiting(const QHash<QString, int> &waiting, const QHash<QString, int> &planned = {});
    /// The sentence of one account.
    QString text(const QString &accountId) const;

public Q_SLOTS:
    void update();

private:
    Scheduler *m_scheduler;
    Clock *m_clock;
    std::function<QString()> m_currentAccount;
    QHash<QString, int> m_waiting;
    QHash<QString, int> m_planned;
    QLabel *m_label;
    QTimer *m_timer;
};

} // namespace Outpost
