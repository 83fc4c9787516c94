// Fuzz target: the MIME message reader (full parse, attachments, header-only summary).
#include "message/MessageReader.h"

#include <QBuffer>
#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Outpost::ParsedMessage message = Outpost::MessageReader::parse(bytes);
    for (int i = 0; i < message.attachments().size(); ++i)
        (void)message.attachmentData(i);
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    (void)Outpost::MessageReader::readSummary(&buffer);
    (void)Outpost::MessageReader::htmlToText(QString::fromUtf8(bytes));
    return 0;
}
