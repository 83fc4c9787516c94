#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Outpost {

/// The one place that turns message bytes into SMTP DATA (and BDAT chunks): line ends become CRLF
/// (a lone CR or LF too), a "." at the start of a line is doubled (RFC 5321 section 4.5.2,
/// including the very first byte), and finish() ends the last line and adds the "." terminator.
/// Works chunk by chunk, so a message is never held whole in memory. POP3's RETR uses the
/// same rules (RFC 1939 section 3): the sandbox server encodes with it too.
class SmtpDataEncoder
{
public:
    /// Encodes the next chunk of the message. A chunk that needs no change (CRLF line ends,
    /// no dot to double: the common case for a message Outpost wrote) comes back as it is,
    /// without a copy.
    QByteArray encode(const QByteArray &chunk);
    /// Ends the data: CRLF when the last line is open, then ".\r\n".
    QByteArray finish();
    /// Ends the last line when it is open (CRLF), without a terminator; for BDAT (RFC 3030),
    /// whose data is counted, not terminated.
    QByteArray endLastLine();
    /// Whether a "." starting a line is doubled (DATA: yes; BDAT: no). On by default.
    void setDotStuffing(bool on) { m_dotStuffing = on; }
    /// Starts over for another message.
    void reset();

private:
    bool needsNoChange(QByteArrayView chunk) const;
    QByteArray encodeCopy(QByteArrayView chunk);

    bool m_atLineStart = true;
    bool m_pendingCr = false;
    bool m_dotStuffing = true;
};

} // namespace Outpost
