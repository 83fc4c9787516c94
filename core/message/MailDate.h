#pragma once

#include <QByteArray>
#include <QDateTime>

namespace Outpost {

/// Dates in mail headers (RFC 5322 section 3.3, and the obsolete forms of section 4.3).
class MailDate
{
public:
    /// "Sat, 28 Nov 2026 15:14:04 +0900": English names, the time's own UTC offset.
    static QByteArray format(const QDateTime &dateTime);
    /// Parses RFC 5322 dates and common variants (two-digit years, zone names such as
    /// GMT, EST or JST, missing seconds or weekday, asctime form). Invalid when hopeless.
    static QDateTime parse(const QByteArray &value);
};

} // namespace Outpost
