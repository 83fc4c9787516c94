#include "LineSplitter.h"

namespace Outpost {

LineSplitter::Outcome LineSplitter::deliver(const LineSink &onLine, const CarryOn &carryOn)
{
    while (carryOn()) {
        if (m_blockReceiver) {
            // A copy: the receiver may replace itself while it runs.
            const BlockReceiver receiver = m_blockReceiver;
            m_inputPos += receiver(QByteArrayView(m_input).sliced(m_inputPos));
            if (m_blockReceiver)
                break; // it waits for more
            continue;
        }
        const qsizetype end = m_input.indexOf('\n', m_inputPos);
        if (end < 0)
            break;
        qsizetype length = end - m_inputPos;
        if (length > 0 && m_input.at(end - 1) == '\r')
            --length;
        const QByteArray line = m_input.mid(m_inputPos, length);
        m_inputPos = end + 1;
        if (line.size() > maxLineLength)
            return Outcome::OverLong;
        onLine(line);
    }
    if (!carryOn())
        return Outcome::Stopped;
    m_input.remove(0, m_inputPos);
    m_inputPos = 0;
    if (m_input.size() > maxLineLength)
        return Outcome::OverLong;
    return Outcome::Waiting;
}

void LineSplitter::clear()
{
    m_input.clear();
    m_inputPos = 0;
    m_blockReceiver = {};
}

} // namespace Outpost
