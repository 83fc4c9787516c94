#include "RedatedMessage.h"

namespace Outpost {

namespace {

/// True for a header line that starts a Date field ("Date:", any case, spaces before the
/// colon allowed by RFC 5322's obsolete syntax).
bool startsDateField(const QByteArray &line)
{
    if (line.size() < 5 || qstrnicmp(line.constData(), "date", 4) != 0)
        return false;
    qsizetype i = 4;
    while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t'))
        ++i;
    return i < line.size() && line.at(i) == ':';
}

} // namespace

RedatedMessage::RedatedMessage(std::unique_ptr<QIODevice> source, const QByteArray &dateLine,
                               QObject *parent)
    : QIODevice(parent)
    , m_source(std::move(source))
    , m_head(dateLine)
{
    m_sourceSize = m_source->size();
    bool inDate = false;
    while (!m_source->atEnd()) {
        const QByteArray line = m_source->readLine();
        if (line.isEmpty())
            break;
        if (line == "\r\n" || line == "\n") {
            m_head += line; // the empty line that ends the header block
            break;
        }
        const bool continuation = line.at(0) == ' ' || line.at(0) == '\t';
        if (!continuation)
            inDate = startsDateField(line);
        if (!inDate)
            m_head += line;
    }
    m_bodyFrom = m_source->pos();
    setErrorString(m_source->errorString());
    open(QIODevice::ReadOnly);
}

RedatedMessage::~RedatedMessage() = default;

qint64 RedatedMessage::size() const
{
    return m_head.size() + (m_sourceSize - m_bodyFrom);
}

bool RedatedMessage::seek(qint64 pos)
{
    if (pos < 0 || pos > size() || !QIODevice::seek(pos))
        return false;
    return m_source->seek(m_bodyFrom + qMax<qint64>(0, pos - m_head.size()));
}

qint64 RedatedMessage::readData(char *data, qint64 maxSize)
{
    const qint64 at = pos();
    qint64 done = 0;
    if (at < m_head.size()) {
        done = qMin<qint64>(maxSize, m_head.size() - at);
        memcpy(data, m_head.constData() + at, size_t(done));
        if (done == maxSize)
            return done;
        if (!m_source->seek(m_bodyFrom))
            return -1;
    }
    const qint64 more = m_source->read(data + done, maxSize - done);
    if (more < 0) {
        setErrorString(m_source->errorString());
        return done > 0 ? done : -1;
    }
    return done + more;
}

} // namespace Outpost
