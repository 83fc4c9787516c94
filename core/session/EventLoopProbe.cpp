#include "EventLoopProbe.h"

#include "store/DurableIo.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Outpost {

namespace {
constexpr int intervalMs = 10;
} // namespace

EventLoopProbe::EventLoopProbe(const QString &reportFile, QObject *parent)
    : QObject(parent)
    , m_file(reportFile)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopProbe::tick);
    m_clock.start();
    m_last = m_clock.nsecsElapsed() / 1000;
    m_timer.start();
}

void EventLoopProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed() / 1000;
    m_lagUs.push_back(std::max<qint64>(0, now - m_last - intervalMs * 1000));
    m_last = now;
    if (now - m_lastWrite >= 1000 * 1000) {
        m_lastWrite = now;
        write();
    }
}

void EventLoopProbe::write()
{
    std::vector<qint64> sorted = m_lagUs;
    std::sort(sorted.begin(), sorted.end());
    auto at = [&](double share) {
        return sorted.empty() ? 0.0
                              : double(sorted[size_t(share * double(sorted.size() - 1))]) / 1000;
    };
    const QJsonObject report{{QStringLiteral("samples"), double(sorted.size())},
                             {QStringLiteral("medianMs"), at(0.5)},
                             {QStringLiteral("p99Ms"), at(0.99)},
                             {QStringLiteral("maxMs"), at(1.0)}};
    QString ignored;
    (void)DurableIo::writeAtomically(m_file, QJsonDocument(report).toJson(QJsonDocument::Compact),
                                     &ignored);
}

} // namespace Outpost
