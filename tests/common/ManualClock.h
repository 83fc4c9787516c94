#pragma once

// A clock for tests: time moves only when the test calls advance().

#include "schedule/Clock.h"

#include <QMap>
#include <QTimer>

class ManualClock : public Outpost::Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime::currentDateTimeUtc())
        : m_now(start)
    {}

    QDateTime now() const override { return m_now; }
    qint64 nowMs() const { return m_now.toMSecsSinceEpoch(); }

    quint64 callAt(const QDateTime &when, QObject *context, std::function<void()> callback) override
    {
        const quint64 handle = m_next++;
        m_pending.insert(handle, {when, context, std::move(callback)});
        if (when <= m_now) // due already: from the event loop, like a zero timer
            QTimer::singleShot(0, this, [this] { fireDue(); });
        return handle;
    }

    void cancel(quint64 handle) override { m_pending.remove(handle); }

    /// Moves time forward by @p ms, running every call that falls due, in time order.
    void advance(qint64 ms)
    {
        m_now = m_now.addMSecs(ms);
        fireDue();
    }

    /// Sets the time to @p when, earlier or later (a clock changed by the system, a computer
    /// waking up), running every call that falls due.
    void set(const QDateTime &when)
    {
        m_now = when;
        fireDue();
    }

    /// Pending calls (for assertions).
    int pendingCount() const { return int(m_pending.size()); }
    /// The earliest pending time (invalid when none).
    QDateTime nextDue() const
    {
        QDateTime earliest;
        for (const Pending &p : m_pending)
            if (!earliest.isValid() || p.when < earliest)
                earliest = p.when;
        return earliest;
    }

private:
    struct Pending
    {
        QDateTime when;
        QPointer<QObject> context;
        std::function<void()> callback;
    };

    void fireDue()
    {
        for (;;) {
            quint64 best = 0;
            for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
                if (it->when <= m_now && (!best || it->when < m_pending.value(best).when))
                    best = it.key();
            }
            if (!best)
                return;
            Pending p = m_pending.take(best);
            if (p.context)
                p.callback();
        }
    }

    QDateTime m_now;
    QMap<quint64, Pending> m_pending;
    quint64 m_next = 1;
};
