#include "SmtpCapabilities.h"

namespace Outpost {

SmtpCapabilities SmtpCapabilities::fromEhlo(const SmtpReply &reply)
{
    SmtpCapabilities caps;
    caps.extended = true;
    for (qsizetype i = 1; i < reply.lines.size(); ++i) {
        const QByteArrayList words = reply.lines[i].simplified().split(' ');
        const QByteArray keyword = words.value(0).toUpper();
        if (keyword == "PIPELINING") {
            caps.pipelining = true;
        } else if (keyword == "8BITMIME") {
            caps.eightBitMime = true;
        } else if (keyword == "SMTPUTF8") {
            caps.smtpUtf8 = true;
        } else if (keyword == "STARTTLS") {
            caps.startTls = true;
        } else if (keyword == "ENHANCEDSTATUSCODES") {
            caps.enhancedStatusCodes = true;
        } else if (keyword == "CHUNKING") {
            caps.chunking = true;
        } else if (keyword == "FUTURERELEASE") {
            caps.futureRelease = true;
        } else if (keyword == "SIZE") {
            caps.sizeAnnounced = true;
            bool ok = false;
            const qint64 size = words.value(1).toLongLong(&ok);
            caps.maxSize = ok && size > 0 ? size : 0;
        } else if (keyword == "AUTH" || keyword.startsWith("AUTH=")) {
            // "AUTH=LOGIN PLAIN" is an old form some servers still send.
            QByteArrayList mechanisms = words.mid(1);
            if (keyword.startsWith("AUTH="))
                mechanisms.prepend(keyword.mid(5));
            for (const QByteArray &mechanism : mechanisms) {
                const QByteArray upper = mechanism.toUpper();
                if (!upper.isEmpty() && !caps.authMechanisms.contains(upper))
                    caps.authMechanisms << upper;
            }
        }
    }
    return caps;
}

bool SmtpCapabilities::hasAuth(const QByteArray &mechanism) const
{
    return authMechanisms.contains(mechanism.toUpper());
}

} // namespace Outpost
