#pragma once

#include <QString>

namespace Outpost {

/// A failure of the message layer: what went wrong, for code, for people and for logs.
struct MessageError
{
    enum class Kind
    {
        None,
        InvalidAddress,       ///< a sender or recipient could not be used
        NoRecipients,         ///< neither To, Cc nor Bcc holds an address
        AttachmentUnreadable, ///< an attachment file could not be opened or read
        WriteFailed,          ///< the output device refused the bytes (full disk, ...)
        ReadFailed,           ///< an input file or device could not be read
        InvalidMessage,       ///< the input is not a message that can be sent
    };

    Kind kind = Kind::None;
    QString message; ///< a translated sentence for people
    QString detail;  ///< technical detail (file name, system error), for logs

    bool isError() const { return kind != Kind::None; }
};

} // namespace Outpost
