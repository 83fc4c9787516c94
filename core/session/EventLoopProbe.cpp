#include "EventLoopProbe.h"

#include "store/DurableIo.h"

#include <QFile>
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
    // A report that was removed starts a new measurement (a benchmark removes it once the
    // program has started, so that start-up is not counted as lag under load).
    if (m_written && !QFile::exists(m_file)) {
        m_lagUs.clear();
        m_written = false;
    }
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
    // Replaced in one rename, but not flushed to the disk: an fsync here, on the thread
    // being measured, would be counted as its lag.
    const QString tmp = m_file + QStringLiteral(".tmp");
    QFile out(tmp);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(QJsonDocument(report).toJson(QJsonDocument::Compact)) < 0)
        return;
    out.close();
    QString ignored;
    m_written = DurableIo::rename(tmp, m_file, &ignored);
}

} // namespace Outpost
