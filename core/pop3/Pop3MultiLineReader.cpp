#include "Pop3MultiLineReader.h"

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

} // namespace Outpost
