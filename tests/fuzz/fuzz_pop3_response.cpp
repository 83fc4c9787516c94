// Fuzz target: POP3 status lines, APOP timestamps and the multi-line reader.
#include "pop3/Pop3MultiLineReader.h"
#include "pop3/Pop3Response.h"

#include <QByteArrayList>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Outpost;
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QByteArrayList lines = input.split('\n');
    Pop3MultiLineReader reader;
    bool inData = false;
    for (const QByteArray &line : lines) {
        const QByteArray trimmed = line.endsWith('\r') ? line.chopped(1) : line;
        if (inData) {
            QByteArray out;
            if (reader.addLine(trimmed, &out) == Pop3MultiLineReader::End) {
                inData = false;
            } else if (out.size() > trimmed.size() ||
                       (trimmed.startsWith('.') && out.size() != trimmed.size() - 1)) {
                __builtin_trap(); // unstuffing removes exactly the one leading dot
            }
            continue;
        }
        const Pop3Response response = Pop3Response::parse(trimmed);
        if (response.status == Pop3Response::Ok) {
            Pop3Response::apopTimestamp(response.text);
            inData = true;
        }
    }
    return 0;
}
