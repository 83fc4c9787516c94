#include "SmtpDataEncoder.h"

#include <cstring>

namespace Outpost {

bool SmtpDataEncoder::needsNoChange(QByteArrayView chunk) const
{
    if (chunk.isEmpty() || m_pendingCr || chunk.back() == '\r')
        return false; // a CR at the end: its LF (or not) is in the next chunk
    const char *const begin = chunk.data();
    const char *const end = begin + chunk.size();
    if (m_dotStuffing && m_atLineStart && *begin == '.')
        return false;
    // Every LF after a CR, every CR before an LF, and (with stuffing) no line opening with
    // a dot: memchr finds the few places to look at.
    for (const char *p = begin; p < end;) {
        const auto *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *lineEnd = newline ? newline : end;
        const char *cr = static_cast<const char *>(std::memchr(p, '\r', size_t(lineEnd - p)));
        if (cr && cr != lineEnd - 1)
            return false; // a lone CR inside the line
        if (!newline)
            return !cr;
        if (!cr)
            return false; // a bare LF
        p = newline + 1;
        if (m_dotStuffing && p < end && *p == '.')
            return false;
    }
    return true;
}

QByteArray SmtpDataEncoder::encode(const QByteArray &chunk)
{
    if (!needsNoChange(chunk))
        return encodeCopy(chunk);
    m_atLineStart = chunk.endsWith('\n');
    return chunk;
}

QByteArray SmtpDataEncoder::encodeCopy(QByteArrayView chunk)
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
        // The run ends at the next line end (memchr: a few bytes at a time, not one).
        const char *run = p;
        const auto *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *stop = newline ? newline : end;
        if (const auto *cr = static_cast<const char *>(std::memchr(p, '\r', size_t(stop - p))))
            stop = cr;
        p = stop;
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
