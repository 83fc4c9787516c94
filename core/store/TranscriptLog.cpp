#include "TranscriptLog.h"

#include <QDir>
#include <QFileInfo>

namespace Outpost {

TranscriptLog::TranscriptLog(const QString &path, qint64 maxBytes)
    : m_file(path)
    , m_maxBytes(maxBytes)
{}

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
    return true;
}

void TranscriptLog::append(const QDateTime &when, const QString &line)
{
    if (!ensureOpen())
        return;
    if (m_file.size() > m_maxBytes) {
        const QString name = m_file.fileName();
        m_file.close();
        QFile::remove(name + QStringLiteral(".1"));
        QFile::rename(name, name + QStringLiteral(".1"));
        if (!ensureOpen())
            return;
    }
    m_file.write(when.toLocalTime().toString(Qt::ISODateWithMs).toUtf8() + ' ' + line.toUtf8() +
                 '\n');
    m_file.flush();
}

} // namespace Outpost
