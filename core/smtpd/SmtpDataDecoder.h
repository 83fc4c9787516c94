#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Outpost {

/// Reads the data of an SMTP DATA command (RFC 5321 sections 4.1.1.4 and 4.5.2) from the
/// bytes as they arrive, for every SMTP server Outpost runs (the local relay, the sandbox).
///
/// Only CRLF "." CRLF ends the data. A bare LF or a bare CR (a line end that is not CRLF)
/// ends a line of the message but never the message: ".\n", "\n.\r\n" and "\r.\r" are
/// message content, so a second message cannot be smuggled behind the first (the SMTP
/// smuggling attacks of 2023). Every line end of the content becomes CRLF, so that what is
/// kept and later sent holds no bare CR or LF that another server could read differently.
/// A leading dot is removed (dot-unstuffing) only from a line that follows CRLF, where the
/// client must have stuffed it; after a bare line end the dot is kept.
class SmtpDataDecoder
{
public:
    /// @p maxSize: content past this many octets is not kept; the end is still found.
    explicit SmtpDataDecoder(qint64 maxSize = 0)
        : m_maxSize(maxSize)
    {}

    struct Step
    {
        qsizetype consumed = 0; ///< bytes of the input used (all of it unless finished)
        bool finished = false;  ///< the terminating CRLF.CRLF was read
    };
    /// Decodes @p bytes; stops right after the end of the data, so what follows (pipelined
    /// commands) stays with the caller.
    Step feed(QByteArrayView bytes);

    /// The message so far, with CRLF line ends and dots unstuffed.
    const QByteArray &content() const { return m_content; }
    QByteArray takeContent();
    /// Takes the lines read completely so far (to write them out while more arrive).
    QByteArray takeCompleteLines();
    /// The octets the content had (also those not kept when too big).
    qint64 size() const { return m_size; }
    /// True when the content grew past the size limit (and was not kept).
    bool tooBig() const { return m_tooBig; }
    /// How many bare CR or LF line ends were read (and made CRLF).
    int bareLineEnds() const { return m_bareLineEnds; }
    /// Starts over for a new message.
    void reset();

private:
    enum class End
    {
        CrLf,
        Bare,
    };
    void append(QByteArrayView bytes);
    /// The current line ended; returns true when it was the end of the data.
    bool lineEnded(End end);

    qint64 m_maxSize = 0;
    QByteArray m_content;
    qsizetype m_lineStart = 0;  ///< where the current line starts in m_content
    qsizetype m_lineLength = 0; ///< octets of the current line read (also when not kept)
    bool m_lineIsDot = false;   ///< the current line so far is exactly "."
    bool m_afterCrLf = true;    ///< the current line follows CRLF (or starts the data)
    bool m_pendingCr = false;   ///< the last byte read was a CR: its LF may come next
    bool m_tooBig = false;
    qint64 m_size = 0;
    int m_bareLineEnds = 0;
};

} // namespace Outpost
