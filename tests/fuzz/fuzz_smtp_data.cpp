// Fuzz target: the SMTP DATA reader the relay and the sandbox share, and the MAIL/RCPT
// argument reader. Invariants: the end of the data is found the same way whatever the pieces
// the bytes arrive in; what is kept has only CRLF line ends; nothing past the end is used.
#include "smtpd/SmtpDataDecoder.h"
#include "smtpd/SmtpPath.h"

#include <cstddef>
#include <cstdint>

namespace {

struct Outcome
{
    QByteArray content;
    qsizetype consumed = 0;
    bool finished = false;
    bool tooBig = false;
};

Outcome decode(const QByteArray &input, qsizetype piece, qint64 limit)
{
    Outpost::SmtpDataDecoder decoder(limit);
    Outcome out;
    for (qsizetype at = 0; at < input.size() && !out.finished; at += piece) {
        const QByteArrayView chunk(input.constData() + at, qMin(piece, input.size() - at));
        const Outpost::SmtpDataDecoder::Step step = decoder.feed(chunk);
        if (step.consumed < 0 || step.consumed > chunk.size())
            __builtin_trap();
        if (!step.finished && step.consumed != chunk.size())
            __builtin_trap();
        out.consumed += step.consumed;
        out.finished = step.finished;
    }
    out.content = decoder.content();
    out.tooBig = decoder.tooBig();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qint64 limit = size > 0 ? (data[0] % 4) * 64 : 0; // 0: no limit
    const Outcome whole = decode(input, qMax<qsizetype>(1, input.size()), limit);
    for (qsizetype piece : {qsizetype(1), qsizetype(3), qsizetype(7)}) {
        const Outcome split = decode(input, piece, limit);
        if (split.finished != whole.finished || split.consumed != whole.consumed ||
            split.tooBig != whole.tooBig || (!whole.tooBig && split.content != whole.content))
            __builtin_trap();
    }
    // Only CRLF line ends are kept.
    const QByteArray &c = whole.content;
    for (qsizetype i = 0; i < c.size(); ++i) {
        if (c.at(i) == '\n' && (i == 0 || c.at(i - 1) != '\r'))
            __builtin_trap();
        if (c.at(i) == '\r' && (i + 1 >= c.size() || c.at(i + 1) != '\n'))
            __builtin_trap();
    }
    // The end is CRLF.CRLF (or the start of the data followed by .CRLF).
    if (whole.finished) {
        const QByteArray used = input.left(whole.consumed);
        if (!(used == ".\r\n" || used.endsWith("\r\n.\r\n")))
            __builtin_trap();
    }
    // Within the limit: a finished message exactly; an unfinished line may hold one octet
    // more (its stuffed dot is only known to be one when the line ends).
    if (limit > 0 && c.size() > limit + (whole.finished ? 0 : 1))
        __builtin_trap();
    for (const QByteArray &line : input.split('\n')) {
        (void)Outpost::SmtpPath::parse(line, "FROM:", true);
        (void)Outpost::SmtpPath::parse(line, "TO:", false);
    }
    return 0;
}
