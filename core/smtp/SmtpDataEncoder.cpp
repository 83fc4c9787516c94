#include "SmtpDataEncoder.h"

#include <cstring>

namespace Outpost {

QByteArray SmtpDataEncoder::encode(QByteArrayView chunk)
{
    // Runs of ordinary bytes are copied whole; only line ends and a dot opening a line need
    // a decision. Each input byte makes at most two output bytes, plus the two of a CR
    // pending from the previous chunk.
    QByteArray out(chunk.size() * 2 + 2, Qt::Uninitialized);
    char *o = out.data();
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    while (p < end) {
        if (m_pendingCr) {
            m_pendingCr = false;
            *o++ = '\r';
            *o++ = '\n';
            m_atLineStart = true;
            if (*p == '\n') {
                ++p; // CRLF: already written
                continue;
            }
        }
        if (*p == '\r') {
            m_pendingCr = true; // CRLF or a lone CR: decided by the next byte
            ++p;
            continue;
        }
        if (*p == '\n') {
            *o++ = '\r';
            *o++ = '\n';
            m_atLineStart = true;
            ++p;
            continue;
        }
        if (m_atLineStart && *p == '.' && m_dotStuffing)
            *o++ = '.';
        const char *run = p;
        while (p < end && *p != '\r' && *p != '\n')
            ++p;
        std::memcpy(o, run, size_t(p - run));
        o += p - run;
        m_atLineStart = false;
    }
    out.truncate(o - out.data());
    return out;
}

QByteArray SmtpDataEncoder::finish()
{
    QByteArray out = endLastLine();
    out += ".\r\n";
    reset();
    return out;
}

QByteArray SmtpDataEncoder::endLastLine()
{
    const bool open = m_pendingCr || !m_atLineStart;
    m_pendingCr = false;
    m_atLineStart = true;
    return open ? QByteArray("\r\n") : QByteArray();
}

void SmtpDataEncoder::reset()
{
    m_atLineStart = true;
    m_pendingCr = false;
}

} // namespace Outpost
