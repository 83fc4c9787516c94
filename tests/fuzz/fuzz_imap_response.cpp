// Fuzz target: IMAP responses through the reader (lines, literals kept and streamed) and the
// parser, and the accessors a client calls on what comes out.
#include "imap/ImapResponse.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Outpost;
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    ImapResponseReader reader;
    qsizetype pos = 0;
    while (pos < input.size()) {
        qsizetype end = input.indexOf('\n', pos);
        if (end < 0)
            end = input.size();
        QByteArray line = input.mid(pos, end - pos);
        pos = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        ImapResponseReader::Result r = reader.addLine(line);
        while (r == ImapResponseReader::Result::NeedLiteral) {
            const qint64 want = reader.literalSize();
            if (want < 0)
                __builtin_trap();
            reader.literalIsMessageBody();
            reader.pendingNumber();
            if (want > input.size() - pos)
                return 0; // the input ends inside the literal
            // Bodies are streamed as a client does; the rest is kept.
            r = (want % 2) ? reader.addStreamedLiteral(want)
                           : reader.addLiteral(QByteArrayView(input).sliced(pos, qsizetype(want)));
            pos += qsizetype(want);
            if (r == ImapResponseReader::Result::Incomplete)
                break;
        }
        if (r == ImapResponseReader::Result::Complete) {
            const ImapResponse response = reader.take();
            response.capabilities();
            for (const char *item : {"UID", "BODY[]", "RFC822.SIZE", "FLAGS"}) {
                if (const ImapValue *v = response.fetchItem(item))
                    v->text();
            }
            if (response.type == ImapResponse::Type::Tagged && response.tag.isEmpty())
                __builtin_trap(); // a tagged response always has its tag
        } else if (r == ImapResponseReader::Result::Error) {
            if (reader.error().isEmpty())
                __builtin_trap(); // every refusal says why
            reader.reset();
        }
    }
    return 0;
}
