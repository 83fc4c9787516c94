#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace Outpost {

/// Measures how late the event loop runs a 10 ms timer (the lag a window's user would feel)
/// and writes the figures to a file once a second: for benchmarks only, switched on by the
/// environment variable OUTPOST_LAG_REPORT=FILE. The session starts one when it is set.
/// Removing the file starts a new measurement.
class EventLoopProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *environmentVariable = "OUTPOST_LAG_REPORT";

    explicit EventLoopProbe(const QString &reportFile, QObject *parent = nullptr);

private:
    void tick();
    void write();

    QString m_file;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<qint64> m_lagUs; ///< lateness of every tick since the start, microseconds
    qint64 m_lastWrite = 0;
    bool m_written = false; ///< the report file was written (its removal restarts)
};

} // namespace Outpost
