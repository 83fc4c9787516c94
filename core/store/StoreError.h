#pragma once

#include <QString>

namespace Outpost {

/// A failure of the outbox or inbox store: kind for code, message for people, detail for logs.
struct StoreError
{
    enum class Kind
    {
        None,
        NotWritable,    ///< the profile folder cannot be created or written
        DiskFull,       ///< a write failed for lack of space (or a file size limit)
        NotFound,       ///< no message with that id
        InvalidState,   ///< the requested change does not apply to the message's state
        InvalidMessage, ///< the message cannot be queued as it is
        ReadFailed,     ///< a stored file could not be read
    };

    Kind kind = Kind::None;
    QString message; ///< a translated sentence for people
    QString detail;  ///< path and system error, for logs

    bool isError() const { return kind != Kind::None; }
};

} // namespace Outpost
