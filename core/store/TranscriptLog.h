#pragma once

#include <QDateTime>
#include <QFile>
#include <QString>

namespace Outpost {

/// One account's protocol log in the profile's logs folder, one time-stamped line per
/// protocol line. The clients mask credentials before a line gets here. The file is
/// rotated at a size limit, keeping one older file (".1"). Lines are buffered: they reach
/// the file at least once a second while lines come, at flush() and when it is destroyed,
/// so a batch of a thousand messages costs a few writes, not eight per message.
class TranscriptLog
{
public:
    explicit TranscriptLog(const QString &path, qint64 maxBytes = 2 * 1024 * 1024);
    ~TranscriptLog();

    void append(const QDateTime &when, const QString &line);
    void flush();
    QString path() const { return m_file.fileName(); }

private:
    bool ensureOpen();
    QByteArray stamp(const QDateTime &when);

    QFile m_file;
    qint64 m_maxBytes;
    qint64 m_size = 0;           ///< of the file, with what is still buffered
    qint64 m_lastFlushMs = 0;    ///< when (ms since the epoch) the buffer was last written
    qint64 m_offsetUntilMs = -1; ///< m_offsetSeconds holds until then (re-read each minute)
    int m_offsetSeconds = 0;     ///< local time's offset from UTC
    bool m_failed = false;
};

} // namespace Outpost
