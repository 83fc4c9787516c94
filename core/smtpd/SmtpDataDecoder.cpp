#include "SmtpDataDecoder.h"

namespace Outpost {

namespace {

// The first CR or LF in [from, end), or end.
const char *findLineEnd(const char *from, const char *end)
{
    for (const char *p = from; p < end; ++p)
        if (*p == '\r' || *p == '\n')
            return p;
    return end;
}

} // namespace

SmtpDataDecoder::Step SmtpDataDecoder::feed(QByteArrayView bytes)
{
    const char *const begin = bytes.data();
    const char *const end = begin + bytes.size();
    const char *p = begin;
    if (m_pendingCr && p < end) {
        m_pendingCr = false;
        if (*p == '\n') {
            ++p;
            if (lineEnded(End::CrLf))
                return {p - begin, true};
        } else if (lineEnded(End::Bare)) {
            return {p - begin, true}; // cannot happen: a bare end never finishes
        }
    }
    while (p < end) {
        const char *stop = findLineEnd(p, end);
        append(QByteArrayView(p, stop - p));
        p = stop;
        if (p == end)
            break;
        if (*p == '\n') {
            ++p;
            lineEnded(End::Bare);
            continue;
        }
        // A CR: CRLF when an LF follows, bare otherwise; the LF may still be on its way.
        ++p;
        if (p == end) {
            m_pendingCr = true;
            break;
        }
        if (*p == '\n') {
            ++p;
            if (lineEnded(End::CrLf))
                return {p - begin, true};
        } else {
            lineEnded(End::Bare);
        }
    }
    return {p - begin, false};
}

void SmtpDataDecoder::append(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    m_lineIsDot = m_lineLength == 0 && bytes.size() == 1 && bytes.front() == '.';
    m_lineLength += bytes.size();
    if (m_tooBig)
        return; // only whether the line is "." still matters
    m_content.append(bytes.data(), bytes.size());
    // A line that never ends must not grow past the limit either (one octet of slack for a
    // stuffed dot; the exact count is taken when the line ends).
    if (m_maxSize > 0 && m_size + m_lineLength - 1 > m_maxSize) {
        m_tooBig = true;
        m_content.clear();
        m_content.squeeze();
        m_lineStart = 0;
    }
}

bool SmtpDataDecoder::lineEnded(End end)
{
    const bool afterCrLf = m_afterCrLf;
    m_afterCrLf = end == End::CrLf;
    if (end == End::CrLf && afterCrLf && m_lineIsDot) {
        if (!m_tooBig)
            m_content.truncate(m_lineStart);
        return true;
    }
    if (end == End::Bare)
        ++m_bareLineEnds;
    // The stuffed dot of a line that follows CRLF (RFC 5321 section 4.5.2).
    qsizetype length = m_lineLength;
    if (afterCrLf && length > 0 && !m_tooBig && m_content.at(m_lineStart) == '.') {
        m_content.remove(m_lineStart, 1);
        --length;
    } else if (afterCrLf && length > 0 && m_tooBig) {
        --length; // not kept, but counted as if unstuffed
    }
    m_size += length + 2;
    m_lineLength = 0;
    m_lineIsDot = false;
    if (m_tooBig)
        return false;
    if (m_maxSize > 0 && m_size > m_maxSize) {
        m_tooBig = true;
        m_content.clear();
        m_content.squeeze();
        m_lineStart = 0;
        return false;
    }
    m_content.append("\r\n", 2);
    m_lineStart = m_content.size();
    return false;
}

QByteArray SmtpDataDecoder::takeContent()
{
    QByteArray out = std::move(m_content);
    m_content = {};
    m_lineStart = 0;
    return out;
}

QByteArray SmtpDataDecoder::takeCompleteLines()
{
    if (m_lineStart == 0)
        return {};
    if (m_lineStart == m_content.size())
        return takeContent();
    QByteArray out = m_content.left(m_lineStart);
    m_content.remove(0, m_lineStart);
    m_lineStart = 0;
    return out;
}

void SmtpDataDecoder::reset()
{
    *this = SmtpDataDecoder(m_maxSize);
}

} // namespace Outpost
