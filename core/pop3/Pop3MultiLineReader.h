#pragma once

#include <QByteArray>
#include <QByteArrayView>

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

    /// The same rules for a message's data taken in blocks as they arrive (a 100 MB message
    /// has over a million lines): appends to @p out what addLine would give line by line,
    /// each line ended by CRLF (a bare LF becomes CRLF), and returns how many bytes of
    /// @p bytes it used. Sets @p ended once the terminating line was used; the bytes after it
    /// are left alone. It may leave the last two bytes (a line starting with "." that the
    /// next bytes decide) for the next call, which must begin with them.
    qsizetype addBlock(QByteArrayView bytes, QByteArray *out, bool *ended);
    /// Forgets the block state (a new response's data follows).
    void startBlocks();

private:
    qint64 m_lines = 0;
    bool m_lineStart = true; ///< addBlock: the next byte starts a line
    bool m_afterCr = false;  ///< addBlock: the last byte used was a CR
};

} // namespace Outpost
