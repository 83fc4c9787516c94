#pragma once

#include <QDateTime>
#include <QFile>
#include <QString>

namespace Outpost {

/// One account's protocol log in the profile's logs folder, one time-stamped line per
/// protocol line. The clients mask credentials before a line gets here. The file is
/// rotated at a size limit, keeping one older file (".1").
class TranscriptLog
{
public:
    explicit TranscriptLog(const QString &path, qint64 maxBytes = 2 * 1024 * 1024);

    void append(const QDateTime &when, const QString &line);
    QString path() const { return m_file.fileName(); }

private:
    bool ensureOpen();

    QFile m_file;
    qint64 m_maxBytes;
    bool m_failed = false;
};

} // namespace Outpost
