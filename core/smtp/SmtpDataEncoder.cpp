#include "SmtpDataEncoder.h"

namespace Outpost {

QByteArray SmtpDataEncoder::encode(QByteArrayView chunk)
{
    QByteArray out;
    out.reserve(chunk.size() + chunk.size() / 32 + 4);
    for (const char c : chunk) {
        if (m_pendingCr) {
            m_pendingCr = false;
            out += "\r\n";
            m_atLineStart = true;
            if (c == '\n')
                continue; // CRLF: already written
        }
        if (c == '\r') {
            m_pendingCr = true; // CRLF or a lone CR: decided by the next byte
        } else if (c == '\n') {
            out += "\r\n";
            m_atLineStart = true;
        } else {
            if (m_atLineStart && c == '.' && m_dotStuffing)
                out += '.';
            out += c;
            m_atLineStart = false;
        }
    }
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
