#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace Outpost {

/// The scheduler's notion of time: the current time and callbacks at a time. Injected, so
/// tests move time forward by hand instead of waiting for real minutes.
class Clock : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// The current time (UTC).
    virtual QDateTime now() const = 0;
    /// Calls @p callback once at @p when (at once when that has passed), unless @p context is
    /// destroyed or the call is cancelled first. Returns a handle for cancel().
    virtual quint64 callAt(const QDateTime &when, QObject *context,
                           std::function<void()> callback) = 0;
    /// Calls @p callback after @p ms milliseconds of this clock's time.
    quint64 callAfter(qint64 ms, QObject *context, std::function<void()> callback)
    {
        return callAt(now().addMSecs(ms), context, std::move(callback));
    }
    /// Forgets a pending call; unknown or finished handles are ignored.
    virtual void cancel(quint64 handle) = 0;
};

/// The wall clock, with Qt timers. Long waits are re-armed in steps, so a changed system
/// time or a resumed laptop is noticed within a minute.
class SystemClock : public Clock
{
    Q_OBJECT

public:
    using Clock::Clock;
    ~SystemClock() override;

    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    quint64 callAt(const QDateTime &when, QObject *context,
                   std::function<void()> callback) override;
    void cancel(quint64 handle) override;

private:
    struct Pending
    {
        QDateTime when;
        QPointer<QObject> context;
        std::function<void()> callback;
        QTimer *timer = nullptr;
    };
    void arm(quint64 handle);

    QHash<quint64, Pending> m_pending;
    quint64 m_next = 1;
};

} // namespace Outpost
