// Fuzz target: the SMTP reply parser, capability reader and classifier on arbitrary lines.
#include "smtp/SmtpCapabilities.h"
#include "smtp/SmtpReply.h"
#include "smtp/SmtpReplyClassifier.h"

#include <QByteArrayList>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Outpost;
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    SmtpReplyParser parser;
    for (const QByteArray &line : input.split('\n')) {
        const QByteArray trimmed = line.endsWith('\r') ? line.chopped(1) : line;
        if (parser.addLine(trimmed) == SmtpReplyParser::Complete) {
            const SmtpReply reply = parser.take();
            if (reply.code < 200 || reply.code > 599 || reply.lines.isEmpty())
                __builtin_trap();
            for (int stage = 0; stage <= static_cast<int>(SmtpStage::Quit); ++stage)
                classifySmtpReply(reply, static_cast<SmtpStage>(stage));
            SmtpCapabilities::fromEhlo(reply);
        }
    }
    return 0;
}
