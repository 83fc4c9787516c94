#include "Pop3Response.h"

namespace Outpost {

Pop3Response Pop3Response::parse(const QByteArray &line)
{
    Pop3Response response;
    QByteArray rest;
    if (line.startsWith("+OK") && (line.size() == 3 || line[3] == ' ')) {
        response.status = Ok;
        rest = line.mid(4);
    } else if (line.startsWith("-ERR") && (line.size() == 4 || line[4] == ' ')) {
        response.status = Err;
        rest = line.mid(5);
    } else if (line == "+" || line.startsWith("+ ")) {
        response.status = Continuation;
        response.text = line.mid(2);
        return response;
    } else {
        return response;
    }
    // RFC 2449 section 8: "[" resp-code "]" right after the status indicator.
    if (rest.startsWith('[')) {
        const qsizetype close = rest.indexOf(']');
        if (close > 1) {
            response.code = rest.mid(1, close - 1).toUpper();
            rest = rest.mid(close + 1).trimmed();
        }
    }
    response.text = rest;
    return response;
}

QByteArray Pop3Response::apopTimestamp(const QByteArray &greetingText)
{
    const qsizetype open = greetingText.indexOf('<');
    if (open < 0)
        return {};
    const qsizetype close = greetingText.indexOf('>', open);
    if (close < 0)
        return {};
    const QByteArray stamp = greetingText.mid(open, close - open + 1);
    // msg-id shape: something "@" something; no spaces.
    if (!stamp.contains('@') || stamp.contains(' '))
        return {};
    return stamp;
}

} // namespace Outpost
