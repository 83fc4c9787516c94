#pragma once

#include "SmtpReply.h"

#include <QByteArrayList>

namespace Outpost {

/// What the server announced in its EHLO reply (RFC 5321 section 4.1.1.1).
struct SmtpCapabilities
{
    bool extended = false;            ///< EHLO was accepted (false after a HELO fallback)
    bool pipelining = false;          ///< RFC 2920
    bool eightBitMime = false;        ///< RFC 6152
    bool smtpUtf8 = false;            ///< RFC 6531
    bool startTls = false;            ///< RFC 3207
    bool enhancedStatusCodes = false; ///< RFC 2034
    bool chunking = false;            ///< RFC 3030
    bool futureRelease = false;       ///< RFC 4865 (HOLDUNTIL, HOLDFOR)
    qint64 maxSize = 0;               ///< RFC 1870 SIZE limit; 0 when none announced
    bool sizeAnnounced = false;       ///< SIZE was announced (possibly without a limit)
    QByteArrayList authMechanisms;    ///< RFC 4954, upper case

    /// Reads the keywords of an EHLO reply (the first line is the server's greeting).
    static SmtpCapabilities fromEhlo(const SmtpReply &reply);
    /// True when AUTH announced @p mechanism (case-insensitive).
    bool hasAuth(const QByteArray &mechanism) const;
};

} // namespace Outpost
