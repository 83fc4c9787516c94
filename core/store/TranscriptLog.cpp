#include "TranscriptLog.h"

#include <QDir>
#include <QFileInfo>

namespace Outpost {

TranscriptLog::TranscriptLog(const QString &path, qint64 maxBytes)
    : m_file(path)
    , m_maxBytes(maxBytes)
{}

TranscriptLog::~TranscriptLog()
{
    flush();
}

void TranscriptLog::flush()
{
    if (m_file.isOpen())
        m_file.flush();
}

bool TranscriptLog::ensureOpen()
{
    if (m_file.isOpen())
        return true;
    if (m_failed)
        return false;
    QDir().mkpath(QFileInfo(m_file.fileName()).absolutePath());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        m_failed = true; // a log must never stop mail; the stores report disk problems
        return false;
    }
    m_size = m_file.size();
    return true;
}

QByteArray TranscriptLog::stamp(const QDateTime &when)
{
    // Local time without asking the time zone database for every line (each asks the file
    // system whether the zone changed).
    const qint64 ms = when.toMSecsSinceEpoch();
    if (ms >= m_offsetUntilMs || ms < m_offsetUntilMs - 60000) {
        m_offsetSeconds = when.toLocalTime().offsetFromUtc();
        m_offsetUntilMs = ms + 60000;
    }
    return QDateTime::fromMSecsSinceEpoch(ms + m_offsetSeconds * 1000LL, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
        .toLatin1();
}

void TranscriptLog::append(const QDateTime &when, const QString &line)
{
    if (!ensureOpen())
        return;
    if (m_size > m_maxBytes) {
        const QString name = m_file.fileName();
        m_file.close();
        QFile::remove(name + QStringLiteral(".1"));
        QFile::rename(name, name + QStringLiteral(".1"));
        if (!ensureOpen())
            return;
    }
    const QByteArray text = stamp(when) + ' ' + line.toUtf8() + '\n';
    m_file.write(text);
    m_size += text.size();
    const qint64 now = when.toMSecsSinceEpoch();
    if (now - m_lastFlushMs >= 1000 || now < m_lastFlushMs) {
        m_file.flush();
        m_lastFlushMs = now;
    }
}

} // namespace Outpost
