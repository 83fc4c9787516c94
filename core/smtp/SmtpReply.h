#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>

namespace Outpost {

/// One SMTP reply (RFC 5321 section 4.2): a code and one or more lines of text.
struct SmtpReply
{
    int code = 0;            ///< the three-digit reply code, 0 when none
    QByteArray enhancedCode; ///< "x.y.z" from the first line (RFC 2034/3463), when present
    QList<QByteArray> lines; ///< the text of each line, after "xyz-" / "xyz "
    QByteArray raw;          ///< every line as received, joined with "\r\n"

    /// Matches the code by prefix: isCode(2) any 2xx, isCode(25) any 25x, isCode(250) exactly.
    bool isCode(int prefix) const;
    /// All text lines joined with "\n".
    QByteArray text() const;
    bool isNull() const { return code == 0; }
    bool operator==(const SmtpReply &other) const = default;
};

/// Assembles replies from lines; pure, so it is tested and fuzzed without sockets.
class SmtpReplyParser
{
public:
    /// What addLine() found.
    enum Status
    {
        NeedMore, ///< a continuation line; the reply goes on
        Complete, ///< the last line: take() the reply
        Invalid,  ///< not an SMTP reply line; the parser is reset
    };

    /// Replies longer than this many lines are refused as Invalid.
    static constexpr int maxLines = 1000;

    /// Adds one line (without CRLF).
    Status addLine(const QByteArray &line);
    /// The completed reply; resets the parser.
    SmtpReply take();

private:
    SmtpReply m_reply;
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::SmtpReply)
