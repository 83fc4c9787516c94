#pragma once

#include <QByteArray>

namespace Outpost {

/// Reads the body of a multi-line POP3 response line by line (RFC 1939 section 3): removes
/// the byte-stuffed leading "." and recognises the lone "." terminator. Pure, for tests and
/// fuzzing.
class Pop3MultiLineReader
{
public:
    /// What a line was.
    enum Result
    {
        Data, ///< a line of the response; the unstuffed text is in *out
        End,  ///< the terminator; the response is complete
    };

    /// Takes one line (without CRLF). For Data, sets @p out to the unstuffed line.
    Result addLine(const QByteArray &line, QByteArray *out);
    /// Number of data lines seen since the last End.
    qint64 lines() const { return m_lines; }

private:
    qint64 m_lines = 0;
};

} // namespace Outpost
