#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace Outpost {

/// Splits received bytes into protocol lines (CRLF or bare LF, without the line end), or
/// hands them in blocks to a block receiver. Shared by every LineTransport, so that a test
/// transport splits exactly like the real Connection.
class LineSplitter
{
public:
    /// Takes received bytes in blocks instead of lines; returns how many it used (it may
    /// leave the start of a line for the next block).
    using BlockReceiver = std::function<qsizetype(QByteArrayView bytes)>;
    /// Receives one line, without its line end.
    using LineSink = std::function<void(const QByteArray &line)>;
    /// Tells whether delivery may go on (false once the transport has failed).
    using CarryOn = std::function<bool()>;

    /// How deliver() ended.
    enum class Outcome
    {
        Waiting,  ///< everything complete was delivered; the rest waits for more bytes
        Stopped,  ///< carryOn() returned false
        OverLong, ///< a line (or the unfinished rest) is longer than maxLineLength
    };

    /// A line longer than this is not a protocol line (RFC 5321 section 4.5.3.1.5 allows
    /// 512 octets for replies, RFC 1939 512 for responses; message lines are at most 998
    /// octets but real mail breaks that, so allow plenty before calling it a violation).
    static constexpr qsizetype maxLineLength = 1024 * 1024;

    /// Adds received bytes after those not yet delivered.
    void append(QByteArrayView bytes) { m_input.append(bytes.data(), bytes.size()); }
    /// Delivers every complete line to @p onLine (or the bytes to the block receiver while
    /// one is set) while @p carryOn returns true.
    Outcome deliver(const LineSink &onLine, const CarryOn &carryOn);
    /// While a block receiver is set, bytes go to it instead of to the line sink; it ends
    /// block mode by setting an empty one, and lines resume after what it used.
    void setBlockReceiver(BlockReceiver receiver) { m_blockReceiver = std::move(receiver); }
    /// True when received bytes wait that were not delivered yet.
    bool hasPending() const { return m_input.size() > m_inputPos; }
    /// Forgets pending bytes and the block receiver (for a new connection).
    void clear();

private:
    QByteArray m_input;       ///< received bytes not yet split into lines
    qsizetype m_inputPos = 0; ///< start of the first unprocessed line in m_input
    BlockReceiver m_blockReceiver;
};

} // namespace Outpost
