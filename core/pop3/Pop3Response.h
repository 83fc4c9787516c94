#pragma once

#include <QByteArray>

namespace Outpost {

/// The status line of a POP3 response (RFC 1939 section 3): "+OK ...", "-ERR ..." or, during
/// SASL (RFC 5034), a "+ challenge" continuation.
struct Pop3Response
{
    /// What kind of status line this is.
    enum Status
    {
        Invalid,      ///< not a POP3 status line
        Ok,           ///< +OK
        Err,          ///< -ERR
        Continuation, ///< "+ " SASL challenge
    };

    Status status = Invalid;
    QByteArray text; ///< the text after the status indicator
    /// An extended response code (RFC 2449 section 8, RFC 3206) such as "IN-USE", "AUTH",
    /// "SYS/TEMP" or "SYS/PERM", upper case; empty when none.
    QByteArray code;

    /// Parses one line (without CRLF).
    static Pop3Response parse(const QByteArray &line);
    /// The APOP timestamp "<...@...>" of a greeting (RFC 1939 section 7), empty when none.
    static QByteArray apopTimestamp(const QByteArray &greetingText);
    bool operator==(const Pop3Response &other) const = default;
};

} // namespace Outpost
