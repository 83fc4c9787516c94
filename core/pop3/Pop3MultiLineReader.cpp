#include "Pop3MultiLineReader.h"

#include <cstring>

namespace Outpost {

Pop3MultiLineReader::Result Pop3MultiLineReader::addLine(const QByteArray &line, QByteArray *out)
{
    if (line == ".") {
        m_lines = 0;
        return End;
    }
    ++m_lines;
    // A line starting with "." was stuffed by the server: drop the first ".".
    *out = line.startsWith('.') ? line.mid(1) : line;
    return Data;
}

void Pop3MultiLineReader::startBlocks()
{
    m_lineStart = true;
    m_afterCr = false;
}

qsizetype Pop3MultiLineReader::addBlock(QByteArrayView bytes, QByteArray *out, bool *ended)
{
    *ended = false;
    const char *const begin = bytes.data();
    const char *const end = begin + bytes.size();
    const char *p = begin;
    const char *run = begin; // bytes from here on are kept as they are
    const auto keep = [&](const char *to) {
        if (to > run)
            out->append(run, to - run);
    };
    while (p < end) {
        if (m_lineStart) {
            if (*p == '.') {
                // The bytes after the dot tell the terminator from a stuffed dot.
                if (end - p < 2 || (p[1] == '\r' && end - p < 3)) {
                    keep(p);
                    return p - begin;
                }
                if (p[1] == '\n' || (p[1] == '\r' && p[2] == '\n')) {
                    keep(p);
                    m_lines = 0;
                    *ended = true;
                    startBlocks();
                    return p + (p[1] == '\n' ? 2 : 3) - begin;
                }
                keep(p);
                run = ++p; // the stuffing dot is dropped
            }
            m_lineStart = false;
            if (p == end)
                break;
        }
        const auto *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!newline) {
            m_afterCr = end[-1] == '\r';
            break;
        }
        const bool crlf = newline > p ? newline[-1] == '\r' : m_afterCr;
        if (!crlf) {
            keep(newline);
            out->append("\r\n", 2);
            run = newline + 1;
        }
        ++m_lines;
        m_afterCr = false;
        p = newline + 1;
        m_lineStart = true;
    }
    keep(end);
    return end - begin;
}

} // namespace Outpost
