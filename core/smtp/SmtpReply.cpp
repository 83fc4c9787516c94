#include "SmtpReply.h"

namespace Outpost {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// RFC 3463 section 2: class "." subject "." detail, class 2, 4 or 5, subject and detail
// of one to three digits.
QByteArray parseEnhancedCode(const QByteArray &text)
{
    int i = 0;
    const int n = static_cast<int>(text.size());
    if (n < 5 || (text[0] != '2' && text[0] != '4' && text[0] != '5') || text[1] != '.')
        return {};
    i = 2;
    for (int part = 0; part < 2; ++part) {
        const int start = i;
        while (i < n && isDigit(text[i]) && i - start < 3)
            ++i;
        if (i == start)
            return {};
        if (part == 0) {
            if (i >= n || text[i] != '.')
                return {};
            ++i;
        }
    }
    if (i < n && text[i] != ' ')
        return {};
    return text.left(i);
}

} // namespace

bool SmtpReply::isCode(int prefix) const
{
    if (prefix >= 100)
        return code == prefix;
    if (prefix >= 10)
        return code / 10 == prefix;
    return code / 100 == prefix;
}

QByteArray SmtpReply::text() const
{
    return lines.join('\n');
}

SmtpReplyParser::Status SmtpReplyParser::addLine(const QByteArray &line)
{
    // RFC 5321 section 4.2: "xyz-text" continues, "xyz text" or "xyz" ends the reply;
    // the first digit is 2 to 5, and every line carries the same code.
    const bool shapeOk = line.size() >= 3 && line[0] >= '2' && line[0] <= '5' && isDigit(line[1]) &&
                         isDigit(line[2]) && (line.size() == 3 || line[3] == ' ' || line[3] == '-');
    if (!shapeOk) {
        m_reply = {};
        return Invalid;
    }
    const int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    if (m_reply.code != 0 && m_reply.code != code) {
        m_reply = {};
        return Invalid;
    }
    const bool last = line.size() == 3 || line[3] == ' ';
    if (!last && m_reply.lines.size() >= maxLines) {
        m_reply = {}; // a reply without end would grow without bound
        return Invalid;
    }
    const QByteArray text = line.mid(4);
    if (m_reply.code == 0) {
        m_reply.code = code;
        m_reply.enhancedCode = parseEnhancedCode(text);
    } else {
        m_reply.raw += "\r\n";
    }
    m_reply.raw += line;
    m_reply.lines << text;
    return last ? Complete : NeedMore;
}

SmtpReply SmtpReplyParser::take()
{
    SmtpReply reply = m_reply;
    m_reply = {};
    return reply;
}

} // namespace Outpost
