#include "Clock.h"

#include <QTimer>

namespace Outpost {

namespace {
constexpr qint64 maxStepMs = 60 * 1000;
}

SystemClock::~SystemClock()
{
    for (const Pending &p : std::as_const(m_pending))
        delete p.timer;
}

quint64 SystemClock::callAt(const QDateTime &when, QObject *context, std::function<void()> callback)
{
    const quint64 handle = m_next++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::CoarseTimer);
    m_pending.insert(handle, Pending{when, context, std::move(callback), timer});
    connect(timer, &QTimer::timeout, this, [this, handle] { arm(handle); });
    const qint64 wait = qBound<qint64>(0, now().msecsTo(when), maxStepMs);
    timer->start(int(wait));
    return handle;
}

void SystemClock::arm(quint64 handle)
{
    auto it = m_pending.find(handle);
    if (it == m_pending.end())
        return;
    const qint64 wait = now().msecsTo(it->when);
    if (wait > 0) {
        it->timer->start(int(qMin(wait, maxStepMs)));
        return;
    }
    Pending due = std::move(it.value());
    m_pending.erase(it);
    due.timer->deleteLater();
    if (due.context)
        due.callback();
}

void SystemClock::cancel(quint64 handle)
{
    auto it = m_pending.find(handle);
    if (it == m_pending.end())
        return;
    it->timer->stop();
    it->timer->deleteLater();
    m_pending.erase(it);
}

} // namespace Outpost
